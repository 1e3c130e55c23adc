package edu.sevenp.server.sync;

import edu.sevenp.model.learning.ProgressStatus;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import edu.sevenp.model.protocol.rows.LessonProgressRow;
import edu.sevenp.model.sync.LessonProgressChange;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.Inputs;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Lesson progress (docs/sync-protocol.md, section 8.4): found by (user, lesson) and merged monotonically:
 * completed stays completed, the percentage takes the furthest, the position the latest, and time spent adds
 * the change's delta, which the sequence check lets through exactly once.
 */
final class ProgressMerge {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ProgressRows progress;
    private final EnrollmentRows enrollments;

    ProgressMerge(ProgressRows progress, EnrollmentRows enrollments) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.enrollments = Objects.requireNonNull(enrollments, "enrollments");
    }

    Applied upsert(LessonProgressChange change, ChangeContext context) {
        Inputs.range(change.timeSpentDelta(), "payload.timeSpentDelta", 0, 86_400);
        Inputs.range(change.lastPosition(), "payload.lastPosition", 0, 10_000_000);
        if (change.progressPercentage().signum() < 0 || change.progressPercentage().compareTo(HUNDRED) > 0) {
            throw ApiProblem.validation("payload.progressPercentage", "payload.progressPercentage must be between 0 and 100");
        }
        ProgressRows.State incoming = incoming(change, context.time());
        Optional<LessonProgressRow> stored = progress.lock(change.lessonId().value());
        if (stored.isEmpty()) {
            Optional<LessonProgressRow> inserted = progress.insert(change.id(), change.lessonId().value(),
                    change.courseId().value(), incoming);
            if (inserted.isPresent()) {
                return withRollUp("inserted", inserted.get(), change);
            }
            // Another push made the row meanwhile: merge into it.
            stored = progress.lock(change.lessonId().value());
        }
        LessonProgressRow row = stored.orElseThrow(() -> new IllegalStateException("lesson progress vanished under its lock"));
        return withRollUp("merged", progress.update(row.id(), merge(row, incoming, change.timeSpentDelta())), change);
    }

    /**
     * The progress row and the enrollment the roll-up trigger wrote from it: a device rolls its copy up by its own
     * clock, and only the server's row, sent back even when the trigger changed nothing, makes the two agree.
     */
    private Applied withRollUp(String outcome, LessonProgressRow row, LessonProgressChange change) {
        Optional<EnrollmentRow> enrollment = enrollments.find(change.courseId().value());
        return enrollment.isPresent() ? Applied.of(outcome, row, enrollment.get()) : Applied.of(outcome, row);
    }

    /** The change's state in server time, with only its own delta as time spent. */
    static ProgressRows.State incoming(LessonProgressChange change, ServerTime time) {
        boolean completed = change.status() == ProgressStatus.COMPLETED;
        return new ProgressRows.State(change.status().code(), completed ? HUNDRED : change.progressPercentage(),
                change.lastPosition(), change.timeSpentDelta(), time.of(change.startedAt()),
                completed ? time.of(change.completedAt()) : null, time.of(change.lastAccessedAt()));
    }

    /** The merge of a stored row and a change (both in server time). */
    static ProgressRows.State merge(LessonProgressRow stored, ProgressRows.State incoming, int timeSpentDelta) {
        String status = rank(stored.status()) >= rank(incoming.status()) ? stored.status() : incoming.status();
        BigDecimal percentage = stored.progressPercentage().max(incoming.progressPercentage());
        boolean newer = !incoming.lastAccessedAt().isBefore(stored.lastAccessedAt());
        return new ProgressRows.State(
                status,
                "completed".equals(status) ? HUNDRED : percentage,
                newer ? incoming.lastPosition() : stored.lastPosition(),
                stored.totalTimeSpent() + timeSpentDelta,
                earlier(stored.startedAt(), incoming.startedAt()),
                stored.completedAt() != null ? stored.completedAt() : incoming.completedAt(),
                newer ? incoming.lastAccessedAt() : stored.lastAccessedAt());
    }

    private static int rank(String status) {
        return switch (status) {
            case "completed" -> 2;
            case "in_progress" -> 1;
            default -> 0;
        };
    }

    private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isBefore(a) ? a : b;
    }
}
