package edu.sevenp.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final double MIN_WIDTH = 900;
    private static final double MIN_HEIGHT = 520;
    /** A 1920×1080 screen with a 40 px task bar at the bottom, and a 1280×1024 one to its right. */
    private final Rectangle2D primary = new Rectangle2D(0, 0, 1920, 1040);
    private final Rectangle2D right = new Rectangle2D(1920, 0, 1280, 1024);
    private final List<Rectangle2D> screens = List.of(primary, right);

    @Test
    void theFirstWindowIsTheDefaultSizeCentredOnThePrimaryScreen() {
        assertThat(WindowPlacement.fit(null, screens, primary, MIN_WIDTH, MIN_HEIGHT))
                .isEqualTo(new WindowPlacement(320, 120, 1280, 800, false));
    }

    @Test
    void theDefaultShrinksToASmallScreenButNeverBelowTheMinimum() {
        Rectangle2D small = new Rectangle2D(0, 0, 1024, 700);
        assertThat(WindowPlacement.fit(null, List.of(small), small, MIN_WIDTH, MIN_HEIGHT))
                .isEqualTo(new WindowPlacement(0, 0, 1024, 700, false));
        Rectangle2D tiny = new Rectangle2D(0, 0, 800, 480);
        assertThat(WindowPlacement.fit(null, List.of(tiny), tiny, MIN_WIDTH, MIN_HEIGHT))
                .isEqualTo(new WindowPlacement(0, 0, MIN_WIDTH, MIN_HEIGHT, false));
    }

    @Test
    void aSavedPlaceThatFitsIsKeptAsItWas() {
        WindowPlacement saved = new WindowPlacement(2000, 100, 1000, 700, true);

        assertThat(WindowPlacement.fit(saved, screens, primary, MIN_WIDTH, MIN_HEIGHT)).isEqualTo(saved);
    }

    @Test
    void aSavedSizeBelowTheMinimumGrowsToIt() {
        WindowPlacement saved = new WindowPlacement(100, 100, 640, 300, false);

        assertThat(WindowPlacement.fit(saved, screens, primary, MIN_WIDTH, MIN_HEIGHT))
                .isEqualTo(new WindowPlacement(100, 100, MIN_WIDTH, MIN_HEIGHT, false));
    }

    @Test
    void aWindowHangingOffItsScreenIsPulledBackOntoIt() {
        WindowPlacement saved = new WindowPlacement(-300, 900, 1000, 700, false);

        assertThat(WindowPlacement.fit(saved, screens, primary, MIN_WIDTH, MIN_HEIGHT))
                .isEqualTo(new WindowPlacement(0, 340, 1000, 700, false));
    }

    @Test
    void aWindowLargerThanItsScreenShrinksToIt() {
        WindowPlacement saved = new WindowPlacement(1900, -50, 1600, 1200, false);

        assertThat(WindowPlacement.fit(saved, screens, primary, MIN_WIDTH, MIN_HEIGHT))
                .isEqualTo(new WindowPlacement(1920, 0, 1280, 1024, false));
    }

    @Test
    void aWindowOnAScreenThatIsGoneIsCentredOnThePrimaryScreen() {
        WindowPlacement saved = new WindowPlacement(3300, 200, 1000, 600, false);

        assertThat(WindowPlacement.fit(saved, List.of(primary), primary, MIN_WIDTH, MIN_HEIGHT))
                .isEqualTo(new WindowPlacement(460, 220, 1000, 600, false));
    }
}
