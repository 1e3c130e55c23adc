package edu.sevenp.desktop.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the window is and how big, as the learner left it: the bounds it has when neither maximised nor
 * minimised, and whether it was maximised.
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    /** The size a window opens at the first time, when the screen has room for it. */
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    /**
     * Where to open the window: at {@code saved}, kept inside the visible bounds of the screen it is mostly on
     * and never below the minimum size; centred on the primary screen when there is nothing saved or the saved
     * place is on no screen any more (a monitor unplugged). The minimum wins over a screen too small for it.
     *
     * @param saved where the window was left (may be null)
     * @param screens the visible bounds of each screen (without task bars and docks)
     * @param primary the visible bounds of the primary screen
     */
    public static WindowPlacement fit(WindowPlacement saved, List<Rectangle2D> screens, Rectangle2D primary,
            double minWidth, double minHeight) {
        Objects.requireNonNull(screens, "screens");
        Objects.requireNonNull(primary, "primary");
        if (saved == null) {
            return centred(DEFAULT_WIDTH, DEFAULT_HEIGHT, primary, minWidth, minHeight, false);
        }
        Optional<Rectangle2D> home = screens.stream()
                .filter(screen -> overlap(screen, saved) > 0)
                .max(Comparator.comparingDouble(screen -> overlap(screen, saved)));
        if (home.isEmpty()) {
            return centred(saved.width(), saved.height(), primary, minWidth, minHeight, saved.maximized());
        }
        Rectangle2D screen = home.get();
        double width = size(saved.width(), minWidth, screen.getWidth());
        double height = size(saved.height(), minHeight, screen.getHeight());
        return new WindowPlacement(position(saved.x(), screen.getMinX(), screen.getMaxX() - width),
                position(saved.y(), screen.getMinY(), screen.getMaxY() - height), width, height, saved.maximized());
    }

    private static WindowPlacement centred(double wanted, double wantedHeight, Rectangle2D screen, double minWidth,
            double minHeight, boolean maximized) {
        double width = size(wanted, minWidth, screen.getWidth());
        double height = size(wantedHeight, minHeight, screen.getHeight());
        return new WindowPlacement(screen.getMinX() + Math.max(0, (screen.getWidth() - width) / 2),
                screen.getMinY() + Math.max(0, (screen.getHeight() - height) / 2), width, height, maximized);
    }

    /** {@code wanted}, but at most {@code room} and at least {@code min} (which wins). */
    private static double size(double wanted, double min, double room) {
        double fitting = Double.isFinite(wanted) ? Math.min(wanted, room) : room;
        return Math.max(min, fitting);
    }

    /** {@code wanted} between {@code first} and {@code last}; {@code first} when the window is wider than the room. */
    private static double position(double wanted, double first, double last) {
        return Math.max(first, Math.min(Double.isFinite(wanted) ? wanted : first, last));
    }

    private static double overlap(Rectangle2D screen, WindowPlacement window) {
        double width = Math.min(screen.getMaxX(), window.x() + window.width()) - Math.max(screen.getMinX(), window.x());
        double height = Math.min(screen.getMaxY(), window.y() + window.height()) - Math.max(screen.getMinY(), window.y());
        return width > 0 && height > 0 ? width * height : 0;
    }
}
