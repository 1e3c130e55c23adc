package edu.sevenp.model.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDataDirectoryTest {

    @Test
    void linuxUsesXdgDataHomeWhenSet() {
        assertThat(UserDataDirectory.resolve("sevenp", Map.of("XDG_DATA_HOME", "/data/ann"), "Linux", "/home/ann"))
                .isEqualTo(Path.of("/data/ann/sevenp"));
    }

    @Test
    void linuxFallsBackToLocalShare() {
        assertThat(UserDataDirectory.resolve("sevenp", Map.of(), "Linux", "/home/ann"))
                .isEqualTo(Path.of("/home/ann/.local/share/sevenp"));
    }

    @Test
    void linuxIgnoresARelativeXdgDataHome() {
        assertThat(UserDataDirectory.resolve("sevenp", Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/ann"))
                .isEqualTo(Path.of("/home/ann/.local/share/sevenp"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(UserDataDirectory.resolve("sevenp", Map.of("APPDATA", "/c/Users/ann/AppData/Roaming"), "Windows 11", "/c/Users/ann"))
                .isEqualTo(Path.of("/c/Users/ann/AppData/Roaming/sevenp"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(UserDataDirectory.resolve("sevenp-server", Map.of(), "Mac OS X", "/Users/ann"))
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/sevenp-server"));
    }
}
