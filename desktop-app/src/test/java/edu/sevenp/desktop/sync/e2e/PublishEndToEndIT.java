package edu.sevenp.desktop.sync.e2e;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_PACKAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.store.StoreAccess;
import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.protocol.PublishResult;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient.Response;
import edu.sevenp.server.testing.Zips;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, end to end: an instructor publishes through the real server, a learner's real sync engine pulls it; a
 * republish without a lesson reaches the learner, whose note on that lesson survives on the device and the server;
 * another instructor cannot publish into the course.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishEndToEndIT {

    @TempDir
    Path folders;

    private EndToEndServer server;

    @BeforeAll
    void start(TestDatabase database) {
        server = EndToEndServer.start(database);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aLearnerFollowsRepublishedVersionsAndAnotherInstructorCannotPublishIntoTheCourse() {
        Accounts.SignedIn teacher = server.accounts().instructor("Publisher");
        PackageFixture course = PackageFixture.course("Joins in practice", 1, 2).version("1.0.0");
        UUID lessonA = UUID.fromString(course.lesson(0, 0).get("id").asText());
        UUID lessonB = UUID.fromString(course.lesson(0, 1).get("id").asText());
        String titleA = course.lesson(0, 0).get("title").asText();
        String titleB = course.lesson(0, 1).get("title").asText();

        // 1. Version 1.0.0 is published; the learner enrolls and syncs.
        Response first = publish(teacher, course, "first");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        UUID courseId = first.as(PublishResult.class).courseId();
        Accounts.SignedIn learner = server.accounts().learner("Lena");
        Response enrolled = learner.api().post("/api/v1/courses/" + courseId + "/enrollment", "");
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);

        try (SyncedDevice laptop = SyncedDevice.open(folders.resolve("laptop"))) {
            laptop.signIn(server.url(), learner.email(), Accounts.PASSWORD);
            laptop.syncOnce();

            assertThat(laptop.store().sync().syncedCourses()).containsExactly(courseId);
            assertThat(lessonTitles(laptop, courseId)).containsExactly(Map.entry(lessonA, titleA),
                    Map.entry(lessonB, titleB));
            // The server's course row carries packageVersion 1.0.0 and versionNumber 1, but the device's store
            // has no column for them and keeps package versions only for imported packages (course_packages).
            assertThat(packageVersionOnDevice(laptop, courseId)).as("version the device keeps for a synced course")
                    .isEmpty();

            // 2. Notes on both lessons, pushed.
            Note onB = laptop.writeNote(lessonB, "B: anti joins with NOT EXISTS");
            Note onA = laptop.writeNote(lessonA, "A: outer joins keep unmatched rows");
            assertThat(laptop.syncOnce().pushed()).isEqualTo(2);

            // 3. 1.1.0 without lesson B and with a new title for lesson A.
            ((ArrayNode) course.section(0).get("lessons")).remove(1);
            course.lesson(0, 0).put("title", "Outer joins, revised");
            Response second = publish(teacher, course.version("1.1.0"), "lesson B removed");
            assertThat(second.status()).as(second.toString()).isEqualTo(201);
            assertThat(second.as(PublishResult.class).versionNumber()).isEqualTo(2);
            assertThat(second.as(PublishResult.class).removed().lessons()).isEqualTo(1);

            laptop.syncOnce();

            assertThat(lessonTitles(laptop, courseId)).containsExactly(Map.entry(lessonA, "Outer joins, revised"));
            assertThat(laptop.store().notes().find(laptop.user(), onA.id()))
                    .hasValueSatisfying(note -> assertThat(note.content()).isEqualTo("A: outer joins keep unmatched rows"));
            // The note on the removed lesson is kept on both sides (issue 11): detached from the lesson, with the
            // title the lesson had, and listed after the notes on lessons that still exist.
            Map<UUID, Map<String, String>> serverNotes = LearnerRows.onServer(server.superuser(), laptop.user().value())
                    .table("user_notes");
            assertThat(serverNotes.keySet()).as("the learner's notes on the server")
                    .containsExactlyInAnyOrder(onA.id().value(), onB.id().value());
            assertThat(serverNotes.get(onB.id().value())).containsEntry("lesson_id", "∅")
                    .containsEntry("removed_lesson_title", titleB).containsEntry("content", "B: anti joins with NOT EXISTS");
            assertThat(LearnerRows.onDevice(laptop.store(), laptop.user().value()).table("user_notes"))
                    .as("the device's notes, as the server has them").isEqualTo(serverNotes);
            assertThat(laptop.store().notes().forCourse(laptop.user(), new CourseId(courseId)))
                    .extracting(Note::id, Note::lessonId, Note::removedLessonTitle)
                    .containsExactly(tuple(onA.id(), new LessonId(lessonA), null), tuple(onB.id(), null, titleB));

            // It stays the learner's to edit: the edit reaches the server like any other.
            laptop.editNote(onB.id().value(), "B: kept after the republish", laptop.now());
            SyncSummary edited = laptop.syncOnce();
            assertThat(List.of(edited.pushed(), edited.rejected())).containsExactly(1, 0);
            assertThat(LearnerRows.onServer(server.superuser(), laptop.user().value()).table("user_notes")
                    .get(onB.id().value())).containsEntry("content", "B: kept after the republish")
                    .containsEntry("removed_lesson_title", titleB);

            // 4. Another instructor's package with the same course id is refused; the learner's next sync changes nothing.
            LearnerRows before = LearnerRows.onDevice(laptop.store(), laptop.user().value());
            Map<UUID, String> outlineBefore = lessonTitles(laptop, courseId);

            course.version("9.0.0").course().put("title", "Taken over");
            Response intruder = publish(server.accounts().instructor("Intruder"), course, "takeover");

            assertThat(intruder.status()).as(intruder.toString()).isEqualTo(403);
            assertThat(intruder.error()).isEqualTo("not_your_course");
            laptop.syncOnce();
            assertThat(LearnerRows.onDevice(laptop.store(), laptop.user().value())).isEqualTo(before);
            assertThat(lessonTitles(laptop, courseId)).isEqualTo(outlineBefore);
            assertThat(laptop.store().courses().outline(new CourseId(courseId)).orElseThrow().course().title())
                    .isEqualTo("Joins in practice");
        }
    }

    private Response publish(Accounts.SignedIn who, PackageFixture course, String summary) {
        byte[] zip = Zips.of(course.writeTo(folders.resolve(UUID.randomUUID().toString())));
        return who.api().postBytes("/api/v1/courses/publish?summary=" + summary.replace(' ', '+'), "application/zip", zip);
    }

    /** The course's outline on the device: each lesson's title by id, in order. */
    private static Map<UUID, String> lessonTitles(SyncedDevice device, UUID courseId) {
        CourseOutline outline = device.store().courses().outline(new CourseId(courseId)).orElseThrow();
        Map<UUID, String> titles = new LinkedHashMap<>();
        outline.sections().stream().flatMap(section -> section.lessons().stream())
                .forEach((Lesson lesson) -> titles.put(lesson.id().value(), lesson.title()));
        return titles;
    }

    private static List<String> packageVersionOnDevice(SyncedDevice device, UUID courseId) {
        return StoreAccess.dsl(device.store()).select(COURSE_PACKAGES.VERSION).from(COURSE_PACKAGES)
                .where(COURSE_PACKAGES.COURSE_ID.eq(courseId)).fetch(COURSE_PACKAGES.VERSION);
    }
}
