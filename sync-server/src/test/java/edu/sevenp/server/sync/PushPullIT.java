package edu.sevenp.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.protocol.ChangeResult;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PulledChange;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.model.protocol.rows.QuestionRow;
import edu.sevenp.model.protocol.rows.SyncRow;
import edu.sevenp.model.sync.EnrollmentChange;
import edu.sevenp.model.sync.NoteChange;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.RunningServer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A learner's round trip: enroll, write, pull the course and their own rows (docs/sync-protocol.md, 6 and 7). */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushPullIT {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private UUID instructor;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
        instructor = accounts.instructor("Teacher").user();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aLearnerEnrollsWritesANoteAndPullsTheCourseAndTheNote() {
        Catalog.Course course = catalog.freeCourse(instructor, "round-trip", 3);
        Device laptop = new Device(accounts.learner("Ana"));
        UUID note = UUID.randomUUID();

        PushResponse pushed = laptop.push(enroll(laptop, course), note(laptop, course, note, "Joins keep rows", null));

        assertThat(pushed.results()).extracting(ChangeResult::status).containsExactly(ChangeStatus.APPLIED, ChangeStatus.APPLIED);
        assertThat(pushed.results()).extracting(ChangeResult::outcome).containsExactly("inserted", "inserted");
        assertThat(pushed.lastAppliedSeq()).isEqualTo(2);
        NoteRow stored = (NoteRow) pushed.results().get(1).rows().get(0);
        assertThat(stored.version()).isEqualTo(1);

        Device phone = new Device(accounts.signIn(laptop.account().email(), UUID.randomUUID()));
        phone.pullAll();

        assertThat(phone.cursors()).containsKeys(Streams.USER, Streams.course(course.id()));
        assertThat(phone.rows("course_lessons")).hasSize(3);
        assertThat(phone.rows("courses")).containsKey(course.id());
        assertThat(phone.<NoteRow>row("user_notes", note).content()).isEqualTo("Joins keep rows");
        assertThat(phone.rows("enrollments")).hasSize(1);
    }

    @Test
    void gradedAnswerKeysNeverTravelButPracticeKeysDo() {
        Catalog.Course course = catalog.freeCourse(instructor, "keys", 1);
        Device laptop = new Device(accounts.learner("Bea"));
        laptop.push(enroll(laptop, course));

        laptop.pullAll();

        QuestionRow graded = laptop.row("quiz_questions", course.gradedQuestions().get(0));
        QuestionRow practice = laptop.row("quiz_questions", course.practiceQuestion());
        assertThat(graded.questionText()).isNotBlank();
        // JSON null reads as Jackson's NullNode: the key is not there either way.
        assertThat(graded.correctAnswer() == null || graded.correctAnswer().isNull()).isTrue();
        assertThat(graded.explanation()).isNull();
        assertThat(practice.correctAnswer().asBoolean()).isFalse();
        assertThat(practice.explanation()).isEqualTo("Keys identify rows.");
    }

    @Test
    void aCoursesCategoryArrivesWithItsAncestorsBeforeTheCourse() {
        UUID root = catalog.category("science-" + UUID.randomUUID(), "Science " + UUID.randomUUID(), null);
        UUID middle = catalog.category("computing-" + UUID.randomUUID(), "Computing " + UUID.randomUUID(), root);
        UUID leaf = catalog.category("databases-" + UUID.randomUUID(), "Databases " + UUID.randomUUID(), middle);
        Catalog.Course course = catalog.freeCourse(instructor, "nested-category", 1);
        catalog.execute("UPDATE courses SET category_id = ? WHERE id = ?", leaf, course.id());
        Device laptop = new Device(accounts.learner("Cid"));
        laptop.push(enroll(laptop, course));

        PullResponse first = laptop.pullOnce(null);

        List<SyncRow> rows = first.streams().stream().filter(page -> page.stream().equals(Streams.course(course.id())))
                .flatMap(page -> page.changes().stream()).map(change -> ((PulledChange.Upsert) change).row()).toList();
        List<UUID> categories = rows.stream().filter(row -> row.table().equals("course_categories")).map(SyncRow::id).toList();
        assertThat(categories).containsExactlyInAnyOrder(root, middle, leaf);
        assertThat(rows.stream().map(SyncRow::table).toList().indexOf("courses")).as("the course after its category")
                .isGreaterThan(rows.stream().map(SyncRow::table).toList().lastIndexOf("course_categories"));
    }

    @Test
    void anEmptyPullAnswersNoStreams() {
        Catalog.Course course = catalog.freeCourse(instructor, "empty-pull", 2);
        Device laptop = new Device(accounts.learner("Cai"));
        laptop.push(enroll(laptop, course));
        laptop.pullAll();

        PullResponse again = laptop.pullOnce(null);

        assertThat(again.streams()).isEmpty();
        assertThat(again.more()).isFalse();
    }

    @Test
    void aSmallLimitPagesThroughTheCourseWithoutLosingARow() {
        Catalog.Course course = catalog.freeCourse(instructor, "paged", 25);
        Device laptop = new Device(accounts.learner("Dan"));
        laptop.push(enroll(laptop, course));

        for (int i = 0; i < 200; i++) {
            if (!laptop.pullOnce(4).more()) {
                break;
            }
        }

        assertThat(laptop.rows("course_lessons")).hasSize(25);
        assertThat(laptop.rows("quiz_questions")).hasSize(4);
        assertThat(laptop.pulls()).isGreaterThan(8);
    }

    static EnrollmentChange enroll(Device device, Catalog.Course course) {
        return new EnrollmentChange(UUID.randomUUID(), new UserId(device.user()), new CourseId(course.id()),
                EnrollmentStatus.ACTIVE, NOW, NOW);
    }

    static NoteChange note(Device device, Catalog.Course course, UUID id, String text, Long base) {
        return new NoteChange(new NoteId(id), new UserId(device.user()), new LessonId(course.lesson(0)),
                new CourseId(course.id()), text, null, true, NOW, NOW, base);
    }
}
