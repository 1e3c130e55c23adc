package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.quiz.QuizSummary;
import edu.sevenp.desktop.ui.quiz.QuizViewModel;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AttemptStatus;
import edu.sevenp.model.quiz.QuizAttempt;
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
 * Issue 10: an attempt at a graded quiz, taken through the quiz page's view model, awaits grading on the device
 * until the real engine syncs it with the real server, which grades it from the key only it holds; then it shows
 * its score, in the result and in the list.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuizAwaitingGradingIT {

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
    void aGradedAttemptAwaitsGradingUntilSyncBringsTheServersScore() {
        Catalog.Course course = server.course(1);
        Accounts.SignedIn ana = server.learnerIn(course, "Ana");
        try (SyncedDevice laptop = SyncedDevice.open(folders.resolve("laptop"))) {
            laptop.signIn(server.url(), ana.email(), Accounts.PASSWORD);
            laptop.syncOnce();
            QuizViewModel quizzes = new QuizViewModel(LearningServices.over(laptop.store(), Clock.systemUTC()).quizzes(),
                    UiExecutors.sameThread(), Clock.systemUTC());
            QuizId exam = new QuizId(course.gradedQuiz());
            quizzes.showQuiz(exam);
            assertThat(quizzes.quizzes()).extracting(QuizSummary::attemptsText).containsExactly("2 of 2 attempts left");

            quizzes.start(exam);
            assertThat(quizzes.timeLeftTextProperty().get()).isEqualTo("Time left: 10:00");
            quizzes.answer(new QuestionId(course.gradedQuestions().get(0)), Answer.choice("LEFT"));
            quizzes.answer(new QuestionId(course.gradedQuestions().get(1)), Answer.trueFalse(false));
            quizzes.answer(new QuestionId(course.gradedQuestions().get(2)), Answer.text("cross join"));
            quizzes.submit();
            assertThat(quizzes.outcomeProperty().get().headline()).isEqualTo("Awaiting grading");
            assertThat(quizzes.quizzes()).extracting(QuizSummary::scoreText).containsExactly("Awaiting grading");

            laptop.syncOnce();
            quizzes.gradesMayHaveChanged();

            assertThat(quizzes.outcomeProperty().get().headline()).startsWith("Score: 100 %").endsWith("— Passed");
            assertThat(quizzes.outcomeProperty().get().pending()).isFalse();
            assertThat(quizzes.quizzes()).extracting(QuizSummary::scoreText, QuizSummary::attemptsText)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Best score: 100 %", "1 of 2 attempts left"));
            List<QuizAttempt> stored = laptop.store().quizzes().attempts(laptop.user(), exam);
            assertThat(stored).extracting(QuizAttempt::status).containsExactly(AttemptStatus.GRADED);
        }
    }
}
