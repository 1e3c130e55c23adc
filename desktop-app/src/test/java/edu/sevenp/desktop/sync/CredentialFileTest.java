package edu.sevenp.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialFileTest {

    @TempDir
    Path folder;

    private final Credentials ana = new Credentials(URI.create("https://sync.example.org/"), UUID.randomUUID(),
            "ana@example.org", "Ana", UUID.randomUUID(), "kV3-refresh-token", OffsetDateTime.parse("2027-03-05T09:00:00Z"));

    @Test
    void savedCredentialsComeBackAndOnlyTheOwnerMayReadThem() throws IOException {
        CredentialFile file = new CredentialFile(folder.resolve(CredentialFile.NAME));

        file.save(ana);

        assertThat(new CredentialFile(folder.resolve(CredentialFile.NAME)).load()).contains(ana);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(CredentialFile.NAME))))
                .isEqualTo("rw-------");
        assertThat(Files.list(folder)).as("no temporary file left").containsExactly(folder.resolve(CredentialFile.NAME));
    }

    @Test
    void aNewTokenReplacesTheOldOneWhole() {
        CredentialFile file = new CredentialFile(folder.resolve(CredentialFile.NAME));
        file.save(ana);

        file.save(ana.withRefreshToken("a-newer-token", OffsetDateTime.parse("2027-03-06T09:00:00Z")));

        assertThat(file.load().orElseThrow().refreshToken()).isEqualTo("a-newer-token");
    }

    @Test
    void clearingForgetsAndNothingIsNotAnError() {
        CredentialFile file = new CredentialFile(folder.resolve(CredentialFile.NAME));
        file.save(ana);

        file.clear();
        file.clear();

        assertThat(file.load()).isEmpty();
    }

    @Test
    void aDamagedFileSaysHowToRecover() throws IOException {
        Files.writeString(folder.resolve(CredentialFile.NAME), "{not json");

        assertThatThrownBy(() -> new CredentialFile(folder.resolve(CredentialFile.NAME)).load())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("sign in again");
    }

    @Test
    void theTokenNeverAppearsInText() {
        assertThat(ana.toString()).doesNotContain("kV3").contains("ana@example.org");
    }
}
