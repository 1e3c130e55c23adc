package edu.sevenp.coursepackage;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.coursepackage.problem.ProblemCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The manifest's rules for every {@code quizzes} list (the course's and each lesson's) and their questions.
 * Where a graded quiz's answer key may be depends on the {@link PackagePurpose}.
 */
final class QuizRules {

    private static final Set<String> QUIZ_MODES = Set.of("graded", "practice");
    private static final List<String> QUESTION_TYPES = List.of("multiple_choice", "true_false", "short_answer", "essay");
    /**
     * Question types graded from an answer key: a practice quiz (graded by the player) must carry one for
     * them, and so must a graded quiz published to the server (graded there).
     */
    private static final Set<String> AUTO_GRADED = Set.of("multiple_choice", "true_false", "short_answer");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_POINTS = new BigDecimal("999.99");
    private static final Set<String> QUIZ_FIELDS = Set.of("id", "title", "description", "instructions", "mode",
            "passingScore", "timeLimitMinutes", "attemptsAllowed", "questions");
    private static final Set<String> QUESTION_FIELDS = Set.of("id", "order", "type", "text", "options", "points", "answer",
            "explanation");

    private final ManifestProblems problems;
    private final JsonFields fields;
    private final PackagePurpose purpose;

    QuizRules(ManifestProblems problems, JsonFields fields, PackagePurpose purpose) {
        this.problems = problems;
        this.fields = fields;
        this.purpose = purpose;
    }

    void checkQuizzes(JsonNode quizzes, String listAt) {
        for (int i = 0; i < quizzes.size(); i++) {
            JsonNode quiz = quizzes.get(i);
            String at = listAt + "/" + i;
            if (!quiz.isObject()) {
                problems.report(at, ProblemCode.NOT_AN_OBJECT);
                continue;
            }
            fields.onlyKnownFields(quiz, at, QUIZ_FIELDS, Set.of());
            fields.uniqueId(quiz, at, "quiz");
            fields.requiredText(quiz, at, "title", 200);
            fields.optionalText(quiz, at, "description", 5_000);
            fields.optionalText(quiz, at, "instructions", 10_000);
            Optional<String> mode = fields.requiredText(quiz, at, "mode", 20);
            mode.filter(value -> !QUIZ_MODES.contains(value))
                    .ifPresent(value -> problems.report(at + "/mode", ProblemCode.BAD_QUIZ_MODE, value));
            fields.optionalDecimal(quiz, at, "passingScore", BigDecimal.ZERO, true, HUNDRED);
            fields.optionalInt(quiz, at, "timeLimitMinutes", 1);
            fields.optionalInt(quiz, at, "attemptsAllowed", 1);
            JsonNode questions = quiz.get("questions");
            if (questions == null || !questions.isArray() || questions.isEmpty()) {
                problems.report(at + "/questions", ProblemCode.REQUIRED_NON_EMPTY_ARRAY);
            } else {
                checkQuestions(questions, at, mode.filter(QUIZ_MODES::contains).orElse(null));
            }
        }
    }

    /** @param mode graded, practice, or null when the quiz's mode is itself wrong (answers are then not judged) */
    private void checkQuestions(JsonNode questions, String quizAt, String mode) {
        Map<Integer, Integer> orders = new HashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            JsonNode question = questions.get(i);
            String at = quizAt + "/questions/" + i;
            if (!question.isObject()) {
                problems.report(at, ProblemCode.NOT_AN_OBJECT);
                continue;
            }
            fields.onlyKnownFields(question, at, QUESTION_FIELDS, Set.of());
            fields.uniqueId(question, at, "question");
            int index = i;
            fields.requiredInt(question, at, "order", 1).ifPresent(order -> {
                Integer previous = orders.putIfAbsent(order, index);
                if (previous != null) {
                    problems.report(at + "/order", ProblemCode.DUPLICATE_QUESTION_ORDER, order, previous);
                }
            });
            Optional<String> type = fields.requiredText(question, at, "type", 20);
            type.filter(value -> !QUESTION_TYPES.contains(value))
                    .ifPresent(value -> problems.report(at + "/type", ProblemCode.BAD_QUESTION_TYPE,
                            String.join(", ", QUESTION_TYPES), value));
            fields.requiredText(question, at, "text", 10_000);
            fields.optionalDecimal(question, at, "points", BigDecimal.ZERO, false, MAX_POINTS);
            String knownType = type.filter(QUESTION_TYPES::contains).orElse(null);
            List<String> options = checkOptions(question, at, knownType);
            if ("graded".equals(mode) && purpose == PackagePurpose.IMPORT) {
                for (String name : List.of("answer", "explanation")) {
                    if (JsonFields.present(question, name)) {
                        problems.report(at + "/" + name, ProblemCode.ANSWER_KEY_IN_GRADED, name);
                    }
                }
            } else if (mode != null) {
                // A practice quiz, or a graded one published to the server: its key must be there and well formed.
                fields.optionalText(question, at, "explanation", 10_000);
                if (knownType != null) {
                    ProblemCode missing = "graded".equals(mode) ? ProblemCode.GRADED_WITHOUT_ANSWER
                            : ProblemCode.PRACTICE_WITHOUT_ANSWER;
                    checkAnswer(question, at, knownType, options, missing);
                }
            }
        }
    }

    /** The options of a multiple-choice question, or null where there are none or they are wrong. */
    private List<String> checkOptions(JsonNode question, String at, String type) {
        JsonNode options = question.get("options");
        boolean present = options != null && !options.isNull();
        if (!"multiple_choice".equals(type)) {
            if (present && type != null) {
                problems.report(at + "/options", ProblemCode.OPTIONS_NOT_ALLOWED, type);
            }
            return null;
        }
        if (!present || !options.isArray() || options.size() < 2) {
            problems.report(at + "/options", ProblemCode.OPTIONS_REQUIRED);
            return null;
        }
        if (options.size() > 20) {
            problems.report(at + "/options", ProblemCode.TOO_MANY_OPTIONS, options.size());
            return null;
        }
        List<String> choices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String pointer = at + "/options/" + i;
            Optional<String> choice = fields.text(options.get(i), pointer, 1_000);
            if (choice.isEmpty()) {
                return null;
            }
            if (!seen.add(choice.get())) {
                problems.report(pointer, ProblemCode.REPEATED_CHOICE, choice.get());
                return null;
            }
            choices.add(choice.get());
        }
        return choices;
    }

    /** @param missing what to report when an auto-graded question has no answer */
    private void checkAnswer(JsonNode question, String at, String type, List<String> options, ProblemCode missing) {
        JsonNode answer = question.get("answer");
        String pointer = at + "/answer";
        if (answer == null || answer.isNull()) {
            if (AUTO_GRADED.contains(type)) {
                problems.report(pointer, missing, type);
            }
            return;
        }
        switch (type) {
            case "multiple_choice" -> fields.text(answer, pointer, 1_000)
                    .filter(choice -> options != null && !options.contains(choice))
                    .ifPresent(choice -> problems.report(pointer, ProblemCode.NOT_AN_OPTION, choice));
            case "true_false" -> {
                if (!answer.isBoolean()) {
                    problems.report(pointer, ProblemCode.NOT_TRUE_OR_FALSE, answer);
                }
            }
            case "short_answer" -> {
                if (answer.isArray()) {
                    if (answer.isEmpty()) {
                        problems.report(pointer, ProblemCode.NO_ACCEPTED_ANSWER);
                    }
                    for (int i = 0; i < answer.size(); i++) {
                        fields.text(answer.get(i), pointer + "/" + i, 1_000);
                    }
                } else {
                    fields.text(answer, pointer, 1_000);
                }
            }
            default -> fields.text(answer, pointer, 10_000); // essay: a model answer, shown after answering
        }
    }
}
