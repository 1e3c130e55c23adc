package edu.sevenp.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.protocol.ChangeResult;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.LearnerState;
import edu.sevenp.server.testing.Learning;
import edu.sevenp.server.testing.RunningServer;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Row-level security through the API: a learner who guesses another learner's ids can neither read, change nor
 * delete their notes, bookmarks, progress or attempts, nor read a course they are not entitled to.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnerIsolationIT {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private Catalog.Course course;
    private Device ana;
    private Device bob;
    private Learning asAna;
    private Learning bobAsBob;
    private final UUID anasNote = UUID.randomUUID();
    private final UUID anasBookmark = UUID.randomUUID();
    private final UUID anasAttempt = UUID.randomUUID();

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
        course = catalog.freeCourse(accounts.instructor("Teacher").user(), "shared", 3);
        ana = new Device(accounts.learner("Ana"));
        bob = new Device(accounts.learner("Bob"));
        asAna = new Learning(ana.user(), course);
        bobAsBob = new Learning(bob.user(), course);
        ana.push(asAna.enroll(NOW), asAna.note(anasNote, 0, "Ana's private thought", NOW, null),
                asAna.bookmark(anasBookmark, 1, "Ana's bookmark", NOW, null), asAna.studied(0, 50, 100, 300, NOW),
                asAna.gradedAttempt(anasAttempt, true, NOW.minusMinutes(5), 60));
        bob.push(bobAsBob.enroll(NOW));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void bobNeverPullsAnasRows() {
        bob.pullAll();

        for (String table : List.of("user_notes", "user_bookmarks", "quiz_attempts", "lesson_progress", "enrollments")) {
            assertThat(bob.rows(table).values()).as(table).allSatisfy(row ->
                    assertThat(row).extracting("userId").isEqualTo(bob.user()));
        }
        assertThat(bob.rows("user_notes")).doesNotContainKey(anasNote);
        assertThat(bob.rows("enrollments")).hasSize(1);
    }

    @Test
    void bobCannotOverwriteAnasNoteByUsingItsId() {
        LearnerState before = LearnerState.of(server.database().superuser(), ana.user(), course);

        PushResponse answer = bob.push(bobAsBob.note(anasNote, 0, "Bob was here", NOW, 1L),
                bobAsBob.bookmark(anasBookmark, 1, "Bob's now", NOW, 1L));

        assertThat(answer.results()).extracting(ChangeResult::status).containsOnly(ChangeStatus.REJECTED);
        assertThat(LearnerState.of(server.database().superuser(), ana.user(), course)).isEqualTo(before);
    }

    @Test
    void bobCannotDeleteAnasNoteOrBookmark() {
        PushResponse answer = bob.push(bobAsBob.deleteNote(anasNote, NOW, 1L), bobAsBob.deleteBookmark(anasBookmark, NOW, 1L));

        assertThat(answer.results()).extracting(ChangeResult::outcome).containsOnly("already_deleted");
        ana.pullAll();
        assertThat(ana.<NoteRow>row("user_notes", anasNote).content()).isEqualTo("Ana's private thought");
        assertThat(ana.rows("user_bookmarks")).containsKey(anasBookmark);
    }

    @Test
    void bobCannotWriteInAnasNameNorTakeHerAttempt() {
        PushResponse inHerName = bob.push(asAna.note(UUID.randomUUID(), 0, "signed Ana", NOW, null));
        PushResponse herAttempt = bob.push(bobAsBob.gradedAttempt(anasAttempt, false, NOW.minusMinutes(1), 30));

        assertThat(inHerName.results().get(0).reason().code()).isEqualTo("user_mismatch");
        assertThat(herAttempt.results().get(0).status()).isEqualTo(ChangeStatus.REJECTED);
        assertThat(LearnerState.of(server.database().superuser(), ana.user(), course).attempts()).containsExactly("1 graded 4.00");
    }

    @Test
    void bobsProgressOnTheSameLessonIsHisOwn() {
        bob.push(bobAsBob.studied(0, 10, 5, 30, NOW));

        assertThat(LearnerState.of(server.database().superuser(), ana.user(), course).progress())
                .containsExactly("1 in_progress 50.00 300 100");
        assertThat(LearnerState.of(server.database().superuser(), bob.user(), course).progress())
                .containsExactly("1 in_progress 10.00 30 5");
    }

    @Test
    void aCourseNobodyPaidForIsNeitherPulledNorWrittenTo() {
        Catalog.Course paid = catalog.paidCourse(accounts.instructor("Seller").user(), "paid", 2, new BigDecimal("49.00"));
        Device carl = new Device(accounts.learner("Carl"));
        Learning carlInPaid = new Learning(carl.user(), paid);

        PushResponse answer = carl.push(carlInPaid.enroll(NOW), carlInPaid.note(UUID.randomUUID(), 0, "free ride?", NOW, null),
                carlInPaid.studied(0, 10, 5, 30, NOW));
        carl.pullAll();

        assertThat(answer.results()).extracting(result -> result.reason().code()).containsOnly("not_entitled");
        assertThat(carl.cursors()).doesNotContainKey(Streams.course(paid.id()));
        assertThat(carl.rows("course_lessons")).isEmpty();
    }

    @Test
    void aStreamTheUserDoesNotHaveIsAnsweredAsRevokedNotServed() {
        Catalog.Course other = catalog.freeCourse(accounts.instructor("Other").user(), "never-joined", 2);
        Device dora = new Device(accounts.learner("Dora"));
        dora.cursors().put(Streams.course(other.id()), null);

        var answer = dora.pullOnce(null);

        assertThat(answer.revoked()).containsExactly(Streams.course(other.id()));
        assertThat(dora.rows("course_lessons")).isEmpty();
    }
}
