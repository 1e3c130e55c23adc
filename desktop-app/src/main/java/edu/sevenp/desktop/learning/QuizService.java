package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.QuizRepository;
import edu.sevenp.desktop.store.QuizSubmission;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.AnswerKey;
import edu.sevenp.model.quiz.QuestionType;
import edu.sevenp.model.quiz.Quiz;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.quiz.QuizQuestion;
import edu.sevenp.model.quiz.QuizScoring;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Quizzes and the learner's attempts. Practice quizzes are graded here with {@link QuizScoring}; attempts
 * at graded quizzes are stored as submitted, without a score, and wait for the server (principle 8).
 * The quiz's attempt limit is enforced here too, with a clear message; the server enforces it again.
 */
public final class QuizService {

    /** The longest short answer, in characters. */
    public static final int MAX_SHORT_ANSWER_LENGTH = 1_000;
    /** The longest essay, in characters. */
    public static final int MAX_ESSAY_LENGTH = 20_000;

    private final QuizRepository quizzes;
    private final Supplier<UserId> learner;
    private final Clock clock;

    public QuizService(QuizRepository quizzes, UserId learner, Clock clock) {
        this(quizzes, Learners.fixed(learner), clock);
    }

    /** For a learner read at each call: the profile's, which signing in changes. */
    public QuizService(QuizRepository quizzes, Supplier<UserId> learner, Clock clock) {
        this.quizzes = Objects.requireNonNull(quizzes, "quizzes");
        this.learner = Objects.requireNonNull(learner, "learner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The quiz's questions (never their answers) and the learner's attempts so far. */
    public QuizOverview quiz(QuizId quiz) {
        Quiz found = find(quiz);
        return new QuizOverview(found, quizzes.attempts(learner.get(), quiz));
    }

    /** The quizzes of a lesson. */
    public List<Quiz> forLesson(LessonId lesson) {
        return quizzes.forLesson(Objects.requireNonNull(lesson, "lesson"));
    }

    /** The quizzes of a course that belong to no lesson, such as a final exam. */
    public List<Quiz> courseWide(CourseId course) {
        return quizzes.courseWide(Objects.requireNonNull(course, "course"));
    }

    public List<QuizAttempt> attempts(QuizId quiz) {
        return quizzes.attempts(learner.get(), Objects.requireNonNull(quiz, "quiz"));
    }

    /**
     * Submits the learner's answers as their next attempt.
     *
     * @param responses answers by question; questions left out count as unanswered
     * @param startedAt when the learner started the attempt
     * @throws NotFoundException the quiz is not in the library
     * @throws NotAllowedException the quiz is closed
     * @throws AttemptLimitException every allowed attempt is used
     * @throws InvalidInputException an answer to a question of another quiz, of the wrong kind, or too long
     */
    public QuizResult submit(QuizId quizId, Map<QuestionId, Answer> responses, OffsetDateTime startedAt) {
        return submit(QuizAttemptId.random(), quizId, responses, startedAt);
    }

    /**
     * Submits the learner's answers as their next attempt, under the id the attempt was given when it started
     * (its question order was drawn from it).
     *
     * @see #submit(QuizId, Map, OffsetDateTime)
     */
    public QuizResult submit(QuizAttemptId attemptId, QuizId quizId, Map<QuestionId, Answer> responses,
            OffsetDateTime startedAt) {
        Objects.requireNonNull(attemptId, "attemptId");
        Quiz quiz = find(quizId);
        OffsetDateTime now = Times.now(clock);
        if (!quiz.active()) {
            throw new NotAllowedException(LearningException.WORDS.text("quiz.closed", quiz.title()));
        }
        QuizOverview overview = new QuizOverview(quiz, quizzes.attempts(learner.get(), quizId));
        if (!overview.canAttempt()) {
            throw new AttemptLimitException(quiz.title(), quiz.attemptsAllowed());
        }
        check(quiz, responses, startedAt, now);
        Map<QuestionId, AnswerKey> keys = quiz.mode() == QuizMode.PRACTICE ? quizzes.answerKeys(quizId) : Map.of();
        QuizScoring.Grade grade = quiz.mode() == QuizMode.PRACTICE
                ? QuizScoring.grade(quiz.questions(), keys, responses, quiz.passingScore()) : null;
        QuizSubmission.Outcome outcome = quizzes.submit(learner.get(),
                new QuizSubmission(attemptId, quizId, startedAt, now, responses, grade));
        if (outcome instanceof QuizSubmission.Stored stored) {
            return new QuizResult(stored.attempt(), Optional.ofNullable(grade).filter(QuizScoring.Grade::scored),
                    quiz.showCorrectAnswers() ? keys : Map.of());
        }
        if (outcome instanceof QuizSubmission.LimitReached limit) {
            throw new AttemptLimitException(quiz.title(), limit.attemptsAllowed());
        }
        if (outcome instanceof QuizSubmission.Closed) {
            throw new NotAllowedException(LearningException.WORDS.text("quiz.closed", quiz.title()));
        }
        throw new NotFoundException(LearningException.WORDS.text("quiz.gone"));
    }

    private Quiz find(QuizId quiz) {
        return quizzes.quiz(Objects.requireNonNull(quiz, "quiz"))
                .orElseThrow(() -> new NotFoundException(LearningException.WORDS.text("quiz.notInLibrary")));
    }

    private static void check(Quiz quiz, Map<QuestionId, Answer> responses, OffsetDateTime startedAt,
            OffsetDateTime now) {
        Checks checks = new Checks()
                .require(startedAt != null, "startedAt", LearningException.WORDS.text("attempt.noStart"))
                .require(startedAt == null || !startedAt.isAfter(now), "startedAt", LearningException.WORDS.text("attempt.future"))
                .require(responses != null, "responses", LearningException.WORDS.text("attempt.noAnswers"));
        if (responses == null) {
            checks.orRefuse();
        }
        Map<QuestionId, QuizQuestion> questions = quiz.questions().stream()
                .collect(Collectors.toMap(QuizQuestion::id, Function.identity()));
        responses.forEach((id, answer) -> {
            QuizQuestion question = questions.get(id);
            String field = "responses." + id;
            if (question == null) {
                checks.require(false, field, LearningException.WORDS.text("answer.foreign", quiz.title()));
                return;
            }
            if (answer == null || !answer.fits(question.type())) {
                checks.require(false, field, LearningException.WORDS.text("answer.expected", question.orderIndex(),
                        LearningException.WORDS.text("expected." + question.type().name())));
                return;
            }
            if (question.type() == QuestionType.MULTIPLE_CHOICE) {
                answer.selected().stream().filter(option -> !question.options().contains(option)).findFirst()
                        .ifPresent(option -> checks.require(false, field,
                                LearningException.WORDS.text("answer.notAChoice", question.orderIndex(), option)));
            }
            if (question.type() == QuestionType.SHORT_ANSWER) {
                checks.optionalText(answer.text(), field, LearningException.WORDS.text("what.answer", question.orderIndex()), MAX_SHORT_ANSWER_LENGTH);
            }
            if (question.type() == QuestionType.ESSAY) {
                checks.optionalText(answer.text(), field, LearningException.WORDS.text("what.essay", question.orderIndex()), MAX_ESSAY_LENGTH);
            }
        });
        checks.orRefuse();
    }

}
