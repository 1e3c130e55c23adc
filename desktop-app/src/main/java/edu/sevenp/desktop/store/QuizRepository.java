package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_ATTEMPTS;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_QUESTIONS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.store.schema.tables.records.CourseQuizzesRecord;
import edu.sevenp.desktop.store.schema.tables.records.QuizAttemptsRecord;
import edu.sevenp.desktop.store.schema.tables.records.QuizQuestionsRecord;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AnswerKey;
import edu.sevenp.model.quiz.AnswerKeys;
import edu.sevenp.model.quiz.AttemptStatus;
import edu.sevenp.model.quiz.QuestionType;
import edu.sevenp.model.quiz.Quiz;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.quiz.QuizQuestion;
import edu.sevenp.model.quiz.QuizScoring;
import edu.sevenp.model.sync.QuizAttemptSubmission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSON;

/**
 * Quizzes, their questions and answer keys, and the learner's attempts (course_quizzes, quiz_questions,
 * quiz_attempts). Attempts are append-only: each is stored once, with its outbox entry, and numbered
 * within the quiz's attempt limit.
 */
public final class QuizRepository {

    private static final ObjectMapper JSON_MAPPER = JsonMapperFactory.create();
    private static final TypeReference<LinkedHashMap<QuestionId, Answer>> RESPONSES = new TypeReference<>() {
    };

    private final DSLContext dsl;
    private final WriteTransactions writes;
    private final Outbox outbox;

    QuizRepository(DSLContext dsl, WriteTransactions writes, Outbox outbox) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** The quiz with its questions in order, without answer keys. */
    public Optional<Quiz> quiz(QuizId quiz) {
        return dsl.selectFrom(COURSE_QUIZZES).where(COURSE_QUIZZES.ID.eq(quiz.value())).fetchOptional()
                .map(row -> toQuiz(row, questions(quiz)));
    }

    /** The quizzes of a lesson, by title. */
    public List<Quiz> forLesson(LessonId lesson) {
        return dsl.selectFrom(COURSE_QUIZZES).where(COURSE_QUIZZES.LESSON_ID.eq(lesson.value()))
                .orderBy(COURSE_QUIZZES.TITLE, COURSE_QUIZZES.ID)
                .fetch(row -> toQuiz(row, questions(new QuizId(row.getId()))));
    }

    /** The quizzes of a course that belong to no lesson (a final exam, say), by title. */
    public List<Quiz> courseWide(CourseId course) {
        return dsl.selectFrom(COURSE_QUIZZES)
                .where(COURSE_QUIZZES.COURSE_ID.eq(course.value()), COURSE_QUIZZES.LESSON_ID.isNull())
                .orderBy(COURSE_QUIZZES.TITLE, COURSE_QUIZZES.ID)
                .fetch(row -> toQuiz(row, questions(new QuizId(row.getId()))));
    }

    /**
     * The answer keys of a practice quiz, by question; empty for a graded quiz, whose keys stay on the
     * server (principle 8) even if a row here held one.
     */
    public Map<QuestionId, AnswerKey> answerKeys(QuizId quiz) {
        String mode = dsl.select(COURSE_QUIZZES.QUIZ_MODE).from(COURSE_QUIZZES).where(COURSE_QUIZZES.ID.eq(quiz.value()))
                .fetchOne(COURSE_QUIZZES.QUIZ_MODE);
        if (!QuizMode.PRACTICE.code().equals(mode)) {
            return Map.of();
        }
        Map<QuestionId, AnswerKey> keys = new LinkedHashMap<>();
        for (QuizQuestionsRecord row : dsl.selectFrom(QUIZ_QUESTIONS).where(QUIZ_QUESTIONS.QUIZ_ID.eq(quiz.value()))
                .orderBy(QUIZ_QUESTIONS.ORDER_INDEX).fetch()) {
            if (row.getCorrectAnswer() != null) {
                keys.put(new QuestionId(row.getId()), answerKey(QuestionType.fromCode(row.getQuestionType()),
                        row.getCorrectAnswer(), row.getExplanation()));
            }
        }
        return keys;
    }

    /** The learner's attempts at the quiz, first attempt first. */
    public List<QuizAttempt> attempts(UserId user, QuizId quiz) {
        return dsl.selectFrom(QUIZ_ATTEMPTS)
                .where(QUIZ_ATTEMPTS.USER_ID.eq(user.value()), QUIZ_ATTEMPTS.QUIZ_ID.eq(quiz.value()))
                .orderBy(QUIZ_ATTEMPTS.ATTEMPT_NUMBER)
                .fetch(QuizRepository::toAttempt);
    }

    /**
     * Stores a finished attempt as the learner's next one, unless the quiz is closed or every allowed
     * attempt is used (checked in the same transaction as the insert). A practice attempt with a grade is
     * stored graded; anything else is stored submitted, without a score, until the server grades it.
     */
    public QuizSubmission.Outcome submit(UserId user, QuizSubmission submission) {
        return writes.run("answers", tx -> {
            CourseQuizzesRecord quiz = tx.selectFrom(COURSE_QUIZZES).where(COURSE_QUIZZES.ID.eq(submission.quizId().value()))
                    .fetchOne();
            if (quiz == null) {
                return new QuizSubmission.UnknownQuiz();
            }
            if (!quiz.getIsActive()) {
                return new QuizSubmission.Closed();
            }
            int next = tx.select(coalesce(max(QUIZ_ATTEMPTS.ATTEMPT_NUMBER), 0)).from(QUIZ_ATTEMPTS)
                    .where(QUIZ_ATTEMPTS.QUIZ_ID.eq(quiz.getId()), QUIZ_ATTEMPTS.USER_ID.eq(user.value()))
                    .fetchSingle().value1() + 1;
            if (quiz.getAttemptsAllowed() != null && next > quiz.getAttemptsAllowed()) {
                return new QuizSubmission.LimitReached(quiz.getAttemptsAllowed());
            }
            QuizMode mode = QuizMode.fromCode(quiz.getQuizMode());
            QuizScoring.Grade grade = mode == QuizMode.PRACTICE ? submission.grade() : null;
            boolean graded = grade != null && grade.scored();
            QuizAttemptsRecord row = tx.newRecord(QUIZ_ATTEMPTS);
            row.setId(submission.id().value());
            row.setQuizId(quiz.getId());
            row.setUserId(user.value());
            row.setAttemptNumber(next);
            row.setStatus(graded ? AttemptStatus.GRADED.code() : AttemptStatus.SUBMITTED.code());
            row.setStartedAt(submission.startedAt());
            row.setCompletedAt(submission.submittedAt());
            row.setTimeTaken(Math.toIntExact(Duration.between(submission.startedAt(), submission.submittedAt()).toSeconds()));
            row.setResponses(JSON.json(write(submission.responses())));
            row.setPassed(graded && grade.passed());
            if (graded) {
                row.setScore(grade.score());
                row.setMaxScore(grade.maxScore());
                row.setPercentage(grade.percentage());
            }
            row.setUpdatedAt(submission.submittedAt());
            row.store();
            QuizAttempt attempt = toAttempt(row);
            outbox.append(tx, new QuizAttemptSubmission(attempt.id(), user, attempt.quizId(), mode, next,
                    attempt.startedAt(), attempt.completedAt(), attempt.timeTaken(), attempt.responses(),
                    graded ? new QuizAttemptSubmission.PracticeScore(grade.score(), grade.maxScore(), grade.percentage(),
                            grade.passed()) : null));
            return new QuizSubmission.Stored(attempt);
        });
    }

    private List<QuizQuestion> questions(QuizId quiz) {
        return dsl.select(QUIZ_QUESTIONS.ID, QUIZ_QUESTIONS.QUESTION_TEXT, QUIZ_QUESTIONS.QUESTION_TYPE,
                        QUIZ_QUESTIONS.POINTS, QUIZ_QUESTIONS.ORDER_INDEX, QUIZ_QUESTIONS.OPTIONS)
                .from(QUIZ_QUESTIONS)
                .where(QUIZ_QUESTIONS.QUIZ_ID.eq(quiz.value()))
                .orderBy(QUIZ_QUESTIONS.ORDER_INDEX)
                .fetch(row -> new QuizQuestion(new QuestionId(row.value1()), row.value2(),
                        QuestionType.fromCode(row.value3()), row.value4(), row.value5(), strings(read(row.value6()))));
    }

    private static Quiz toQuiz(CourseQuizzesRecord row, List<QuizQuestion> questions) {
        return new Quiz(new QuizId(row.getId()), new CourseId(row.getCourseId()),
                row.getLessonId() == null ? null : new LessonId(row.getLessonId()), row.getTitle(), row.getDescription(),
                row.getInstructions(), QuizMode.fromCode(row.getQuizMode()), row.getTimeLimit(), row.getAttemptsAllowed(),
                row.getPassingScore(), row.getRandomizeQuestions(), row.getShowCorrectAnswers(), row.getIsRequired(),
                row.getIsActive(), questions);
    }

    private static QuizAttempt toAttempt(QuizAttemptsRecord row) {
        Map<QuestionId, Answer> responses;
        try {
            responses = JSON_MAPPER.readValue(row.getResponses().data(), RESPONSES);
        } catch (JsonProcessingException e) {
            throw new StoreException(StoreException.WORDS.text("damaged.attempt"), e);
        }
        return new QuizAttempt(new QuizAttemptId(row.getId()), new QuizId(row.getQuizId()), new UserId(row.getUserId()),
                row.getAttemptNumber(), AttemptStatus.fromCode(row.getStatus()), row.getStartedAt(), row.getCompletedAt(),
                row.getTimeTaken(), row.getScore(), row.getMaxScore(), row.getPercentage(), row.getPassed(), responses);
    }

    /**
     * quiz_questions.correct_answer: a string or an array of strings (the correct options, or the accepted
     * short answers), or a boolean for true/false ("true"/"false" as text is read the same way).
     */
    static AnswerKey answerKey(QuestionType type, JSON correctAnswer, String explanation) {
        return AnswerKeys.fromJson(type, read(correctAnswer), explanation);
    }

    /** A question's options: a JSON array of strings, or nothing. */
    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        }
        return values;
    }

    private static JsonNode read(JSON json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON_MAPPER.readTree(json.data());
        } catch (JsonProcessingException e) {
            throw new StoreException(StoreException.WORDS.text("damaged.quiz"), e);
        }
    }

    private static String write(Map<QuestionId, Answer> responses) {
        try {
            return JSON_MAPPER.writeValueAsString(new LinkedHashMap<>(responses));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The answers could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
