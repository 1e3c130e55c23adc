package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the player window and waits until the learner closes it. Uses {@link Platform#startup} rather
 * than an {@code Application} subclass, so that the window gets its collaborators through
 * constructors and the launcher stays a plain class (which packaging needs).
 */
public final class DesktopUi {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopUi.class);

    /** How long closing waits for the last writes (the time spent on the last lesson) before the store closes. */
    private static final long DRAIN_SECONDS = 10;

    private DesktopUi() {
    }

    /** Thrown when there is no display to show a window on. */
    public static final class NoDisplayException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoDisplayException(Throwable cause) {
            super("The player needs a graphical display, and none is available ("
                    + cause.getMessage() + "). Headless use: --self-check, --import <package>.", cause);
        }
    }

    /**
     * Shows the window at once, opens the profile in the background, and waits until the learner closes
     * the window. Then it lets the last writes finish and closes the profile, also when the window was
     * closed while the profile was still opening (the opening is waited for, never left half done).
     *
     * @param opener opens the profile (on a background thread)
     * @param explain turns a failed opening into a message for the learner
     * @param logFile where the details of a failure are
     * @param startedAt {@link System#nanoTime()} at the start of the program
     * @param placements where the window opens, and where it is kept when it closes
     * @return whether the profile opened; false when the window showed why it could not
     */
    public static boolean showAndWait(Callable<PlayerServices> opener, Function<Throwable, String> explain, Path logFile,
            long startedAt, WindowPlacementStore placements) throws InterruptedException {
        return showAndWait(opener, explain, logFile, startedAt, placements, SettingsContext.inMemory());
    }

    /**
     * As {@link #showAndWait(Callable, Function, Path, long, WindowPlacementStore)}, with the learner's settings: every
     * window follows their theme and text size from the first (the launcher has set the language already), and the
     * settings screen changes and keeps them.
     */
    public static boolean showAndWait(Callable<PlayerServices> opener, Function<Throwable, String> explain, Path logFile,
            long startedAt, WindowPlacementStore placements, SettingsContext settings) throws InterruptedException {
        // Read before the window exists, so that it shows at once where it was left.
        WindowPlacement saved = placements.load().orElse(null);
        ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sevenp-background");
            thread.setDaemon(true);
            return thread;
        });
        StartupViewModel model = new StartupViewModel(opener, explain, logFile, new UiExecutors(background, Platform::runLater));
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try {
            Platform.setImplicitExit(true);
            Platform.startup(() -> {
                try {
                    settings.appearance().followAllWindows();
                    StartupWindow window = new StartupWindow(new Stage(), model,
                            services -> playerWindow(services, background, settings),
                            startedAt, saved, placement -> background.execute(() -> keep(placements, placement)));
                    window.closed().thenRun(() -> closed.complete(null));
                    window.show();
                } catch (RuntimeException e) {
                    model.abandon();
                    closed.completeExceptionally(e);
                }
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            background.shutdownNow();
            throw new NoDisplayException(e);
        }
        try {
            closed.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The window could not be shown: " + e.getCause().getMessage(), e.getCause());
        } finally {
            // Also when interrupted: the opening finishes, and whatever it opened is closed below.
            PlayerServices services = model.opened().exceptionally(failure -> null).join();
            // Let queued writes (the last lesson's time) finish before the profile closes.
            background.shutdown();
            if (!background.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running {} s after the window closed; stopping it", DRAIN_SECONDS);
            }
            background.shutdownNow();
            Platform.exit();
            if (services != null) {
                services.close();
            }
        }
        return !model.opened().isCompletedExceptionally();
    }

    private static void keep(WindowPlacementStore placements, WindowPlacement placement) {
        try {
            placements.save(placement);
        } catch (RuntimeException e) {
            // Losing the placement costs the learner one resize; the profile still closes cleanly.
            LOG.warn("The window's placement was not saved", e);
        }
    }

    private static PlayerWindow playerWindow(PlayerServices services, ExecutorService background,
            SettingsContext settings) {
        return new PlayerWindow(services.learning(), services.library(), services.search(), services.sync(),
                services.downloads(), services.imports(), new UiExecutors(background, Platform::runLater),
                Clock.systemUTC(), ZoneId.systemDefault(), services.preferredCourse(), settings);
    }
}
