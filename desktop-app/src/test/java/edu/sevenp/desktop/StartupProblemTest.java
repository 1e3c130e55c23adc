package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.StoreException;
import edu.sevenp.desktop.store.StoreInUseException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StartupProblemTest {

    private final DesktopPaths paths = new DesktopPaths(Path.of("/data"), "maria");

    @Test
    void aProfileInUseNamesTheProfileAndTheWaysOut() {
        String message = StartupProblem.explain(new StoreInUseException("locked", null), paths);

        assertThat(message).isEqualTo("Your library (profile \"maria\") is open in another 7P Course Player window. "
                + "Close that window and try again, or go back to the profiles and choose another one.");
    }

    @Test
    void anyOtherFailureIsExplainedByItsMessage() {
        String message = StartupProblem.explain(new StoreException("Cannot open the library x: disk full", null), paths);

        assertThat(message).isEqualTo("Your library could not be opened: Cannot open the library x: disk full");
    }
}
