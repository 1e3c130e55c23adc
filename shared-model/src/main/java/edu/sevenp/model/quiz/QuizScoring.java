package edu.sevenp.model.quiz;

import edu.sevenp.model.QuestionId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How an attempt is scored, the same wherever it is graded (the device for practice quizzes, the server
 * for graded ones); docs/sync-payloads.md, "Scoring".
 *
 * <ul>
 *   <li>multiple choice: correct when the selected options are exactly the key's options (order and
 *       repeats do not matter, spelling does);</li>
 *   <li>true/false: correct when the value is the key's;</li>
 *   <li>short answer: correct when the {@linkplain #normalise normalised} text equals one accepted text,
 *       normalised the same way;</li>
 *   <li>essay: never scored automatically; nor is a question without a key.</li>
 * </ul>
 * A correct answer earns the question's points, anything else (including no answer) none. The score is
 * over the questions that were scored; an attempt where nothing could be scored has no score.
 */
public final class QuizScoring {

    /** What one question came to. */
    public enum Outcome {
        CORRECT,
        INCORRECT,
        /** An essay, or a question without a key: someone has to read it. */
        NOT_SCORED
    }

    public record QuestionResult(QuestionId questionId, Outcome outcome, BigDecimal points) {
        public QuestionResult {
            Objects.requireNonNull(questionId, "questionId");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(points, "points");
        }
    }

    /**
     * @param score points earned, null when no question could be scored
     * @param maxScore points of the questions that were scored, null when none could be
     * @param percentage score / maxScore in percent, rounded half up to two places; null without a score
     * @param passed percentage at or above the quiz's passing score
     */
    public record Grade(List<QuestionResult> results, BigDecimal score, BigDecimal maxScore, BigDecimal percentage,
            boolean passed) {
        public Grade {
            results = List.copyOf(results);
        }

        public boolean scored() {
            return score != null;
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private QuizScoring() {
    }

    /** Scores {@code responses} to {@code questions} against {@code keys}. */
    public static Grade grade(List<QuizQuestion> questions, Map<QuestionId, AnswerKey> keys,
            Map<QuestionId, Answer> responses, BigDecimal passingScore) {
        List<QuestionResult> results = new ArrayList<>();
        BigDecimal score = BigDecimal.ZERO;
        BigDecimal maxScore = BigDecimal.ZERO;
        boolean anyScored = false;
        for (QuizQuestion question : questions) {
            Outcome outcome = score(question.type(), keys.get(question.id()), responses.get(question.id()));
            BigDecimal points = outcome == Outcome.CORRECT ? question.points() : BigDecimal.ZERO;
            results.add(new QuestionResult(question.id(), outcome, points));
            if (outcome != Outcome.NOT_SCORED) {
                anyScored = true;
                score = score.add(points);
                maxScore = maxScore.add(question.points());
            }
        }
        if (!anyScored) {
            return new Grade(results, null, null, null, false);
        }
        BigDecimal percentage = score.multiply(HUNDRED).divide(maxScore, 2, RoundingMode.HALF_UP);
        return new Grade(results, score.setScale(2, RoundingMode.HALF_UP), maxScore.setScale(2, RoundingMode.HALF_UP),
                percentage, percentage.compareTo(passingScore) >= 0);
    }

    /** One question: {@code key} null means it cannot be scored here, {@code answer} null that it was left out. */
    public static Outcome score(QuestionType type, AnswerKey key, Answer answer) {
        if (type == QuestionType.ESSAY || key == null || !hasKeyFor(type, key)) {
            return Outcome.NOT_SCORED;
        }
        if (answer == null || !answer.fits(type)) {
            return Outcome.INCORRECT;
        }
        boolean correct = switch (type) {
            case MULTIPLE_CHOICE -> new HashSet<>(answer.selected()).equals(new HashSet<>(key.accepted()));
            case TRUE_FALSE -> key.truth().equals(answer.value());
            case SHORT_ANSWER -> key.accepted().stream().map(QuizScoring::normalise)
                    .anyMatch(normalise(answer.text())::equals);
            case ESSAY -> false;
        };
        return correct ? Outcome.CORRECT : Outcome.INCORRECT;
    }

    /**
     * A short answer as it is compared: Unicode NFKC (so full-width and composed forms match), surrounding
     * white space removed, inner runs of white space made one space, lower case. Punctuation and accents
     * count.
     */
    public static String normalise(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return compatible.strip().replaceAll("(?U)\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static boolean hasKeyFor(QuestionType type, AnswerKey key) {
        return type == QuestionType.TRUE_FALSE ? key.truth() != null : !key.accepted().isEmpty();
    }
}
