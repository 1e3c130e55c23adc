package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.WindowPlacement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPlacementFileTest {

    @TempDir
    Path temp;

    @Test
    void aSavedPlacementIsLoadedBackPerProfile() throws IOException {
        DesktopPaths ana = new DesktopPaths(temp, "ana");
        Files.createDirectories(ana.profileDirectory());
        WindowPlacement placement = new WindowPlacement(12.5, 40, 1100, 720, true);

        WindowPlacementFile.of(ana).save(placement);

        assertThat(WindowPlacementFile.of(ana).load()).contains(placement);
        assertThat(WindowPlacementFile.of(new DesktopPaths(temp, "ben")).load()).isEmpty();
        assertThat(ana.profileDirectory().resolve(WindowPlacementFile.NAME)).exists();
    }

    @Test
    void aProfileRemovedWhileTheWindowWasOpenGetsNoPlacementAndNoFolderAgain() {
        DesktopPaths removed = new DesktopPaths(temp, "removed");

        WindowPlacementFile.of(removed).save(new WindowPlacement(0, 0, 1000, 600, false));

        assertThat(removed.profileDirectory()).doesNotExist();
    }

    @Test
    void aDamagedFileOpensTheWindowAtTheDefaultPlace() throws IOException {
        Path file = temp.resolve(WindowPlacementFile.NAME);
        Files.writeString(file, "{\"x\": ");

        assertThat(new WindowPlacementFile(file).load()).isEmpty();
    }
}
