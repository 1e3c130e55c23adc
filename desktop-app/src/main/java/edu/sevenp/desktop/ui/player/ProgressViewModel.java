package edu.sevenp.desktop.ui.player;

import edu.sevenp.desktop.learning.CourseProgressOutline;
import edu.sevenp.desktop.learning.CourseService;
import edu.sevenp.desktop.learning.ProgressService;
import edu.sevenp.desktop.learning.ProgressWrite;
import edu.sevenp.desktop.ui.common.Feedback;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.PlainFailure;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.learning.ProgressStatus;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The learner's progress in the open course: records a visit when a lesson is shown, the time spent on
 * it as deltas (on leaving it, on every {@link #reportStudyTime()} tick and on {@link #close()}), marks
 * lessons complete, and keeps each lesson's status and the course's progress for the outline and header. No time
 * counts while the window is minimised or the learner has given no input for {@link #IDLE_AFTER}.
 */
public final class ProgressViewModel {

    /** No input for this long pauses the study time until the next input. */
    public static final Duration IDLE_AFTER = Presence.IDLE_AFTER;

    private final CourseService courses;
    private final ProgressService progress;
    private final UiExecutors executors;
    private final Messages messages = Messages.of(ProgressViewModel.class);
    private final Feedback feedback;
    private final StudyTimer timer;
    private final Presence presence;

    private LessonRef shown;
    /** Whether the lesson shown completes by watching its video, not with Mark complete. */
    private boolean completesByWatching;
    private final ObjectProperty<CourseProgressOutline> outline = new SimpleObjectProperty<>(this, "outline");
    private final ObjectProperty<ProgressStatus> currentStatus = new SimpleObjectProperty<>(this, "currentStatus",
            ProgressStatus.NOT_STARTED);
    private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "");
    private final DoubleProperty progressFraction = new SimpleDoubleProperty(this, "progressFraction", 0);
    private final BooleanProperty canMarkComplete = new SimpleBooleanProperty(this, "canMarkComplete", false);
    private final BooleanProperty studyPaused = new SimpleBooleanProperty(this, "studyPaused", false);

    /** @param clock times the learner's study (a test clock in tests, so they need not sleep) */
    public ProgressViewModel(CourseService courses, ProgressService progress, Clock clock, UiExecutors executors,
            Feedback feedback) {
        this.courses = Objects.requireNonNull(courses, "courses");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.timer = new StudyTimer(clock);
        this.presence = new Presence(clock);
    }

    /**
     * The player shows {@code lesson} (already opened, so enrolled): reports the time spent on the lesson
     * shown before, records a visit to this one (it becomes in progress) and reloads the course's statuses.
     */
    public void lessonShown(LessonRef lesson) {
        Objects.requireNonNull(lesson, "lesson");
        Optional<TimeSpent> previous = timer.switchTo(lesson.lesson());
        shown = lesson;
        completesByWatching = false;
        canMarkComplete.set(false);
        executors.load(() -> {
            previous.ifPresent(this::record);
            progress.recordTimeSpent(lesson.lesson(), 0);
            return courses.outline(lesson.course());
        }, found -> showOutline(lesson.course(), found), feedback::failure);
    }

    /** Reports the time spent on the current lesson since the last report; the window calls it periodically. */
    public void reportStudyTime() {
        timer.lap().ifPresent(spent -> executors.load(() -> record(spent), written -> {
        }, feedback::failure));
    }

    /** Marks the current lesson completed, with the time spent on it since the last report. */
    public void markComplete() {
        LessonRef lesson = shown;
        if (lesson == null || !canMarkComplete.get()) {
            return;
        }
        int seconds = timer.lap().map(TimeSpent::seconds).orElse(0);
        canMarkComplete.set(false);
        executors.load(() -> new Completed(progress.markComplete(lesson.lesson(), seconds), courses.outline(lesson.course())),
                completed -> {
                    showOutline(lesson.course(), completed.outline());
                    feedback.status(messages.get(completed.write().completedCourse() ? "complete.course"
                            : "complete.lesson"));
                }, failure -> {
                    canMarkComplete.set(currentStatus.get() != ProgressStatus.COMPLETED && !completesByWatching);
                    feedback.failure(failure);
                });
    }

    /**
     * The lesson shown completes by watching its video ({@code lesson} has a video that plays here): Mark complete
     * is off for it, so that skipping to the end and marking it is no way round watching.
     */
    public void completesByWatching(LessonRef lesson) {
        if (lesson.equals(shown)) {
            completesByWatching = true;
            canMarkComplete.set(false);
        }
    }

    /** The learner watched enough of {@code lesson}'s video: it is complete (the video saved it); shows it so. */
    public void watchedToCompletion(LessonRef lesson, boolean completedCourse) {
        Objects.requireNonNull(lesson, "lesson");
        executors.load(() -> courses.outline(lesson.course()), found -> {
            showOutline(lesson.course(), found);
            feedback.status(messages.get(completedCourse ? "status.videoCompletedCourse" : "status.videoCompleted"));
        }, feedback::failure);
    }

    /** The learner pressed a key or used the mouse: they are at the window, and their time counts again. */
    public void inputSeen() {
        presence.inputSeen();
        followPresence();
    }

    /** The window was minimised ({@code true}) or restored: no time counts while it is. */
    public void windowHidden(boolean hidden) {
        presence.hidden(hidden);
        followPresence();
    }

    /**
     * Stops counting time once the learner has given no input for {@link #IDLE_AFTER} (as of the last input
     * plus that limit); the window calls it before each periodic report.
     */
    public void checkIdle() {
        followPresence();
    }

    /** True while no study time counts (the window hidden, or the learner idle). */
    public ReadOnlyBooleanProperty studyPausedProperty() {
        return studyPaused;
    }

    private void followPresence() {
        presence.awaySince().ifPresentOrElse(timer::pause, timer::resume);
        studyPaused.set(timer.isPaused());
    }

    /** The window closes: reports the time not yet reported. */
    public void close() {
        timer.stop().ifPresent(spent -> executors.load(() -> record(spent), written -> {
        }, feedback::failure));
    }

    private ProgressWrite record(TimeSpent spent) {
        // The player knows no position in a text lesson: it must not overwrite one stored by another device.
        return progress.recordTimeSpent(spent.lesson(), spent.seconds());
    }

    private void showOutline(CourseId course, Optional<CourseProgressOutline> found) {
        if (shown == null || !shown.course().equals(course)) {
            return;
        }
        if (found.isEmpty()) {
            feedback.failure(new PlainFailure(messages.get("courseGone")));
            return;
        }
        CourseProgressOutline current = found.get();
        outline.set(current);
        ProgressStatus status = current.status(shown.lesson());
        currentStatus.set(status);
        canMarkComplete.set(status != ProgressStatus.COMPLETED && !completesByWatching);
        progressText.set(progressText(current, messages));
        progressFraction.set(current.progress().doubleValue() / 100.0);
    }

    /** "3 of 10 lessons complete · 30%": the percentage is the roll-up's, as the server keeps it. */
    static String progressText(CourseProgressOutline outline, Messages messages) {
        int lessons = outline.outline().lessonsInOrder().size();
        double fraction = outline.progress().setScale(0, RoundingMode.DOWN).doubleValue() / 100.0;
        return messages.format("progress.text", outline.completedLessons(), lessons, fraction);
    }

    /** Each lesson's status in the open course; null until the first lesson is shown. */
    public ReadOnlyObjectProperty<CourseProgressOutline> outlineProperty() {
        return outline;
    }

    public ReadOnlyObjectProperty<ProgressStatus> currentStatusProperty() {
        return currentStatus;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }

    /** The course's progress, 0 to 1, for a progress bar. */
    public ReadOnlyDoubleProperty progressFractionProperty() {
        return progressFraction;
    }

    /** False while the current lesson is completed (or a write is on its way). */
    public ReadOnlyBooleanProperty canMarkCompleteProperty() {
        return canMarkComplete;
    }

    private record Completed(ProgressWrite write, Optional<CourseProgressOutline> outline) {
    }
}
