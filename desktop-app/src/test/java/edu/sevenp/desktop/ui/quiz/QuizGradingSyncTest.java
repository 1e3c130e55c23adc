package edu.sevenp.desktop.ui.quiz;

import static edu.sevenp.desktop.testing.WireRows.answer;
import static edu.sevenp.desktop.testing.WireRows.page;
import static edu.sevenp.desktop.testing.WireRows.upserts;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.FINAL_EXAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.desktop.learning.QuizService;
import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.store.SyncRepository;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.quiz.QuizViewModel.Phase;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.protocol.ChangeResult;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.protocol.rows.QuizAttemptRow;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AttemptStatus;
import edu.sevenp.model.quiz.QuizAttempt;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A graded attempt awaits grading until the server's graded row reaches the real H2 store the way sync writes
 * it (the push's answer, or a later pull), and then shows its score: in the result page and the quiz list.
 */
class QuizGradingSyncTest {

    private static final OffsetDateTime SERVER_TIME = OffsetDateTime.parse("2025-03-03T09:05:00Z");

    private final SampleCourseStore sample = SampleCourseStore.open();
    private final QuizService quizzes = sample.learning().quizzes();
    private final SyncRepository sync = sample.store().sync();
    private final QuizViewModel viewModel = new QuizViewModel(quizzes, UiExecutors.sameThread(), SampleCourseStore.CLOCK);
    private QuizAttempt submitted;

    @BeforeEach
    void submitAGradedAttempt() {
        // The course comes from the server here (it has a stream), so its attempts are sent, not held back.
        sync.applyPull(answer(page(Streams.course(SampleCourseStore.COURSE.value()), "1.1", List.of())));
        viewModel.showQuiz(FINAL_EXAM);
        viewModel.start(FINAL_EXAM);
        viewModel.answer(viewModel.activeQuizProperty().get().questions().get(2).id(), Answer.trueFalse(false));
        viewModel.submit();
        viewModel.confirmSubmit();
        submitted = quizzes.attempts(FINAL_EXAM).get(0);
    }

    @AfterEach
    void close() {
        sample.close();
    }

    /** The attempt as the server sends it back, with its status and grade. */
    private QuizAttemptRow serverRow(String status, String score, String percentage, boolean passed, long version) {
        JsonNode responses = JsonMapperFactory.create().valueToTree(submitted.responses());
        return new QuizAttemptRow(submitted.id().value(), FINAL_EXAM.value(), submitted.userId().value(),
                submitted.attemptNumber(), status, submitted.startedAt(), submitted.completedAt(), submitted.timeTaken(),
                score == null ? null : new BigDecimal(score), score == null ? null : new BigDecimal("10.00"),
                percentage == null ? null : new BigDecimal(percentage), passed, responses, SERVER_TIME, version);
    }

    private void serverAnswersThePush(QuizAttemptRow row) {
        List<Outbox.Entry> sent = sample.store().outbox().pending(10);
        assertThat(sent).hasSize(1);
        sync.recordPushAnswer(sent, new PushResponse(SERVER_TIME, sent.get(0).seq(), List.of(new ChangeResult(
                sent.get(0).seq(), ChangeStatus.APPLIED, row.status(), List.of(row), null))));
    }

    @Test
    void theResultAwaitsGradingUntilSyncBringsTheServersGrade() {
        assertThat(viewModel.outcomeProperty().get().headline()).isEqualTo("Awaiting grading");
        assertThat(viewModel.quizzes().get(0).scoreText()).isEqualTo("Awaiting grading");

        serverAnswersThePush(serverRow("graded", "8.00", "80.00", true, 2));
        viewModel.gradesMayHaveChanged();

        QuizOutcome outcome = viewModel.outcomeProperty().get();
        assertThat(List.of(outcome.headline(), outcome.detail())).containsExactly("Score: 80 % (8 of 10 points) — Passed",
                "Attempt 1 of 3 · 2 of 3 attempts left. Passing score: 70 %.");
        assertThat(outcome.pending()).isFalse();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.RESULT);
        assertThat(viewModel.quizzes().get(0).scoreText()).isEqualTo("Best score: 80 %");
        assertThat(quizzes.attempts(FINAL_EXAM)).extracting(QuizAttempt::status).containsExactly(AttemptStatus.GRADED);
    }

    @Test
    void anAttemptTheServerCouldNotScoreAwaitsItsGradeInALaterPull() {
        // An essay needs a person: the server keeps the attempt submitted, and grades it later.
        serverAnswersThePush(serverRow("submitted", null, null, false, 1));
        viewModel.gradesMayHaveChanged();
        assertThat(viewModel.outcomeProperty().get().headline()).isEqualTo("Awaiting grading");

        sync.applyPull(answer(page(Streams.USER, "20.1", upserts(serverRow("graded", "6.00", "60.00", false, 3)))));
        viewModel.gradesMayHaveChanged();

        assertThat(viewModel.outcomeProperty().get().headline()).isEqualTo("Score: 60 % (6 of 10 points) — Not passed");
        assertThat(viewModel.quizzes().get(0).scoreText()).isEqualTo("Best score: 60 %");
    }

    @Test
    void backAtTheListAGradedAttemptShowsItsScoreAfterSync() {
        viewModel.backToLesson();
        assertThat(viewModel.quizzes().get(0).scoreText()).isEqualTo("Awaiting grading");

        serverAnswersThePush(serverRow("graded", "9.00", "90.00", true, 2));
        viewModel.gradesMayHaveChanged();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.LIST);
        assertThat(viewModel.quizzes().get(0).scoreText()).isEqualTo("Best score: 90 %");
    }

    @Test
    void aPullDoesNotOverwriteTheAttemptWhileItWaitsToBeSent() {
        sync.applyPull(answer(page(Streams.USER, "20.1", upserts(serverRow("graded", "8.00", "80.00", true, 2)))));
        viewModel.gradesMayHaveChanged();

        assertThat(viewModel.outcomeProperty().get().headline()).isEqualTo("Awaiting grading");
    }
}
