package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.LessonProgressRepository;
import edu.sevenp.desktop.store.ProgressEntry;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.LessonProgress;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.Optional;

/**
 * The learner's progress in lessons, as the player reports it while the learner studies. Each report
 * carries the time spent since the previous one (a delta); the course's progress and completion are
 * rolled up in the same transaction, by the server's rule. A completed lesson stays completed.
 */
public final class ProgressService {

    /** The most time one report may add: a day. A player reports far more often; more is a clock or a bug. */
    public static final int MAX_SECONDS_PER_REPORT = 86_400;

    private final LessonProgressRepository progress;
    private final Supplier<UserId> learner;
    private final Clock clock;

    public ProgressService(LessonProgressRepository progress, UserId learner, Clock clock) {
        this(progress, Learners.fixed(learner), clock);
    }

    /** For a learner read at each call: the profile's, which signing in changes. */
    public ProgressService(LessonProgressRepository progress, Supplier<UserId> learner, Clock clock) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.learner = Objects.requireNonNull(learner, "learner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records where the learner is in the lesson.
     *
     * @param positionSeconds where to resume, in seconds
     * @param percentage how far through the lesson, 0-100 (kept at its furthest; rounded to two places)
     * @param secondsSpent time spent in the lesson since the previous report
     */
    public ProgressWrite recordVisit(LessonId lesson, int positionSeconds, BigDecimal percentage, int secondsSpent) {
        Objects.requireNonNull(lesson, "lesson");
        new Checks()
                .require(positionSeconds >= 0, "positionSeconds", LearningException.WORDS.text("position.negative"))
                .percentage(percentage, "percentage")
                .seconds(secondsSpent, "secondsSpent", MAX_SECONDS_PER_REPORT)
                .orRefuse();
        return write(lesson, ProgressEntry.visit(Times.now(clock), positionSeconds, percentage, secondsSpent));
    }

    /**
     * Records time spent in the lesson without a position (a text lesson, or the window's periodic report):
     * the lesson becomes in progress and the stored resume position and percentage stay as they are.
     *
     * @param secondsSpent time spent in the lesson since the previous report (0 for just opening it)
     */
    public ProgressWrite recordTimeSpent(LessonId lesson, int secondsSpent) {
        Objects.requireNonNull(lesson, "lesson");
        new Checks().seconds(secondsSpent, "secondsSpent", MAX_SECONDS_PER_REPORT).orRefuse();
        return write(lesson, ProgressEntry.timeSpent(Times.now(clock), secondsSpent));
    }

    /**
     * Marks the lesson completed (once: completing it again adds only the time spent).
     *
     * @return with {@link ProgressWrite#completedCourse()} true when this completed the course
     */
    public ProgressWrite markComplete(LessonId lesson, int secondsSpent) {
        Objects.requireNonNull(lesson, "lesson");
        new Checks().seconds(secondsSpent, "secondsSpent", MAX_SECONDS_PER_REPORT).orRefuse();
        return write(lesson, ProgressEntry.completion(Times.now(clock), secondsSpent));
    }

    /** The learner's progress in the lesson; empty when never opened. */
    public Optional<LessonProgress> progress(LessonId lesson) {
        return progress.find(learner.get(), Objects.requireNonNull(lesson, "lesson"));
    }

    private ProgressWrite write(LessonId lesson, ProgressEntry entry) {
        return progress.record(learner.get(), lesson, entry)
                .map(written -> new ProgressWrite(written.progress(), written.enrollment(), written.completedCourse()))
                .orElseThrow(() -> new NotFoundException(LearningException.WORDS.text("progress.lessonGone")));
    }
}
