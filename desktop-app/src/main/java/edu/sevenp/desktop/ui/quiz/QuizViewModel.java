package edu.sevenp.desktop.ui.quiz;

import edu.sevenp.desktop.learning.AttemptLimitException;
import edu.sevenp.desktop.learning.InvalidInputException;
import edu.sevenp.desktop.learning.LearningException;
import edu.sevenp.desktop.learning.QuizOverview;
import edu.sevenp.desktop.learning.QuizResult;
import edu.sevenp.desktop.learning.QuizService;
import edu.sevenp.desktop.ui.common.FailureTold;
import edu.sevenp.desktop.ui.common.LeaveGuard;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemText;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.Quiz;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.quiz.QuizQuestion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.binding.BooleanBinding;
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
 * The quizzes of the lesson shown (the side panel's list) and one attempt at a time (the main pane's quiz
 * page): the questions while the learner answers, against the clock when the quiz has a time limit, then the
 * result. The answers live here until a submission is stored, so a refused submission loses nothing; leaving
 * a graded attempt unsubmitted is asked first ({@link #mayLeave}). Reads and the submission run on the
 * background executor.
 */
public final class QuizViewModel implements LeaveGuard {

    /** What the main pane shows of quizzes. */
    public enum Phase {
        /** No attempt: the main pane shows the lesson, the side panel lists its quizzes. */
        LIST,
        /** The questions of an attempt, in the main pane. */
        TAKING,
        /** The submitted attempt's result, in the main pane. */
        RESULT
    }

    /** From this much time left on, the countdown warns. */
    static final Duration RUNNING_OUT = Duration.ofMinutes(1);
    /** Between the parts of {@link #attemptInfoProperty()}: a mark, not a word. */
    private static final String INFO_SEPARATOR = " · ";

    private final QuizService quizzes;
    private final UiExecutors executors;
    private final Clock clock;
    private final QuizTexts texts = QuizTexts.current();
    private final Messages messages = texts.messages();
    /** Lets a slow list load that was overtaken by a newer lesson drop its result. */
    private final AtomicLong listRequests = new AtomicLong();

    private final ObservableList<QuizSummary> summaries = FXCollections.observableArrayList();
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.LIST);
    private final StringProperty emptyMessage = new SimpleStringProperty(this, "emptyMessage", "");
    private final BooleanProperty listLoading = new SimpleBooleanProperty(this, "listLoading", false);
    private final StringProperty listError = new SimpleStringProperty(this, "listError", "");
    /** Failures told on the list and the page (not the refusals: attempts used up, answers to check). */
    private final FailureTold failures = new FailureTold();
    private final BooleanBinding listErrorIsFailure = failures.shownBy(listError);
    private final ObjectProperty<Quiz> activeQuiz = new SimpleObjectProperty<>(this, "activeQuiz");
    private final StringProperty attemptInfo = new SimpleStringProperty(this, "attemptInfo", "");
    private final ObservableMap<QuestionId, Answer> answers = FXCollections.observableMap(new LinkedHashMap<>());
    private final IntegerProperty unanswered = new SimpleIntegerProperty(this, "unanswered", 0);
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final StringProperty leaveQuestion = new SimpleStringProperty(this, "leaveQuestion", "");
    private final ObjectProperty<Duration> timeLeft = new SimpleObjectProperty<>(this, "timeLeft");
    private final StringProperty timeLeftText = new SimpleStringProperty(this, "timeLeftText", "");
    private final BooleanProperty timeRunningOut = new SimpleBooleanProperty(this, "timeRunningOut", false);
    private final ObservableMap<QuestionId, String> problems = FXCollections.observableHashMap();
    private final ObservableMap<QuestionId, Answer> answersView = FXCollections.unmodifiableObservableMap(answers);
    private final ObservableMap<QuestionId, String> problemsView = FXCollections.unmodifiableObservableMap(problems);
    private final ObjectProperty<QuizOutcome> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanBinding errorIsFailure = failures.shownBy(error);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    private Supplier<List<Quiz>> source = List::of;
    private String sourceEmptyMessage = "";
    /** The attempt's own id, drawn when it starts: its question order comes from it, and it is stored under it. */
    private QuizAttemptId attemptId;
    private OffsetDateTime startedAt;
    /** When the time limit runs out; null without one. */
    private Instant deadline;
    /** The submitted attempt, while its result shows. */
    private QuizAttempt submitted;
    /** Set once time ran out and the answers went, so that the next ticks do not send them again. */
    private boolean sentAtTimeUp;
    private Runnable pendingLeave;

    /** @param clock times the attempt's start and its countdown */
    public QuizViewModel(QuizService quizzes, UiExecutors executors, Clock clock) {
        this.quizzes = Objects.requireNonNull(quizzes, "quizzes");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Lists the quizzes of {@code lesson}; an attempt in progress ends (the player asked {@link #mayLeave} first). */
    public void showLesson(LessonId lesson) {
        Objects.requireNonNull(lesson, "lesson");
        endAttempt();
        showList(() -> quizzes.forLesson(lesson), messages.get("list.empty.lesson"));
    }

    /**
     * Lists the quizzes of {@code lesson} and then those of its whole course (a final exam), so that a
     * course-wide quiz is at hand from every lesson. An attempt in progress ends.
     */
    public void showLesson(CourseId course, LessonId lesson) {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(lesson, "lesson");
        endAttempt();
        showList(() -> Stream.concat(quizzes.forLesson(lesson).stream(), quizzes.courseWide(course).stream()).toList(),
                messages.get("list.empty.lessonAndCourse"));
    }

    /** Lists one quiz, such as a course-wide quiz found by search (it belongs to no lesson); an attempt goes on. */
    public void showQuiz(QuizId quiz) {
        Objects.requireNonNull(quiz, "quiz");
        showList(() -> List.of(quizzes.quiz(quiz).quiz()), "");
    }

    /** Reads the list again, for attempts made or graded since; an attempt in progress goes on. */
    public void reload() {
        showList(source, sourceEmptyMessage);
    }

    /**
     * A sync ended: attempts may have been graded by the server. The list is read again, and a result page
     * still awaiting its grade moves to the score once the server's grade is here.
     */
    public void gradesMayHaveChanged() {
        reload();
        QuizAttempt shown = submitted;
        Quiz quiz = activeQuiz.get();
        if (phase.get() != Phase.RESULT || shown == null || !shown.pending()) {
            return;
        }
        executors.load(() -> quizzes.attempts(quiz.id()).stream().filter(attempt -> attempt.id().equals(shown.id()))
                .findFirst(), found -> found.filter(attempt -> !attempt.pending()).ifPresent(graded -> {
                    if (phase.get() == Phase.RESULT && submitted == shown) {
                        submitted = graded;
                        outcome.set(QuizOutcome.of(quiz, new QuizResult(graded, Optional.empty(), Map.of()), texts));
                    }
                }), failure -> error.set(failures.mark(messages.format("error.grade", messageOf(failure)))));
    }

    private void showList(Supplier<List<Quiz>> quizzesToShow, String whenEmpty) {
        source = quizzesToShow;
        sourceEmptyMessage = whenEmpty;
        long request = listRequests.incrementAndGet();
        listLoading.set(true);
        executors.load(() -> quizzesToShow.get().stream().map(quiz -> QuizSummary.of(quizzes.quiz(quiz.id()))).toList(),
                list -> {
                    if (request == listRequests.get()) {
                        listLoading.set(false);
                        listError.set("");
                        summaries.setAll(list);
                        emptyMessage.set(list.isEmpty() ? whenEmpty : "");
                    }
                }, failure -> {
                    if (request == listRequests.get()) {
                        listLoading.set(false);
                        listError.set(failures.mark(messages.format("error.list", messageOf(failure))));
                    }
                });
    }

    /**
     * Starts an attempt at {@code quiz}, read afresh so the attempt count is current. Starting while a graded
     * attempt is in progress asks first, as leaving it does.
     */
    public void start(QuizId quiz) {
        Objects.requireNonNull(quiz, "quiz");
        if (busy.get() || !mayLeave(() -> start(quiz))) {
            return;
        }
        busy.set(true);
        executors.load(() -> quizzes.quiz(quiz), this::begin, failure -> {
            busy.set(false);
            listError.set(failures.mark(messages.format("error.open", messageOf(failure))));
        });
    }

    private void begin(QuizOverview overview) {
        busy.set(false);
        Quiz quiz = overview.quiz();
        if (!overview.canAttempt()) {
            listError.set(messages.format(quiz.active() ? "error.usedAll" : "error.closed", quiz.title()));
            return;
        }
        listError.set("");
        endAttempt();
        attemptId = QuizAttemptId.random();
        Quiz shown = quiz.randomizeQuestions() ? inOrder(quiz, shuffled(quiz.questions(), attemptId)) : quiz;
        activeQuiz.set(shown);
        attemptInfo.set(attemptInfo(overview));
        startedAt = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        deadline = quiz.timeLimitMinutes() == null ? null
                : startedAt.toInstant().plus(Duration.ofMinutes(quiz.timeLimitMinutes()));
        countUnanswered();
        phase.set(Phase.TAKING);
        tick();
    }

    /** The attempt's questions in an order drawn from its id: shuffled per attempt, the same all through it. */
    static List<QuizQuestion> shuffled(List<QuizQuestion> questions, QuizAttemptId attempt) {
        List<QuizQuestion> order = new ArrayList<>(questions);
        Collections.shuffle(order, new Random(attempt.value().getMostSignificantBits() ^ attempt.value().getLeastSignificantBits()));
        return order;
    }

    private static Quiz inOrder(Quiz quiz, List<QuizQuestion> questions) {
        return new Quiz(quiz.id(), quiz.courseId(), quiz.lessonId(), quiz.title(), quiz.description(), quiz.instructions(),
                quiz.mode(), quiz.timeLimitMinutes(), quiz.attemptsAllowed(), quiz.passingScore(), quiz.randomizeQuestions(),
                quiz.showCorrectAnswers(), quiz.required(), quiz.active(), questions);
    }

    private String attemptInfo(QuizOverview overview) {
        Quiz quiz = overview.quiz();
        int number = overview.attempts().size() + 1;
        List<String> parts = new ArrayList<>();
        parts.add(texts.mode(quiz.mode()));
        parts.add(quiz.attemptsAllowed() == null ? messages.format("info.attempt", number)
                : messages.format("info.attemptOf", number, quiz.attemptsAllowed()));
        parts.add(messages.format("info.questions", quiz.questions().size()));
        if (quiz.timeLimitMinutes() != null) {
            parts.add(messages.format("info.timeLimit", quiz.timeLimitMinutes()));
        }
        if (quiz.randomizeQuestions()) {
            parts.add(messages.get("info.random"));
        }
        return String.join(INFO_SEPARATOR, parts);
    }

    /**
     * The countdown moves on (the quiz page calls it a few times a second while an attempt runs): the time left
     * is read from the clock, and when it is up the answers are submitted as they are.
     */
    public void tick() {
        if (phase.get() != Phase.TAKING || deadline == null) {
            timeLeft.set(null);
            timeLeftText.set("");
            timeRunningOut.set(false);
            return;
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative()) {
            left = Duration.ZERO;
        }
        timeLeft.set(left);
        timeLeftText.set(messages.format("countdown", QuizTexts.clock(left)));
        timeRunningOut.set(left.compareTo(RUNNING_OUT) <= 0);
        if (left.isZero() && !sentAtTimeUp && !busy.get()) {
            sentAtTimeUp = true;
            cancelSubmit();
            stay();
            notice.set(messages.get("timeUp"));
            send();
        }
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
            confirmation.set(messages.format("confirm.unanswered", unanswered.get(), total));
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
        QuizAttemptId id = attemptId;
        busy.set(true);
        executors.load(() -> quizzes.submit(id, quiz.id(), responses, started), result -> showOutcome(quiz, result),
                this::refused);
    }

    private void showOutcome(Quiz quiz, QuizResult result) {
        busy.set(false);
        error.set("");
        submitted = result.attempt();
        outcome.set(QuizOutcome.of(quiz, result, texts));
        phase.set(Phase.RESULT);
        tick();
        reload();
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
            error.set(messages.format("error.check", invalid.getMessage()));
        } else if (failure instanceof AttemptLimitException limit) {
            error.set(messages.format("error.limit", limit.getMessage()));
        } else if (failure instanceof LearningException refusal) {
            error.set(refusal.getMessage());
        } else {
            error.set(failures.mark(messages.format("error.save", ProblemText.ofDefaultLocale().shownReason(failure))));
        }
    }

    /**
     * Whether the learner may leave now. A graded attempt in progress is not left without a question: the
     * question shows ({@link #leaveQuestionProperty()}), and {@code leave} runs once the learner confirms
     * ({@link #confirmLeave()}). A practice attempt, or none, lets the learner go at once.
     */
    @Override
    public boolean mayLeave(Runnable leave) {
        Objects.requireNonNull(leave, "leave");
        Quiz quiz = activeQuiz.get();
        if (phase.get() != Phase.TAKING || quiz == null || quiz.mode() != QuizMode.GRADED) {
            return true;
        }
        pendingLeave = leave;
        confirmation.set("");
        leaveQuestion.set(messages.format("leave.question", quiz.title()));
        return false;
    }

    /** The learner confirmed leaving the graded attempt: it ends unsubmitted, and what they asked for happens. */
    public void confirmLeave() {
        Runnable leave = pendingLeave;
        endAttempt();
        if (leave != null) {
            leave.run();
        }
    }

    /** The learner stays with the attempt. */
    public void stay() {
        pendingLeave = null;
        leaveQuestion.set("");
    }

    /**
     * Back to the lesson from the quiz page: from a result at once, from a graded attempt in progress after
     * the learner confirmed ({@link #mayLeave}).
     */
    public void backToLesson() {
        if (mayLeave(() -> {
        })) {
            endAttempt();
        }
    }

    private void endAttempt() {
        answers.clear();
        problems.clear();
        confirmation.set("");
        pendingLeave = null;
        leaveQuestion.set("");
        outcome.set(null);
        notice.set("");
        error.set("");
        submitted = null;
        attemptId = null;
        startedAt = null;
        deadline = null;
        sentAtTimeUp = false;
        phase.set(Phase.LIST);
        activeQuiz.set(null);
        attemptInfo.set("");
        countUnanswered();
        tick();
    }

    private static String messageOf(RuntimeException failure) {
        return ProblemText.ofDefaultLocale().shown(failure);
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

    /** True while the list is read. */
    public ReadOnlyBooleanProperty listLoadingProperty() {
        return listLoading;
    }

    /** Why the list could not be read or a quiz not started; empty otherwise. */
    public ReadOnlyStringProperty listErrorProperty() {
        return listError;
    }

    /** The quiz being answered, with its questions in the attempt's order; null outside an attempt. */
    public ReadOnlyObjectProperty<Quiz> activeQuizProperty() {
        return activeQuiz;
    }

    /** "Graded · Attempt 1 of 3 · 10 questions · time limit 30 min". */
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

    /** The question to confirm before leaving a graded attempt unsubmitted; empty otherwise. */
    public ReadOnlyStringProperty leaveQuestionProperty() {
        return leaveQuestion;
    }

    /** The time the attempt has left; null without a time limit or outside an attempt. */
    public ReadOnlyObjectProperty<Duration> timeLeftProperty() {
        return timeLeft;
    }

    /** "Time left: 29:41"; empty without a time limit. */
    public ReadOnlyStringProperty timeLeftTextProperty() {
        return timeLeftText;
    }

    /** True in the attempt's last minute. */
    public ReadOnlyBooleanProperty timeRunningOutProperty() {
        return timeRunningOut;
    }

    /** What is wrong with each answer the service refused. */
    public ObservableMap<QuestionId, String> problems() {
        return problemsView;
    }

    /** The submitted attempt; null outside the result page. */
    public ReadOnlyObjectProperty<QuizOutcome> outcomeProperty() {
        return outcome;
    }

    /** Why the attempt ended as it did when the learner did not submit it (time ran out); empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    /** Empty unless the last action on the attempt failed or was refused. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** True while {@link #errorProperty()} tells a failure (its details are in the log), not a refusal. */
    public BooleanBinding errorIsFailureProperty() {
        return errorIsFailure;
    }

    /** True while {@link #listErrorProperty()} tells a failure, not that a quiz is closed or used up. */
    public BooleanBinding listErrorIsFailureProperty() {
        return listErrorIsFailure;
    }

    /** True while an attempt is opened or submitted. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
