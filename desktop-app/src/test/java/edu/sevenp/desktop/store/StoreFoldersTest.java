package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.DeviceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renaming and removing a profile folder from the profile screen: never one a player has open, never a lost device id. */
class StoreFoldersTest {

    private static final String HOST = "ana-laptop";

    @TempDir
    Path temp;

    private final TestClock clock = new TestClock(Instant.parse("2026-12-05T09:00:00Z"));

    @Test
    void aFolderThePlayerRenamesKeepsItsDeviceIdAndItsQueue() {
        DeviceId device;
        List<Outbox.Entry> queue;
        try (LocalStore store = LocalStore.openFile(temp.resolve("ana"), "ana", clock, HOST)) {
            StoreFixture fixture = new StoreFixture(store);
            store.notes().create(fixture.learner(), fixture.course("SQL", 1, 1).lesson(0), "Keys", null,
                    OffsetDateTime.parse("2026-12-05T08:00:00Z")).orElseThrow();
            device = store.identity().deviceId();
            queue = fixture.outbox();
        }

        StoreFolders.rename(temp.resolve("ana"), temp.resolve("ana-lima"), "ana-lima", clock, HOST);

        assertThat(temp.resolve("ana")).doesNotExist();
        try (LocalStore renamed = LocalStore.openFile(temp.resolve("ana-lima"), "ana-lima", clock, HOST)) {
            assertThat(renamed.identity().deviceId()).isEqualTo(device);
            assertThat(renamed.copyDetected()).isEmpty();
            assertThat(new StoreFixture(renamed).outbox()).isEqualTo(queue);
        }
    }

    @Test
    void aCopyRenamedByThePlayerIsStillReKeyed() throws IOException {
        DeviceId original;
        try (LocalStore store = LocalStore.openFile(temp.resolve("ana"), "ana", clock, HOST)) {
            original = store.identity().deviceId();
        }
        // The folder came from another computer; the player renames it before it ever opened here.
        try (LocalStore store = LocalStore.openFile(temp.resolve("ana"), "ana", clock, "ana-desktop")) {
            assertThat(store.identity().deviceId()).as("re-keyed at its first open here").isNotEqualTo(original);
        }
        DeviceId copy;
        try (LocalStore store = LocalStore.openFile(temp.resolve("ana"), "ana", clock, "ana-desktop")) {
            copy = store.identity().deviceId();
        }

        StoreFolders.rename(temp.resolve("ana"), temp.resolve("ana-2"), "ana-2", clock, HOST);

        try (LocalStore renamed = LocalStore.openFile(temp.resolve("ana-2"), "ana-2", clock, HOST)) {
            assertThat(renamed.identity().deviceId()).as("on this computer it is a copy again").isNotEqualTo(copy);
        }
    }

    @Test
    void aFolderAPlayerHasOpenIsNeitherRenamedNorRemoved() {
        try (LocalStore open = LocalStore.openFile(temp.resolve("ana"), "ana", clock, HOST)) {
            assertThat(StoreFolders.inUse(temp.resolve("ana"))).isTrue();
            assertThatThrownBy(() -> StoreFolders.rename(temp.resolve("ana"), temp.resolve("ben"), "ben", clock, HOST))
                    .isInstanceOf(StoreInUseException.class);
            assertThatThrownBy(() -> StoreFolders.delete(temp.resolve("ana"))).isInstanceOf(StoreInUseException.class);
            assertThat(temp.resolve("ana").resolve(LocalStore.DATABASE_FILE)).exists();
            assertThat(temp.resolve("ben")).doesNotExist();
            assertThat(open.outbox().pendingCount()).as("the open store still works").isZero();
        }
        assertThat(StoreFolders.inUse(temp.resolve("ana"))).isFalse();
    }

    @Test
    void aRenameOntoAnExistingFolderChangesNothing() throws IOException {
        LocalStore.openFile(temp.resolve("ana"), "ana", clock, HOST).close();
        Files.createDirectory(temp.resolve("ben"));

        assertThatThrownBy(() -> StoreFolders.rename(temp.resolve("ana"), temp.resolve("ben"), "ben", clock, HOST))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(FileAlreadyExistsException.class);

        assertThat(temp.resolve("ana").resolve(LocalStore.DATABASE_FILE)).exists();
        assertThat(temp.resolve("ben")).isEmptyDirectory();
    }

    @Test
    void aRemovedFolderIsGoneWithEverythingInIt() throws IOException {
        try (LocalStore store = LocalStore.openFile(temp.resolve("ana"), "ana", clock, HOST)) {
            Files.createDirectories(store.mediaDirectory());
            Files.writeString(store.mediaDirectory().resolve("a-file"), "media");
        }

        StoreFolders.delete(temp.resolve("ana"));

        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void whatARemovalLeftBehindIsSweptAndProfilesAreLeftAlone() throws IOException {
        Files.createDirectories(temp.resolve(StoreFolders.REMOVED_PREFIX + "ana-1234").resolve("media"));
        Files.writeString(temp.resolve(StoreFolders.REMOVED_PREFIX + "ana-1234").resolve("media").resolve("x"), "x");
        Files.createDirectory(temp.resolve("ben"));

        StoreFolders.sweepRemoved(temp);

        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactly("ben");
        }
    }

    @Test
    void aProfileNeverOpenedHasNoStoreAndIsRenamedAsAPlainFolder() throws IOException {
        Files.createDirectory(temp.resolve("new"));

        assertThat(StoreFolders.hasStore(temp.resolve("new"))).isFalse();
        assertThat(StoreFolders.inUse(temp.resolve("new"))).isFalse();
        StoreFolders.rename(temp.resolve("new"), temp.resolve("newer"), "newer", clock, HOST);

        assertThat(temp.resolve("newer")).isEmptyDirectory();
    }

    @Test
    void theContentsCountWhatTheLearnerWouldLose() {
        try (LocalStore store = LocalStore.openFile(temp.resolve("ana"), "ana", clock, HOST)) {
            StoreFixture fixture = new StoreFixture(store);
            StoreFixture.FixtureCourse course = fixture.course("SQL", 1, 3);
            OffsetDateTime at = OffsetDateTime.parse("2026-12-05T08:00:00Z");
            store.notes().create(fixture.learner(), course.lesson(0), "Keys", null, at).orElseThrow();
            store.notes().create(fixture.learner(), course.lesson(1), "Rows", null, at).orElseThrow();
            store.bookmarks().add(fixture.learner(), course.lesson(0), "Start", null, null, at).orElseThrow();

            assertThat(store.contents()).isEqualTo(new StoreContents(1, 2, 1, 0, 0, 0, 3));
        }
    }
}
