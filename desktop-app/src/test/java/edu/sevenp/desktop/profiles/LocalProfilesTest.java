package edu.sevenp.desktop.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.CredentialFile;
import edu.sevenp.desktop.sync.Credentials;
import edu.sevenp.model.DeviceId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profiles of a data folder: listed, made, renamed, counted and removed; never one a player has open. */
class LocalProfilesTest {

    @TempDir
    Path data;

    private LocalProfiles profiles() {
        return new LocalProfiles(data);
    }

    @Test
    void profilesAreListedByNameWithTheAccountTheySyncWith() throws IOException {
        profiles().create("ben");
        profiles().create("ana");
        Files.createDirectories(data.resolve("profiles").resolve("Not A Profile"));
        Files.writeString(data.resolve("profiles").resolve("notes.txt"), "not a folder");
        new CredentialFile(profiles().folder("ana").resolve(CredentialFile.NAME)).save(new Credentials(
                URI.create("https://sync.example.org"), UUID.randomUUID(), "ana@example.org", "Ana", UUID.randomUUID(),
                "refresh", OffsetDateTime.parse("2027-03-05T09:00:00Z")));

        assertThat(profiles().list()).containsExactly(
                new LocalProfile("ana", Optional.of(new LocalProfile.Account("https://sync.example.org",
                        "ana@example.org")), false),
                new LocalProfile("ben", Optional.empty(), false));
    }

    @Test
    void aDataFolderWithoutProfilesListsNone() {
        assertThat(profiles().list()).isEmpty();
        assertThat(profiles().lastUsed()).isEmpty();
    }

    @Test
    void aNameThatCannotBeOrIsTakenIsRefusedAndNothingIsMade() {
        profiles().create("ana");

        assertThatThrownBy(() -> profiles().create("Ana Lima")).isInstanceOfSatisfying(ProfileException.class,
                refused -> assertThat(refused.reason()).isEqualTo(ProfileException.Reason.INVALID_NAME))
                .hasMessageContaining("Try \u201cana-lima\u201d");
        assertThatThrownBy(() -> profiles().create("ana")).isInstanceOfSatisfying(ProfileException.class,
                refused -> assertThat(refused.reason()).isEqualTo(ProfileException.Reason.EXISTS))
                .hasMessage("There is already a profile called \u201cana\u201d.");
        assertThat(profiles().list()).extracting(LocalProfile::name).containsExactly("ana");
    }

    @Test
    void aRenamedProfileKeepsItsDataItsDeviceIdAndItsPlaceAsTheLastUsed() {
        DeviceId device;
        try (LocalStore store = LocalStore.openFile(profiles().folder("ana"), "ana")) {
            device = store.identity().deviceId();
        }
        profiles().remember("ana");

        profiles().rename("ana", "ana-lima");

        assertThat(profiles().list()).extracting(LocalProfile::name).containsExactly("ana-lima");
        assertThat(profiles().lastUsed()).contains("ana-lima");
        try (LocalStore store = LocalStore.openFile(profiles().folder("ana-lima"), "ana-lima")) {
            assertThat(store.identity().deviceId()).isEqualTo(device);
            assertThat(store.copyDetected()).isEmpty();
        }
    }

    @Test
    void aRenameToATakenOrBadNameChangesNothing() {
        profiles().create("ana");
        profiles().create("ben");

        assertThatThrownBy(() -> profiles().rename("ana", "ben")).hasMessage("There is already a profile called \u201cben\u201d.");
        assertThatThrownBy(() -> profiles().rename("ana", "")).hasMessage("Enter a name for the profile.");
        assertThatThrownBy(() -> profiles().rename("gone", "new")).hasMessage("There is no profile called \u201cgone\u201d any more.");
        assertThat(profiles().list()).extracting(LocalProfile::name).containsExactly("ana", "ben");
    }

    @Test
    void aProfileOpenInAPlayerIsMarkedAndNeitherRenamedNorRemovedNorCounted() {
        try (LocalStore open = LocalStore.openFile(profiles().folder("ana"), "ana")) {
            assertThat(profiles().list()).containsExactly(new LocalProfile("ana", Optional.empty(), true));
            for (Runnable refused : List.<Runnable>of(() -> profiles().rename("ana", "ben"), () -> profiles().delete("ana"),
                    () -> profiles().contents("ana"))) {
                assertThatThrownBy(refused::run).isInstanceOfSatisfying(ProfileException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(ProfileException.Reason.IN_USE);
                    assertThat(failure.getMessage()).isEqualTo("The profile \u201cana\u201d is open in another 7P Course"
                            + " Player window. Close it there first; nothing was changed.");
                });
            }
        }
        assertThat(profiles().list()).extracting(LocalProfile::name).containsExactly("ana");
    }

    @Test
    void theContentsSayWhatRemovingWouldLose() {
        profiles().create("empty");
        try (LocalStore store = LocalStore.openFile(profiles().folder("ana"), "ana")) {
            assertThat(store.courses().courseCount()).isZero();
        }

        ProfileContents ana = profiles().contents("ana");
        ProfileContents empty = profiles().contents("empty");

        assertThat(ana).isEqualTo(new ProfileContents("ana", 0, 0, 0, 0, 0, 0, 0, ana.bytes(), Optional.empty()));
        assertThat(ana.bytes()).isPositive();
        assertThat(empty).isEqualTo(new ProfileContents("empty", 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty()));
        assertThat(profiles().folder("empty").resolve("store.mv.db")).as("counting made no store").doesNotExist();
    }

    @Test
    void aRemovedProfileIsGoneAndNoLongerTheLastUsed() {
        LocalStore.openFile(profiles().folder("ana"), "ana").close();
        profiles().create("ben");
        profiles().remember("ana");

        profiles().delete("ana");

        assertThat(profiles().list()).extracting(LocalProfile::name).containsExactly("ben");
        assertThat(profiles().folder("ana")).doesNotExist();
        assertThat(profiles().lastUsed()).isEmpty();
    }

    @Test
    void theLastUsedProfileIsRememberedAndForgottenWhenItsFolderIsGone() throws IOException {
        profiles().create("ana");
        profiles().remember("ana");
        assertThat(new LocalProfiles(data).lastUsed()).contains("ana");

        Files.delete(profiles().folder("ana"));
        assertThat(profiles().lastUsed()).isEmpty();

        Files.writeString(data.resolve(LocalProfiles.LAST_USED_FILE), "{damaged");
        assertThat(profiles().lastUsed()).isEmpty();
    }
}
