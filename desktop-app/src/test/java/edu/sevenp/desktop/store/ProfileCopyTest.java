package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.testing.ProfileFolders;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.DeviceId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.sync.SyncEntity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copied profile folder (a restored backup, a cloned disk, a folder copied to another computer) is re-keyed at open. */
class ProfileCopyTest {

    private static final ObjectMapper JSON = JsonMapperFactory.create();
    private static final String HOST = "ana-laptop";

    @TempDir
    Path temp;

    private final TestClock clock = new TestClock(Instant.parse("2026-12-05T09:00:00Z"));

    /** What a profile holds when it is copied: a note and 120 s of study in the queue. */
    private record Original(DeviceId device, List<Outbox.Entry> queue) {
    }

    @Test
    void aCopiedFolderGetsANewDeviceIdAndItsQueuedChangesGoUnderItWithoutTheirStudyTime() throws IOException {
        Original original = profileWithQueuedWork(temp.resolve("original"));
        ProfileFolders.copy(temp.resolve("original"), temp.resolve("copy"));

        try (LocalStore copy = LocalStore.openFile(temp.resolve("copy"), "default", clock, HOST)) {
            DeviceId renewed = copy.identity().deviceId();
            assertThat(renewed).isNotEqualTo(original.device());
            List<Outbox.Entry> queue = new StoreFixture(copy).outbox();
            assertThat(queue).containsExactly(underNewDevice(original.queue().get(0), renewed, null),
                    underNewDevice(original.queue().get(1), renewed, 0));
            ProfileCopy found = copy.copyDetected().orElseThrow();
            assertThat(found.changed()).contains(InstallationFingerprint.FOLDER);
            assertThat(found).isEqualTo(new ProfileCopy(original.device(), renewed, clock.now(), found.changed(), 2, 120));
        }
    }

    @Test
    void theOriginalFolderKeepsItsDeviceIdAndItsQueueWhenACopyIsOpened() throws IOException {
        Original original = profileWithQueuedWork(temp.resolve("original"));
        ProfileFolders.copy(temp.resolve("original"), temp.resolve("copy"));
        LocalStore.openFile(temp.resolve("copy"), "default", clock, HOST).close();

        try (LocalStore reopened = LocalStore.openFile(temp.resolve("original"), "default", clock, HOST)) {
            assertThat(reopened.identity().deviceId()).isEqualTo(original.device());
            assertThat(new StoreFixture(reopened).outbox()).isEqualTo(original.queue());
            assertThat(reopened.copyDetected()).isEmpty();
        }
    }

    @Test
    void theSameFolderOnAnotherComputerIsACopy() {
        DeviceId first;
        try (LocalStore store = LocalStore.openFile(temp.resolve("profile"), "default", clock, "ana-laptop")) {
            first = store.identity().deviceId();
        }

        // A cloned disk keeps the path, the inode and the creation time; only the computer differs.
        try (LocalStore clone = LocalStore.openFile(temp.resolve("profile"), "default", clock, "ana-desktop")) {
            assertThat(clone.identity().deviceId()).isNotEqualTo(first);
            assertThat(clone.copyDetected().orElseThrow().changed()).containsExactly(InstallationFingerprint.HOST);
        }
    }

    @Test
    void aMovedFolderLooksCopiedAndIsReKeyedToo() throws IOException {
        DeviceId first;
        try (LocalStore store = LocalStore.openFile(temp.resolve("before"), "default", clock, HOST)) {
            first = store.identity().deviceId();
        }
        Files.move(temp.resolve("before"), temp.resolve("after"));

        try (LocalStore moved = LocalStore.openFile(temp.resolve("after"), "default", clock, HOST)) {
            assertThat(moved.identity().deviceId()).isNotEqualTo(first);
            assertThat(moved.copyDetected().orElseThrow().changed()).containsExactly(InstallationFingerprint.FOLDER);
        }
    }

    @Test
    void aCopyIsReKeyedOnceAndExplainedUntilDismissed() throws IOException {
        profileWithQueuedWork(temp.resolve("original"));
        ProfileFolders.copy(temp.resolve("original"), temp.resolve("copy"));
        DeviceId renewed;
        ProfileCopy found;
        try (LocalStore copy = LocalStore.openFile(temp.resolve("copy"), "default", clock, HOST)) {
            renewed = copy.identity().deviceId();
            found = copy.copyDetected().orElseThrow();
        }

        try (LocalStore again = LocalStore.openFile(temp.resolve("copy"), "default", clock, HOST)) {
            assertThat(again.identity().deviceId()).isEqualTo(renewed);
            assertThat(again.copyDetected()).contains(found);
            again.dismissCopyDetected();
            assertThat(again.copyDetected()).isEmpty();
        }
    }

    @Test
    void aPartThatCouldNotBeReadNeverMakesAProfileLookCopied() {
        DeviceId first;
        try (LocalStore store = LocalStore.openFile(temp.resolve("profile"), "default", clock, null)) {
            first = store.identity().deviceId();
        }
        try (LocalStore store = LocalStore.openFile(temp.resolve("profile"), "default", clock, "ana-laptop")) {
            assertThat(store.identity().deviceId()).as("a host name learnt later").isEqualTo(first);
        }
        try (LocalStore store = LocalStore.openFile(temp.resolve("profile"), "default", clock, null)) {
            assertThat(store.identity().deviceId()).as("a host name unknown this time").isEqualTo(first);
        }

        try (LocalStore store = LocalStore.openFile(temp.resolve("profile"), "default", clock, "ana-desktop")) {
            assertThat(store.identity().deviceId()).as("the host name learnt is kept and compared").isNotEqualTo(first);
        }
    }

    @Test
    void anInMemoryStoreHasNoFolderToCompare() {
        try (LocalStore store = LocalStore.openInMemory("profile-copy-" + System.nanoTime(), clock)) {
            assertThat(store.settings().get(InstallationCheck.FINGERPRINT_KEY, Object.class)).isEmpty();
            assertThat(store.copyDetected()).isEmpty();
        }
    }

    private Original profileWithQueuedWork(Path folder) {
        try (LocalStore store = LocalStore.openFile(folder, "default", clock, HOST)) {
            StoreFixture fixture = new StoreFixture(store);
            StoreFixture.FixtureCourse course = fixture.course("SQL", 1, 2);
            OffsetDateTime at = OffsetDateTime.of(2026, 12, 5, 8, 0, 0, 0, ZoneOffset.UTC);
            store.notes().create(fixture.learner(), course.lesson(0), "Outer joins keep unmatched rows", null, at)
                    .orElseThrow();
            store.progress().record(fixture.learner(), course.lesson(1), ProgressEntry.timeSpent(at, 120)).orElseThrow();
            List<Outbox.Entry> queue = fixture.outbox();
            assertThat(queue).extracting(Outbox.Entry::entity)
                    .containsExactly(SyncEntity.USER_NOTES, SyncEntity.LESSON_PROGRESS);
            return new Original(store.identity().deviceId(), queue);
        }
    }

    /** The entry as the copy must send it: under {@code device}, its study time set to {@code timeSpent} when given. */
    private static Outbox.Entry underNewDevice(Outbox.Entry entry, DeviceId device, Integer timeSpent) throws IOException {
        String payload = entry.payload();
        if (timeSpent != null) {
            var json = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(payload);
            assertThat(json.get("timeSpentDelta").asInt()).isEqualTo(120);
            json.put("timeSpentDelta", timeSpent);
            payload = JSON.writeValueAsString(json);
        }
        return new Outbox.Entry(entry.seq(), device, entry.entity(), entry.entityId(), entry.operation(), payload,
                entry.state(), entry.attempts(), entry.rejection());
    }
}
