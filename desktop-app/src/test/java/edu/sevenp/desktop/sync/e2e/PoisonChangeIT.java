package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.sync.SyncEntity;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, end-to-end scenario 6: a change the server refuses for good (a note on a lesson the instructor removed
 * while the learner was offline: the device still had the lesson, the server's foreign key refuses it) is
 * quarantined with its reason, shown in the status, and never holds up the changes queued after it. The lesson here is
 * deleted outside publishing, so no published version names it and the server cannot keep the note as one from a
 * removed lesson (docs/sync-protocol.md, section 11); the laptop keeps it all the same.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonChangeIT {

    private EndToEndServer server;

    @TempDir
    Path folders;

    @BeforeAll
    void start(TestDatabase database) {
        server = EndToEndServer.start(database);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aNoteOnALessonTheServerRemovedIsQuarantinedWithItsReasonAndTheChangesAfterItAreApplied() {
        Catalog.Course course = server.course(3);
        Accounts.SignedIn ana = server.learnerIn(course, "Ana");
        Ledger ledger = new Ledger();
        try (SyncedDevice laptop = SyncedDevice.open(folders.resolve("laptop"), Clock.systemUTC(), SyncedDevice.MANUAL,
                ledger)) {
            laptop.signIn(server.url(), ana.email(), Accounts.PASSWORD);
            laptop.syncOnce();

            // Offline: the learner writes on three lessons; meanwhile the instructor removes the third.
            laptop.writeNote(course.lesson(0), "Before the poison");
            Note poison = laptop.writeNote(course.lesson(2), "On a lesson that is gone");
            laptop.writeNote(course.lesson(1), "After the poison");
            laptop.study(course.lesson(1), 30, 50);
            server.catalog().execute("DELETE FROM course_lessons WHERE id = ?", course.lesson(2));
            ledger.refused(poison.id().value());

            SyncSummary summary = laptop.syncOnce();

            assertThat(summary.rejected()).as("%s", summary).isEqualTo(1);
            List<Outbox.Entry> rejected = laptop.store().outbox().rejected();
            assertThat(rejected).extracting(Outbox.Entry::entity, Outbox.Entry::entityId,
                    entry -> entry.rejection().orElseThrow().code())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(SyncEntity.USER_NOTES, poison.id().value(),
                            "not_found"));
            assertThat(rejected.get(0).rejection().orElseThrow().message()).isNotBlank();
            assertThat(laptop.sync().status().rejectedChanges()).isEqualTo(1);
            assertThat(laptop.sync().status().pendingChanges()).isZero();
            assertThat(laptop.store().outbox().pendingCount()).isZero();
            assertThat(Outcome.of(LearnerRows.onServer(server.superuser(), ana.user()), course).notes())
                    .containsExactly("L0 Before the poison", "L1 After the poison");
            // The refused note is not dropped on the laptop (issue 11): the lesson's tombstone detached it, and it
            // stays, from the removed lesson. It is the one row of the learner's that the server does not hold.
            assertThat(laptop.store().notes().find(laptop.user(), poison.id())).hasValueSatisfying(note -> {
                assertThat(note.lessonId()).isNull();
                assertThat(note.content()).isEqualTo("On a lesson that is gone");
            });
            assertThat(LearnerRows.onDevice(laptop.store(), ana.user())
                    .differences(LearnerRows.onServer(server.superuser(), ana.user()), "laptop", "server"))
                    .singleElement().asString().startsWith("user_notes " + poison.id().value())
                    .contains("server: (no such row)");
            Convergence.assertExactlyOnce(server.superuser(), ana.user(), ledger);
        }
    }
}
