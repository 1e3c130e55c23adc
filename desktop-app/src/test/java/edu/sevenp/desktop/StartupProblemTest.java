package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.StoreException;
import edu.sevenp.desktop.store.StoreInUseException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StartupProblemTest {

    private final DesktopPaths paths = new DesktopPaths(Path.of("/data"), "maria");

    @Test
    void aProfileInUseNamesTheProfileAndTheWaysOut() {
        String message = StartupProblem.explain(new StoreInUseException("locked", null), paths, Locale.ENGLISH);

        assertThat(message).isEqualTo("Your library (profile \u201cmaria\u201d) is open in another 7P Course Player"
                + " window. Close that window and try again, or go back to the profiles and choose another one.");
    }

    @Test
    void aLibraryThatCannotBeOpenedSaysWhyAndWhatToDo() {
        String message = StartupProblem.explain(new StoreException("The library x could not be opened: its files may be"
                + " damaged, or this account may not be allowed to read them.", null), paths, Locale.ENGLISH);

        assertThat(message).isEqualTo("Your library (profile \u201cmaria\u201d) could not be opened. The library x could"
                + " not be opened: its files may be damaged, or this account may not be allowed to read them. Try again;"
                + " if it keeps happening, restart the player. The details are in the log.");
    }

    @Test
    void anUnexpectedFailureIsToldInGeneralWordsOnly() {
        String message = StartupProblem.explain(new IllegalStateException("org.flywaydb.core.api.FlywayException:"
                + " Validate failed"), paths, Locale.ENGLISH);

        assertThat(message).isEqualTo("Your library (profile \u201cmaria\u201d) could not be opened. Something went"
                + " wrong while opening it. Try again; if it keeps happening, restart the player. The details are in the"
                + " log.");
    }

    @Test
    void inGermanToo() {
        String message = StartupProblem.explain(new StoreInUseException("locked", null), paths, Locale.GERMAN);

        assertThat(message).startsWith("Ihre Bibliothek (Profil \u201emaria\u201c) ist in einem anderen Fenster");
    }
}
