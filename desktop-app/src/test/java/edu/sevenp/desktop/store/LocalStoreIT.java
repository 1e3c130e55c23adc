package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreIT {

    @TempDir
    Path temp;

    @Test
    void aSecondPlayerOnTheSameProfileGetsAClearMessage() throws Exception {
        Path profile = temp.resolve("shared");
        try (ChildJvm otherPlayer = ChildJvm.start(HoldStoreOpen.class, profile.toString())) {
            otherPlayer.awaitLine("open", Duration.ofSeconds(60));

            assertThatThrownBy(() -> LocalStore.openFile(profile, "default"))
                    .isInstanceOf(StoreInUseException.class)
                    .hasMessageContaining("is open in another 7P player");
        }
    }
}
