package edu.sevenp.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.learning.ProgressStatus;
import edu.sevenp.model.protocol.CourseFigures;
import edu.sevenp.model.protocol.CourseStatistics;
import edu.sevenp.model.protocol.CourseStatistics.LessonReach;
import edu.sevenp.model.protocol.CourseStatistics.MissedQuestion;
import edu.sevenp.model.protocol.PublishResult;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.sync.CompletionReview;
import edu.sevenp.model.sync.EnrollmentChange;
import edu.sevenp.model.sync.LessonProgressChange;
import edu.sevenp.model.sync.QuizAttemptSubmission;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.ApiClient.Response;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.RunningServer;
import edu.sevenp.server.testing.Zips;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Course statistics for instructors (docs/sync-protocol.md, section 11.1), counted from real learners' pushes. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstructorStatisticsIT {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10);

    private RunningServer server;
    private Accounts accounts;
    private Accounts.SignedIn teacher;
    private UUID courseId;
    private List<UUID> lessons;
    private UUID quizId;
    private UUID joinQuestion;
    private UUID nullQuestion;

    @BeforeAll
    void start(TestDatabase database, @TempDir Path folders) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        teacher = accounts.instructor("Teacher");
        PackageFixture course = PackageFixture.course("Counted course", 1, 4).version("1.0.0");
        ObjectNode quiz = course.addQuiz(null, "Final exam", "graded");
        course.addChoiceQuestion(quiz, "Which join keeps unmatched rows?", "INNER", "LEFT").put("answer", "LEFT");
        course.addTrueFalseQuestion(quiz, "NULL equals NULL.").put("answer", false);
        Response published = teacher.api().postBytes("/api/v1/courses/publish", "application/zip",
                Zips.of(course.writeTo(folders.resolve("course"))));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        courseId = published.as(PublishResult.class).courseId();
        lessons = IntStream.range(0, 4).mapToObj(i -> UUID.fromString(course.lesson(0, i).get("id").asText())).toList();
        quizId = UUID.fromString(quiz.get("id").asText());
        joinQuestion = UUID.fromString(quiz.get("questions").get(0).get("id").asText());
        nullQuestion = UUID.fromString(quiz.get("questions").get(1).get("id").asText());

        // Finished everything, right on both questions, rated the course 4.
        Device finisher = learner("Finisher");
        for (int i = 0; i < 4; i++) {
            finisher.push(progress(finisher, i, ProgressStatus.COMPLETED));
        }
        finisher.push(attempt(finisher, Map.of(joinQuestion, Answer.choice("LEFT"), nullQuestion, Answer.trueFalse(false))));
        finisher.push(new CompletionReview(UUID.randomUUID(), new UserId(finisher.user()), new CourseId(courseId), 4, "Clear",
                true, NOW));
        // Completed the first lesson and started the second: 25 %; wrong on the join.
        Device halfway = learner("Halfway");
        halfway.push(progress(halfway, 0, ProgressStatus.COMPLETED), progress(halfway, 1, ProgressStatus.IN_PROGRESS));
        halfway.push(attempt(halfway, Map.of(joinQuestion, Answer.choice("INNER"), nullQuestion, Answer.trueFalse(false))));
        // Enrolled only; wrong on the join and left the second question out.
        Device idle = learner("Idle");
        idle.push(attempt(idle, Map.of(joinQuestion, Answer.choice("INNER"))));

        Accounts.execute(server.database().superuser(), "SELECT refresh_course_statistics()");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theInstructorSeesTheHeadlineFiguresOfTheirCourses() {
        Response answer = teacher.api().get("/api/v1/instructor/courses");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<CourseFigures> courses = ApiClient.JSON.convertValue(answer.json(), new TypeReference<List<CourseFigures>>() { });
        assertThat(courses).hasSize(1);
        assertHeadline(courses.get(0));
    }

    @Test
    void theStatisticsCountProgressLessonReachAndMissedQuestionsExactly() {
        Response answer = teacher.api().get("/api/v1/instructor/courses/" + courseId + "/statistics");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        CourseStatistics statistics = answer.as(CourseStatistics.class);
        assertHeadline(statistics.figures());
        assertThat(statistics.progress()).extracting(CourseStatistics.ProgressBucket::learners)
                .containsExactly(1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(statistics.progress().get(2)).isEqualTo(new CourseStatistics.ProgressBucket(20, 29, 1));
        assertThat(statistics.progress().get(10)).isEqualTo(new CourseStatistics.ProgressBucket(100, 100, 1));
        assertThat(statistics.lessons()).extracting(LessonReach::lessonId).containsExactlyElementsOf(lessons);
        assertThat(statistics.lessons()).extracting(LessonReach::reached).containsExactly(2L, 2L, 1L, 1L);
        assertThat(statistics.lessons()).extracting(LessonReach::completed).containsExactly(2L, 1L, 1L, 1L);
        assertThat(statistics.missedQuestions()).containsExactly(
                new MissedQuestion(joinQuestion, quizId, "Final exam", "Which join keeps unmatched rows?", 2, 3),
                new MissedQuestion(nullQuestion, quizId, "Final exam", "NULL equals NULL.", 1, 3));
    }

    @Test
    void anotherInstructorSeesNoneOfItAndALearnerIsRefused() {
        Accounts.SignedIn other = accounts.instructor("Other teacher");
        Accounts.SignedIn learner = accounts.learner("Curious learner");

        Response list = other.api().get("/api/v1/instructor/courses");
        Response statistics = other.api().get("/api/v1/instructor/courses/" + courseId + "/statistics");
        Response refused = learner.api().get("/api/v1/instructor/courses/" + courseId + "/statistics");
        Response anonymous = server.client().get("/api/v1/instructor/courses");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).isEmpty();
        assertThat(statistics.status()).isEqualTo(404);
        assertThat(statistics.error()).isEqualTo("not_found");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("role_required");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private static void assertHeadline(CourseFigures figures) {
        assertThat(figures.title()).isEqualTo("Counted course");
        assertThat(figures.enrollments()).isEqualTo(3);
        assertThat(figures.completions()).isEqualTo(1);
        assertThat(figures.completionRate()).isEqualByComparingTo("33.33");
        assertThat(figures.averageProgress()).isEqualByComparingTo("41.67");
        assertThat(figures.averageRating()).isEqualByComparingTo("4");
        assertThat(figures.reviews()).isEqualTo(1);
        assertThat(figures.revenue()).isEqualByComparingTo("0");
        assertThat(figures.refreshedAt()).isNotNull();
    }

    private Device learner(String name) {
        Device device = new Device(accounts.learner(name));
        device.push(new EnrollmentChange(UUID.randomUUID(), new UserId(device.user()), new CourseId(courseId),
                EnrollmentStatus.ACTIVE, NOW, NOW));
        return device;
    }

    private LessonProgressChange progress(Device device, int lesson, ProgressStatus status) {
        boolean done = status == ProgressStatus.COMPLETED;
        return new LessonProgressChange(UUID.randomUUID(), new UserId(device.user()), new LessonId(lessons.get(lesson)),
                new CourseId(courseId), status, BigDecimal.valueOf(done ? 100 : 40), 0, 60, NOW, done ? NOW : null, NOW);
    }

    private QuizAttemptSubmission attempt(Device device, Map<UUID, Answer> answers) {
        Map<QuestionId, Answer> responses = new HashMap<>();
        answers.forEach((question, answer) -> responses.put(new QuestionId(question), answer));
        return new QuizAttemptSubmission(new QuizAttemptId(UUID.randomUUID()), new UserId(device.user()), new QuizId(quizId),
                QuizMode.GRADED, 1, NOW.minusMinutes(2), NOW, 120, responses, null);
    }
}
