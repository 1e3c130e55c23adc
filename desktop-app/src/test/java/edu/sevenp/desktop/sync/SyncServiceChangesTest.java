package edu.sevenp.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.sync.SyncEntity;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the sync panel reads through the engine: waiting and kept changes by kind, and the refused ones with reasons. */
class SyncServiceChangesTest {

    private static final SyncService.Schedule MANUAL = new SyncService.Schedule(Duration.ofDays(1), Duration.ofDays(1),
            Duration.ofDays(1), Duration.ofDays(1), false);
    private static final OffsetDateTime EIGHT = OffsetDateTime.parse("2026-12-05T08:00:00Z");

    private final TestClock clock = new TestClock(Instant.parse("2026-12-05T09:00:00Z"));
    private final LocalStore store = LocalStore.openInMemory("changes-" + UUID.randomUUID(), clock);
    private final StoreFixture fixture = new StoreFixture(store);
    private final SyncService sync = new SyncService(store, new MemoryCredentials(), new ScriptedServer(),
            new Installation("Test laptop", "Linux", "test"), null, MANUAL, clock, new SplittableRandom(1));

    @AfterEach
    void close() {
        sync.close();
        store.close();
    }

    @Test
    void anEnrollmentWaitsWhileNotesOfACourseNoServerSendsAreKeptHere() {
        StoreFixture.FixtureCourse course = fixture.course("SQL", 1, 2);
        store.enrollments().enroll(fixture.learner(), course.id(), EIGHT);
        store.notes().create(fixture.learner(), course.lesson(0), "Keys", null, EIGHT).orElseThrow();
        store.notes().create(fixture.learner(), course.lesson(1), "Rows", null, EIGHT).orElseThrow();

        assertThat(sync.pendingByKind()).isEqualTo(Map.of(SyncEntity.ENROLLMENTS, 1));
        assertThat(sync.heldByKind()).isEqualTo(Map.of(SyncEntity.USER_NOTES, 2));
        assertThat(sync.rejectedChanges()).isEmpty();
    }

    @Test
    void aRefusedChangeComesWithTheServersCodeAndWords() {
        StoreFixture.FixtureCourse course = fixture.course("SQL", 1, 1);
        store.enrollments().enroll(fixture.learner(), course.id(), EIGHT);
        Outbox.Entry enrollment = store.outbox().pending(1).get(0);
        store.outbox().markRejected(enrollment.seq(), "not_entitled", "the course is not open to you");

        assertThat(sync.rejectedChanges()).isEqualTo(List.of(new RejectedChange(SyncEntity.ENROLLMENTS,
                enrollment.entityId(), "not_entitled", "the course is not open to you")));
        assertThat(sync.pendingByKind()).isEmpty();
    }

    @Test
    void recountTellsTheListenersOfChangesWrittenSinceTheLastStep() throws Exception {
        StoreFixture.FixtureCourse course = fixture.course("SQL", 1, 1);
        java.util.concurrent.CompletableFuture<SyncStatus> counted = new java.util.concurrent.CompletableFuture<>();
        sync.addListener(status -> {
            if (status.pendingChanges() == 1) {
                counted.complete(status);
            }
        });
        store.enrollments().enroll(fixture.learner(), course.id(), EIGHT);

        sync.recount();

        assertThat(counted.get(10, java.util.concurrent.TimeUnit.SECONDS).activity()).isEqualTo(SyncStatus.Activity.NOT_SIGNED_IN);
    }
}
