package edu.sevenp.desktop.ui.quiz;

import edu.sevenp.desktop.learning.AttemptLimitException;
import edu.sevenp.desktop.learning.InvalidInputException;
import edu.sevenp.desktop.learning.LearningException;
import edu.sevenp.desktop.learning.QuizOverview;
import edu.sevenp.desktop.learning.QuizResult;
import edu.sevenp.desktop.learning.QuizService;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.Quiz;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.quiz.QuizQuestion;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The quizzes of a lesson, one attempt at a time: the list, the questions while the learner answers,
 * then the result. The answers live here until a submission is stored, so a refused submission loses
 * nothing. Reads and the submission run on the background executor.
 */
public final class QuizViewModel {

    /** What the quiz pane shows. */
    public enum Phase {
        LIST,
        TAKING,
        RESULT
    }

    private final QuizService quizzes;
    private final UiExecutors executors;
    private final Clock clock;
    /** Lets a slow list load that was overtaken by a newer lesson drop its result. */
    private final AtomicLong listRequests = new AtomicLong();

    private final ObservableList<QuizSummary> summaries = FXCollections.observableArrayList();
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.LIST);
    private final StringProperty emptyMessage = new SimpleStringProperty(this, "emptyMessage", "");
    private final ObjectProperty<Quiz> activeQuiz = new SimpleObjectProperty<>(this, "activeQuiz");
    private final StringProperty attemptInfo = new SimpleStringProperty(this, "attemptInfo", "");
    private final ObservableMap<QuestionId, Answer> answers = FXCollections.observableMap(new LinkedHashMap<>());
    private final IntegerProperty unanswered = new SimpleIntegerProperty(this, "unanswered", 0);
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ObservableMap<QuestionId, String> problems = FXCollections.observableHashMap();
    private final ObservableMap<QuestionId, Answer> answersView = FXCollections.unmodifiableObservableMap(answers);
    private final ObservableMap<QuestionId, String> problemsView = FXCollections.unmodifiableObservableMap(problems);
    private final ObjectProperty<QuizOutcome> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    private Supplier<List<Quiz>> source = List::of;
    private String sourceEmptyMessage = "";
    private OffsetDateTime startedAt;

    /** @param clock times the attempt's start */
    public QuizViewModel(QuizService quizzes, UiExecutors executors, Clock clock) {
        this.quizzes = Objects.requireNonNull(quizzes, "quizzes");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Lists the quizzes of {@code lesson}; an attempt in progress is abandoned. */
    public void showLesson(LessonId lesson) {
        Objects.requireNonNull(lesson, "lesson");
        showList(() -> quizzes.forLesson(lesson), "This lesson has no quiz.");
    }

    /**
     * Lists the quizzes of {@code lesson} and then those of its whole course (a final exam), so that a
     * course-wide quiz is at hand from every lesson.
     */
    public void showLesson(CourseId course, LessonId lesson) {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(lesson, "lesson");
        showList(() -> Stream.concat(quizzes.forLesson(lesson).stream(), quizzes.courseWide(course).stream()).toList(),
                "This lesson and its course have no quiz.");
    }

    /** Lists one quiz, such as a course-wide quiz found by search (it belongs to no lesson). */
    public void showQuiz(QuizId quiz) {
        Objects.requireNonNull(quiz, "quiz");
        showList(() -> List.of(quizzes.quiz(quiz).quiz()), "");
    }

    /** Reads the list again, for attempts made or graded since. */
    public void reload() {
        showList(source, sourceEmptyMessage);
    }

    private void showList(Supplier<List<Quiz>> quizzesToShow, String whenEmpty) {
        source = quizzesToShow;
        sourceEmptyMessage = whenEmpty;
        long request = listRequests.incrementAndGet();
        leaveAttempt();
        phase.set(Phase.LIST);
        busy.set(true);
        executors.load(() -> quizzesToShow.get().stream().map(quiz -> QuizSummary.of(quizzes.quiz(quiz.id()))).toList(),
                list -> {
                    if (request == listRequests.get()) {
                        busy.set(false);
                        error.set("");
                        summaries.setAll(list);
                        emptyMessage.set(list.isEmpty() ? whenEmpty : "");
                    }
                }, failure -> {
                    if (request == listRequests.get()) {
                        fail("The quizzes could not be read: ", failure);
                    }
                });
    }

    /** Starts an attempt at {@code quiz}, read afresh so the attempt count is current. */
    public void start(QuizId quiz) {
        Objects.requireNonNull(quiz, "quiz");
        busy.set(true);
        executors.load(() -> quizzes.quiz(quiz), this::begin, failure -> fail("The quiz could not be opened: ", failure));
    }

    private void begin(QuizOverview overview) {
        busy.set(false);
        if (!overview.canAttempt()) {
            error.set(overview.quiz().active() ? "You have used every attempt at \"" + overview.quiz().title() + "\"."
                    : "\"" + overview.quiz().title() + "\" is closed and accepts no more attempts.");
            return;
        }
        error.set("");
        leaveAttempt();
        activeQuiz.set(overview.quiz());
        attemptInfo.set(attemptInfo(overview));
        startedAt = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        countUnanswered();
        phase.set(Phase.TAKING);
    }

    private static String attemptInfo(QuizOverview overview) {
        Quiz quiz = overview.quiz();
        int number = overview.attempts().size() + 1;
        String attempt = "Attempt " + number + (quiz.attemptsAllowed() == null ? "" : " of " + quiz.attemptsAllowed());
        String limit = quiz.timeLimitMinutes() == null ? "" : " · time limit " + quiz.timeLimitMinutes() + " min";
        return (quiz.mode() == QuizMode.PRACTICE ? "Practice" : "Graded") + " · " + attempt
                + " · " + quiz.questions().size() + " questions" + limit;
    }

    /** Records the learner's answer; {@code null}, no option or blank text counts as unanswered. */
    public void answer(QuestionId question, Answer answer) {
        Objects.requireNonNull(question, "question");
        if (answer == null || isBlank(answer)) {
            answers.remove(question);
        } else {
            answers.put(question, answer);
        }
        problems.remove(question);
        confirmation.set("");
        countUnanswered();
    }

    private static boolean isBlank(Answer answer) {
        return (answer.selected() != null && answer.selected().isEmpty()) || (answer.text() != null && answer.text().isBlank());
    }

    private void countUnanswered() {
        Quiz quiz = activeQuiz.get();
        unanswered.set(quiz == null ? 0
                : (int) quiz.questions().stream().map(QuizQuestion::id).filter(id -> !answers.containsKey(id)).count());
    }

    /** Submits the attempt; with questions unanswered it asks first ({@link #confirmationProperty()}). */
    public void submit() {
        if (phase.get() != Phase.TAKING || busy.get()) {
            return;
        }
        if (unanswered.get() > 0) {
            int total = activeQuiz.get().questions().size();
            confirmation.set(unanswered.get() + " of " + total + (total == 1 ? " question is" : " questions are")
                    + " unanswered. Submit anyway?");
            return;
        }
        send();
    }

    /** The learner confirmed submitting with questions unanswered. */
    public void confirmSubmit() {
        if (phase.get() == Phase.TAKING && !busy.get()) {
            send();
        }
    }

    /** The learner went back to answering. */
    public void cancelSubmit() {
        confirmation.set("");
    }

    private void send() {
        confirmation.set("");
        Quiz quiz = activeQuiz.get();
        Map<QuestionId, Answer> responses = Map.copyOf(answers);
        OffsetDateTime started = startedAt;
        busy.set(true);
        executors.load(() -> quizzes.submit(quiz.id(), responses, started), result -> showOutcome(quiz, result),
                this::refused);
    }

    private void showOutcome(Quiz quiz, QuizResult result) {
        busy.set(false);
        error.set("");
        outcome.set(QuizOutcome.of(quiz, result));
        phase.set(Phase.RESULT);
    }

    /** A refused submission keeps the learner on their answers, with the service's message and each question's problem. */
    private void refused(RuntimeException failure) {
        busy.set(false);
        problems.clear();
        if (failure instanceof InvalidInputException invalid) {
            Quiz quiz = activeQuiz.get();
            for (InvalidInputException.Problem problem : invalid.problems()) {
                quiz.questions().stream().filter(question -> problem.field().equals("responses." + question.id()))
                        .findFirst().ifPresent(question -> problems.put(question.id(), problem.message()));
            }
            error.set("Please check your answers: " + invalid.getMessage());
        } else if (failure instanceof AttemptLimitException limit) {
            error.set(limit.getMessage() + " Your answers were not submitted.");
        } else if (failure instanceof LearningException refusal) {
            error.set(refusal.getMessage());
        } else {
            error.set("Your answers could not be saved: " + messageOf(failure) + " They are still here; try again.");
        }
    }

    /** Back from the questions or the result to the list (an unsubmitted attempt is dropped). */
    public void backToList() {
        reload();
    }

    private void leaveAttempt() {
        answers.clear();
        problems.clear();
        confirmation.set("");
        outcome.set(null);
        activeQuiz.set(null);
        attemptInfo.set("");
        startedAt = null;
        countUnanswered();
    }

    private void fail(String what, RuntimeException failure) {
        busy.set(false);
        error.set(what + messageOf(failure));
    }

    private static String messageOf(RuntimeException failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    public ObservableList<QuizSummary> quizzes() {
        return summaries;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    /** Why the list is empty; empty while it shows quizzes. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage;
    }

    /** The quiz being answered; null outside an attempt. */
    public ReadOnlyObjectProperty<Quiz> activeQuizProperty() {
        return activeQuiz;
    }

    /** "Practice · Attempt 1 of 3 · 6 questions". */
    public ReadOnlyStringProperty attemptInfoProperty() {
        return attemptInfo;
    }

    /** The answers so far, by question (read only for views; change them with {@link #answer}). */
    public ObservableMap<QuestionId, Answer> answers() {
        return answersView;
    }

    public ReadOnlyIntegerProperty unansweredProperty() {
        return unanswered;
    }

    /** The question to confirm before submitting with questions unanswered; empty otherwise. */
    public ReadOnlyStringProperty confirmationProperty() {
        return confirmation;
    }

    /** What is wrong with each answer the service refused. */
    public ObservableMap<QuestionId, String> problems() {
        return problemsView;
    }

    /** The submitted attempt; null outside the result page. */
    public ReadOnlyObjectProperty<QuizOutcome> outcomeProperty() {
        return outcome;
    }

    /** Empty unless the last action failed or was refused. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
