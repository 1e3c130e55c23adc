package edu.sevenp.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.ChangeResult;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.rows.QuizAttemptRow;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.sync.QuizAttemptSubmission;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.Learning;
import edu.sevenp.server.testing.RunningServer;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The server grades attempts from the key it alone holds, and enforces attempt and time limits (sections 8.7, 9). */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuizGradingIT {

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
    void theServerGradesAnAttemptFromItsKeyAndIgnoresTheDevicesScore() {
        Catalog.Course course = catalog.freeCourse(instructor, "grading", 1);
        Device laptop = new Device(accounts.learner("Ana"));
        Learning learner = new Learning(laptop.user(), course);
        laptop.push(learner.enroll(NOW));

        PushResponse answer = laptop.push(learner.gradedAttempt(UUID.randomUUID(), true, NOW.minusMinutes(5), 240));

        ChangeResult result = answer.results().get(0);
        assertThat(result.outcome()).isEqualTo("graded");
        QuizAttemptRow attempt = (QuizAttemptRow) result.rows().get(0);
        assertThat(attempt.status()).isEqualTo("graded");
        assertThat(attempt.score()).isEqualByComparingTo("4");
        assertThat(attempt.maxScore()).isEqualByComparingTo("4");
        assertThat(attempt.percentage()).isEqualByComparingTo("100");
        assertThat(attempt.passed()).isTrue();
        assertThat(attempt.attemptNumber()).isEqualTo(1);
    }

    @Test
    void wrongAnswersScoreNothingAndFail() {
        Catalog.Course course = catalog.freeCourse(instructor, "grading-wrong", 1);
        Device laptop = new Device(accounts.learner("Bea"));
        Learning learner = new Learning(laptop.user(), course);
        laptop.push(learner.enroll(NOW));

        QuizAttemptRow attempt = (QuizAttemptRow) laptop.push(learner.gradedAttempt(UUID.randomUUID(), false, NOW, 60))
                .results().get(0).rows().get(0);

        assertThat(attempt.score()).isEqualByComparingTo("0");
        assertThat(attempt.passed()).isFalse();
    }

    @Test
    void aPracticeScoreClaimedByTheDeviceIsNotTrusted() {
        Catalog.Course course = catalog.freeCourse(instructor, "practice-claim", 1);
        Device laptop = new Device(accounts.learner("Cai"));
        Learning learner = new Learning(laptop.user(), course);
        laptop.push(learner.enroll(NOW));
        QuizAttemptSubmission claim = new QuizAttemptSubmission(new QuizAttemptId(UUID.randomUUID()),
                new UserId(laptop.user()), new QuizId(course.practiceQuiz()), QuizMode.PRACTICE, 1, NOW, NOW.plusSeconds(20),
                20, Map.of(new QuestionId(course.practiceQuestion()), Answer.trueFalse(true)),
                new QuizAttemptSubmission.PracticeScore(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.valueOf(100), true));

        QuizAttemptRow attempt = (QuizAttemptRow) laptop.push(claim).results().get(0).rows().get(0);

        assertThat(attempt.passed()).isFalse();
        assertThat(attempt.score()).isEqualByComparingTo("0");
    }

    @Test
    void offlineAttemptsFromTwoDevicesCountUpToTheLimitAndTheRestAreRejected() {
        Catalog.Course course = catalog.freeCourse(instructor, "attempt-limit", 1);
        Accounts.SignedIn account = accounts.learner("Dan");
        Device laptop = new Device(account);
        Device phone = new Device(accounts.signIn(account.email(), UUID.randomUUID()));
        Learning learner = new Learning(account.user(), course);
        laptop.push(learner.enroll(NOW));

        // Each device numbered its attempts 1 and 2 while offline; the quiz allows two in all.
        PushResponse fromLaptop = laptop.push(learner.gradedAttempt(UUID.randomUUID(), false, NOW.minusHours(2), 60),
                learner.gradedAttempt(UUID.randomUUID(), true, NOW.minusHours(1), 60));
        PushResponse fromPhone = phone.push(learner.gradedAttempt(UUID.randomUUID(), true, NOW.minusMinutes(30), 60),
                learner.gradedAttempt(UUID.randomUUID(), true, NOW.minusMinutes(20), 60));

        assertThat(fromLaptop.results()).extracting(ChangeResult::status).containsOnly(ChangeStatus.APPLIED);
        assertThat(fromPhone.results()).extracting(ChangeResult::status).containsOnly(ChangeStatus.REJECTED);
        assertThat(fromPhone.results().get(0).reason().code()).isEqualTo("attempt_limit");
        assertThat(fromPhone.results().get(0).reason().message()).contains("allows 2 attempt");
        assertThat(fromLaptop.results()).extracting(result -> ((QuizAttemptRow) result.rows().get(0)).attemptNumber())
                .containsExactly(1, 2);
    }

    @Test
    void anAttemptLongerThanTheTimeLimitAndItsGraceIsRejectedAndUsesNoAttempt() {
        Catalog.Course course = catalog.freeCourse(instructor, "late", 1);
        Device laptop = new Device(accounts.learner("Eli"));
        Learning learner = new Learning(laptop.user(), course);
        laptop.push(learner.enroll(NOW));

        PushResponse late = laptop.push(learner.gradedAttempt(UUID.randomUUID(), true, NOW.minusMinutes(30), 11 * 60 + 1));
        PushResponse withinGrace = laptop.push(learner.gradedAttempt(UUID.randomUUID(), true, NOW.minusMinutes(20), 10 * 60 + 59));

        assertThat(late.results().get(0).reason().code()).isEqualTo("time_limit_exceeded");
        assertThat(withinGrace.results().get(0).outcome()).isEqualTo("graded");
        assertThat(((QuizAttemptRow) withinGrace.results().get(0).rows().get(0)).attemptNumber()).isEqualTo(1);
    }

    @Test
    void aShortTimeTakenCannotHideALongAttempt() {
        Catalog.Course course = catalog.freeCourse(instructor, "late-span", 1);
        Device laptop = new Device(accounts.learner("Fay"));
        Learning learner = new Learning(laptop.user(), course);
        laptop.push(learner.enroll(NOW));
        QuizAttemptSubmission honest = learner.gradedAttempt(UUID.randomUUID(), true, NOW.minusHours(2), 60 * 60);
        QuizAttemptSubmission shortClaim = new QuizAttemptSubmission(honest.id(), honest.userId(), honest.quizId(),
                honest.mode(), 1, honest.startedAt(), honest.submittedAt(), 30, honest.responses(), null);

        PushResponse answer = laptop.push(shortClaim);

        assertThat(answer.results().get(0).reason().code()).isEqualTo("time_limit_exceeded");
    }

    @Test
    void aLearnerOutsideTheCourseIsRefusedBeforeHearingOfAnyLimit() {
        Catalog.Course course = catalog.paidCourse(instructor, "not-mine", 1, new BigDecimal("19.00"));
        Device stranger = new Device(accounts.learner("Gus"));
        Learning learner = new Learning(stranger.user(), course);

        PushResponse answer = stranger.push(learner.gradedAttempt(UUID.randomUUID(), true, NOW, 60));

        assertThat(answer.results().get(0).reason().code()).isEqualTo("not_entitled");
        assertThat(answer.results().get(0).reason().message()).doesNotContain("allows");
    }

    @Test
    void anAttemptSentAgainUnderANewNumberIsRecordedOnce() {
        Catalog.Course course = catalog.freeCourse(instructor, "attempt-twice", 1);
        Device laptop = new Device(accounts.learner("Hal"));
        Learning learner = new Learning(laptop.user(), course);
        laptop.push(learner.enroll(NOW));
        QuizAttemptSubmission attempt = learner.gradedAttempt(UUID.randomUUID(), true, NOW.minusMinutes(3), 60);

        laptop.push(attempt);
        PushResponse again = laptop.push(attempt);

        assertThat(again.results().get(0).status()).isEqualTo(ChangeStatus.DUPLICATE);
        assertThat(((QuizAttemptRow) again.results().get(0).rows().get(0)).attemptNumber()).isEqualTo(1);
    }
}
