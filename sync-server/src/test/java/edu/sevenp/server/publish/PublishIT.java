package edu.sevenp.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PublishResult;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.model.protocol.rows.QuestionRow;
import edu.sevenp.model.protocol.rows.QuizAttemptRow;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.sync.EnrollmentChange;
import edu.sevenp.model.sync.NoteChange;
import edu.sevenp.model.sync.QuizAttemptSubmission;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient.Response;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.RunningServer;
import edu.sevenp.server.testing.Zips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a course package (docs/sync-protocol.md, section 11) and what learners get from it. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishIT {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    @TempDir
    Path folders;

    private RunningServer server;
    private Accounts accounts;
    private Accounts.SignedIn teacher;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        teacher = accounts.instructor("Teacher");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aValidPackageBecomesAPublishedCourseThatLearnersPullAndThatTheServerGrades() {
        PackageFixture course = PackageFixture.course("Published course", 2, 2).version("1.0.0");
        ObjectNode quiz = course.addQuiz(null, "Final exam", "graded");
        course.addChoiceQuestion(quiz, "Which join keeps unmatched rows?", "INNER", "LEFT").put("answer", "LEFT");
        course.addTrueFalseQuestion(quiz, "NULL equals NULL.").put("answer", false);

        Response published = publish(teacher, course, "first");

        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        PublishResult result = published.as(PublishResult.class);
        assertThat(result.versionNumber()).isEqualTo(1);
        assertThat(result.lessons()).isEqualTo(4);
        assertThat(result.quizzes()).isEqualTo(1);

        Device learner = new Device(accounts.learner("Learner"));
        UUID courseId = result.courseId();
        learner.push(new EnrollmentChange(UUID.randomUUID(), new UserId(learner.user()), new CourseId(courseId),
                EnrollmentStatus.ACTIVE, NOW, NOW));
        learner.pullAll();
        assertThat(learner.rows("course_lessons")).hasSize(4);
        UUID questionId = UUID.fromString(quiz.get("questions").get(0).get("id").asText());
        QuestionRow question = learner.row("quiz_questions", questionId);
        assertThat(question.correctAnswer() == null || question.correctAnswer().isNull()).as("the key stays on the server").isTrue();

        QuizAttemptRow attempt = (QuizAttemptRow) learner.push(new QuizAttemptSubmission(new QuizAttemptId(UUID.randomUUID()),
                new UserId(learner.user()), new QuizId(UUID.fromString(quiz.get("id").asText())), QuizMode.GRADED, 1,
                NOW.minusMinutes(2), NOW, 120, Map.of(new QuestionId(questionId), Answer.choice("LEFT")), null))
                .results().get(0).rows().get(0);
        assertThat(attempt.score()).isEqualByComparingTo("1");
        assertThat(attempt.maxScore()).isEqualByComparingTo("2");
    }

    @Test
    void anInvalidPackageIsAnsweredWithEveryProblemWhereTheValidatorFoundIt() {
        PackageFixture course = PackageFixture.course("Broken course", 1, 2);
        ((ObjectNode) course.lesson(0, 1)).put("order", 1);
        ObjectNode quiz = course.addQuiz(null, "Exam", "graded");
        course.addChoiceQuestion(quiz, "No key given", "A", "B");

        Response refused = publish(teacher, course, null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error()).isEqualTo("invalid_package");
        JsonNode problems = refused.json().get("problems");
        assertThat(problems).hasSizeGreaterThanOrEqualTo(2);
        assertThat(problems.findValuesAsText("field")).anySatisfy(field -> assertThat(field).contains("lessons[1].order"));
        assertThat(problems.findValuesAsText("message")).anySatisfy(message -> assertThat(message).contains("cannot grade"));
        assertThat(problems.get(0).get("file").asText()).isEqualTo("manifest.json");
        assertThat(problems.get(0).get("line").asInt()).isPositive();
    }

    @Test
    void republishingMakesTheNextVersionAndLearnersKeepWhatIsOnLessonsThatStillExist() {
        PackageFixture course = PackageFixture.course("Evolving course", 1, 3).version("1.0.0");
        PublishResult first = publish(teacher, course, "v1").as(PublishResult.class);
        UUID courseId = first.courseId();
        UUID kept = UUID.fromString(course.lesson(0, 0).get("id").asText());
        UUID removed = UUID.fromString(course.lesson(0, 2).get("id").asText());

        Device learner = new Device(accounts.learner("Keeper"));
        UUID keptNote = UUID.randomUUID();
        learner.push(new EnrollmentChange(UUID.randomUUID(), new UserId(learner.user()), new CourseId(courseId),
                EnrollmentStatus.ACTIVE, NOW, NOW), note(learner, courseId, kept, keptNote, "on a kept lesson"));
        learner.pullAll();

        ((com.fasterxml.jackson.databind.node.ArrayNode) course.section(0).get("lessons")).remove(2);
        course.lesson(0, 0).put("title", "Renamed first lesson");
        Response second = publish(teacher, course.version("1.1.0"), "removed lesson 3");

        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.as(PublishResult.class).versionNumber()).isEqualTo(2);
        assertThat(second.as(PublishResult.class).removed().lessons()).isEqualTo(1);
        learner.pullAll();
        assertThat(learner.rows("course_lessons")).containsKey(kept).doesNotContainKey(removed);
        assertThat(learner.<NoteRow>row("user_notes", keptNote).content()).isEqualTo("on a kept lesson");
        assertThat(learner.rows("course_lessons").get(kept)).extracting("title").isEqualTo("Renamed first lesson");

        Response versions = teacher.api().get("/api/v1/courses/" + courseId + "/versions");
        assertThat(versions.json()).hasSize(2);
        assertThat(versions.json().get(0).get("packageVersion").asText()).isEqualTo("1.1.0");
        assertThat(versions.json().get(0).get("summary").asText()).isEqualTo("removed lesson 3");
    }

    @Test
    void aNoteOnARemovedLessonIsKeptFromTheRemovedLessonAndStaysEditable() {
        PackageFixture course = PackageFixture.course("Course losing a lesson", 1, 2).version("1.0.0");
        UUID courseId = publish(teacher, course, "v1").as(PublishResult.class).courseId();
        UUID removed = UUID.fromString(course.lesson(0, 1).get("id").asText());
        String removedTitle = course.lesson(0, 1).get("title").asText();
        Device learner = new Device(accounts.learner("Annotator"));
        UUID noteId = UUID.randomUUID();
        learner.push(new EnrollmentChange(UUID.randomUUID(), new UserId(learner.user()), new CourseId(courseId),
                EnrollmentStatus.ACTIVE, NOW, NOW), note(learner, courseId, removed, noteId, "worth keeping"));

        ((com.fasterxml.jackson.databind.node.ArrayNode) course.section(0).get("lessons")).remove(1);
        assertThat(publish(teacher, course.version("1.1.0"), "lesson 2 removed").status()).isEqualTo(201);
        learner.pullAll();

        NoteRow kept = learner.row("user_notes", noteId);
        assertThat(kept.lessonId()).isNull();
        assertThat(kept.removedLessonTitle()).isEqualTo(removedTitle);
        assertThat(kept.content()).isEqualTo("worth keeping");
        // A device that has not heard of the removal edits it naming the old lesson; one that has, naming none.
        PushResponse edited = learner.push(edit(learner, courseId, removed, noteId, "still worth keeping", kept.version()));
        NoteRow afterEdit = (NoteRow) edited.results().get(0).rows().get(0);
        PushResponse editedAgain = learner.push(edit(learner, courseId, null, noteId, "kept for good", afterEdit.version()));
        NoteRow afterSecondEdit = (NoteRow) editedAgain.results().get(0).rows().get(0);
        assertThat(List.of(edited.results().get(0).outcome(), editedAgain.results().get(0).outcome()))
                .containsExactly("updated", "updated");
        assertThat(afterSecondEdit).extracting(NoteRow::lessonId, NoteRow::removedLessonTitle, NoteRow::content)
                .containsExactly(null, removedTitle, "kept for good");
        // A note written offline on the lesson before its removal, arriving after it: kept from the removed lesson.
        UUID offline = UUID.randomUUID();
        PushResponse late = learner.push(note(learner, courseId, removed, offline, "written on the train"));
        assertThat(late.results().get(0).outcome()).isEqualTo("inserted");
        assertThat((NoteRow) late.results().get(0).rows().get(0))
                .extracting(NoteRow::lessonId, NoteRow::removedLessonTitle).containsExactly(null, removedTitle);
        // A new note without any lesson is refused, and the refusal says which field.
        PushResponse orphan = learner.push(edit(learner, courseId, null, UUID.randomUUID(), "nowhere", null));
        assertThat(orphan.results().get(0).status()).isEqualTo(ChangeStatus.REJECTED);
        assertThat(orphan.results().get(0).reason().field()).isEqualTo("payload.lessonId");
    }

    @Test
    void aVersionThatIsNotNewerIsRefused() {
        PackageFixture course = PackageFixture.course("Versioned course", 1, 1).version("2.0.0");
        assertThat(publish(teacher, course, null).status()).isEqualTo(201);

        Response same = publish(teacher, course, null);

        assertThat(same.status()).isEqualTo(409);
        assertThat(same.error()).isEqualTo("version_not_newer");
    }

    @Test
    void anotherInstructorCannotPublishIntoThisCourseAndALearnerCannotPublishAtAll() {
        PackageFixture course = PackageFixture.course("Owned course", 1, 1).version("1.0.0");
        assertThat(publish(teacher, course, null).status()).isEqualTo(201);

        Response intruder = publish(accounts.instructor("Intruder"), course.version("9.0.0"), null);
        Response learner = publish(accounts.learner("Not a teacher"), PackageFixture.course("Mine", 1, 1), null);

        assertThat(intruder.status()).isEqualTo(403);
        assertThat(intruder.error()).isEqualTo("not_your_course");
        assertThat(learner.status()).isEqualTo(403);
        assertThat(learner.error()).isEqualTo("role_required");
    }

    @Test
    void aDryRunChecksWithoutPublishing() {
        PackageFixture course = PackageFixture.course("Dry course", 1, 1).version("1.0.0");

        Response dry = teacher.api().postBytes("/api/v1/courses/publish?dryRun=true", "application/zip", zip(course));

        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
        assertThat(publish(teacher, course, null).as(PublishResult.class).versionNumber()).isEqualTo(1);
    }

    @Test
    void theUploadMustBeAZipWithinTheLimit() {
        assertThat(teacher.api().postBytes("/api/v1/courses/publish", "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(415);
        Response garbage = teacher.api().postBytes("/api/v1/courses/publish", "application/zip",
                "not a zip at all".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.error()).isEqualTo("invalid_package");
        byte[] big = new byte[65 * 1024 * 1024];
        assertThat(teacher.api().postBytes("/api/v1/courses/publish", "application/zip", big).status()).isEqualTo(413);
    }

    @Test
    void aPackageLargerThanAJsonBodyIsAccepted() {
        PackageFixture course = PackageFixture.course("Large course", 1, 1).version("1.0.0");
        byte[] video = new byte[3 * 1024 * 1024];
        new java.util.Random(7).nextBytes(video);
        course.video(course.lesson(0, 0), course.addMedia("media/intro.mp4", video, "video/mp4"));

        Response published = publish(teacher, course, null);

        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.as(PublishResult.class).newMediaBytes()).isEqualTo(video.length);
    }

    private Response publish(Accounts.SignedIn who, PackageFixture course, String summary) {
        return who.api().postBytes("/api/v1/courses/publish" + (summary == null ? "" : "?summary="
                + java.net.URLEncoder.encode(summary, StandardCharsets.UTF_8)), "application/zip", zip(course));
    }

    private byte[] zip(PackageFixture course) {
        return Zips.of(course.writeTo(folders.resolve(UUID.randomUUID().toString())));
    }

    private static NoteChange edit(Device device, UUID course, UUID lesson, UUID id, String text, Long base) {
        return new NoteChange(new NoteId(id), new UserId(device.user()), lesson == null ? null : new LessonId(lesson),
                new CourseId(course), text, null, true, NOW, NOW, base);
    }

    private static NoteChange note(Device device, UUID course, UUID lesson, UUID id, String text) {
        return new NoteChange(new NoteId(id), new UserId(device.user()), new LessonId(lesson), new CourseId(course), text, null,
                true, NOW, NOW, null);
    }
}
