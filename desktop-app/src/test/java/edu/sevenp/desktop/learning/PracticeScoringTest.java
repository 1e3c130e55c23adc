package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.model.QuestionId;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AnswerKey;
import edu.sevenp.model.quiz.QuestionType;
import edu.sevenp.model.quiz.QuizQuestion;
import edu.sevenp.model.quiz.QuizScoring;
import edu.sevenp.model.quiz.QuizScoring.Grade;
import edu.sevenp.model.quiz.QuizScoring.Outcome;
import edu.sevenp.model.quiz.QuizScoring.QuestionResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scoring practice quizzes are graded with on the device (QuizScoring, docs/sync-payloads.md "Scoring"). */
class PracticeScoringTest {

    private static final AnswerKey LEFT = new AnswerKey(List.of("LEFT"), null, null);
    private static final AnswerKey LEFT_AND_FULL = new AnswerKey(List.of("LEFT", "FULL"), null, null);
    private static final AnswerKey TRUE = new AnswerKey(List.of(), true, null);
    private static final AnswerKey JOIN = new AnswerKey(List.of("Left Outer Join", "left join"), null, null);

    @Test
    void multipleChoiceNeedsExactlyTheKeysOptionsInAnyOrder() {
        assertThat(score(QuestionType.MULTIPLE_CHOICE, LEFT, Answer.choice("LEFT"))).isEqualTo(Outcome.CORRECT);
        assertThat(score(QuestionType.MULTIPLE_CHOICE, LEFT, Answer.choice("left"))).isEqualTo(Outcome.INCORRECT);
        assertThat(score(QuestionType.MULTIPLE_CHOICE, LEFT_AND_FULL, Answer.choice("FULL", "LEFT"))).isEqualTo(Outcome.CORRECT);
        assertThat(score(QuestionType.MULTIPLE_CHOICE, LEFT_AND_FULL, Answer.choice("LEFT"))).isEqualTo(Outcome.INCORRECT);
        assertThat(score(QuestionType.MULTIPLE_CHOICE, LEFT, Answer.choice("LEFT", "INNER"))).isEqualTo(Outcome.INCORRECT);
    }

    @Test
    void trueFalseNeedsTheKeysValue() {
        assertThat(score(QuestionType.TRUE_FALSE, TRUE, Answer.trueFalse(true))).isEqualTo(Outcome.CORRECT);
        assertThat(score(QuestionType.TRUE_FALSE, TRUE, Answer.trueFalse(false))).isEqualTo(Outcome.INCORRECT);
    }

    @Test
    void aShortAnswerMatchesAnyAcceptedTextIgnoringCaseSpacingAndCompatibilityForms() {
        assertThat(score(QuestionType.SHORT_ANSWER, JOIN, Answer.text("  LEFT   outer\tjoin "))).isEqualTo(Outcome.CORRECT);
        assertThat(score(QuestionType.SHORT_ANSWER, JOIN, Answer.text("ｌｅｆｔ　ｊｏｉｎ"))).isEqualTo(Outcome.CORRECT);
        assertThat(score(QuestionType.SHORT_ANSWER, JOIN, Answer.text("left-join"))).isEqualTo(Outcome.INCORRECT);
        assertThat(QuizScoring.normalise(" Café\u00A0AU  lait ")).isEqualTo("café au lait");
    }

    @Test
    void essaysQuestionsWithoutAKeyAndWrongShapesAreHandledExplicitly() {
        assertThat(score(QuestionType.ESSAY, JOIN, Answer.text("left join"))).isEqualTo(Outcome.NOT_SCORED);
        assertThat(score(QuestionType.SHORT_ANSWER, null, Answer.text("left join"))).isEqualTo(Outcome.NOT_SCORED);
        assertThat(score(QuestionType.TRUE_FALSE, new AnswerKey(List.of(), null, null), Answer.trueFalse(true)))
                .isEqualTo(Outcome.NOT_SCORED);
        assertThat(score(QuestionType.TRUE_FALSE, TRUE, null)).isEqualTo(Outcome.INCORRECT);
        assertThat(score(QuestionType.TRUE_FALSE, TRUE, Answer.text("true"))).isEqualTo(Outcome.INCORRECT);
    }

    @Test
    void theGradeIsOverTheScoredQuestionsRoundedHalfUpAndPassesAtThePassingScore() {
        QuizQuestion two = question("1", QuestionType.MULTIPLE_CHOICE, "2");
        QuizQuestion one = question("2", QuestionType.TRUE_FALSE, "1");
        QuizQuestion essay = question("3", QuestionType.ESSAY, "5");
        Map<QuestionId, AnswerKey> keys = Map.of(two.id(), LEFT, one.id(), TRUE, essay.id(), JOIN);

        Grade grade = QuizScoring.grade(List.of(two, one, essay), keys,
                Map.of(two.id(), Answer.choice("LEFT"), essay.id(), Answer.text("an essay")), new BigDecimal("66.67"));

        assertThat(grade).isEqualTo(new Grade(List.of(
                new QuestionResult(two.id(), Outcome.CORRECT, new BigDecimal("2")),
                new QuestionResult(one.id(), Outcome.INCORRECT, BigDecimal.ZERO),
                new QuestionResult(essay.id(), Outcome.NOT_SCORED, BigDecimal.ZERO)),
                new BigDecimal("2.00"), new BigDecimal("3.00"), new BigDecimal("66.67"), true));
    }

    @Test
    void aQuizOfEssaysHasNoScore() {
        QuizQuestion essay = question("1", QuestionType.ESSAY, "5");

        Grade grade = QuizScoring.grade(List.of(essay), Map.of(), Map.of(essay.id(), Answer.text("text")), BigDecimal.TEN);

        assertThat(grade.scored()).isFalse();
        assertThat(grade).isEqualTo(new Grade(List.of(new QuestionResult(essay.id(), Outcome.NOT_SCORED, BigDecimal.ZERO)),
                null, null, null, false));
    }

    private static Outcome score(QuestionType type, AnswerKey key, Answer answer) {
        return QuizScoring.score(type, key, answer);
    }

    private static QuizQuestion question(String number, QuestionType type, String points) {
        return new QuizQuestion(QuestionId.valueOf("00000000-0000-0000-0000-00000000000" + number), "Question " + number, type,
                new BigDecimal(points), Integer.parseInt(number), List.of("LEFT", "INNER", "FULL"));
    }
}
