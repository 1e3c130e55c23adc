package edu.sevenp.desktop.learning;

import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.ProgressStatus;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A course's outline with the learner's status in each lesson and the course's progress.
 *
 * @param statuses the lessons the learner opened; any other lesson is not started
 */
public record CourseProgressOutline(CourseOutline outline, Map<LessonId, ProgressStatus> statuses,
        Optional<Enrollment> enrollment) {

    public CourseProgressOutline {
        Objects.requireNonNull(outline, "outline");
        statuses = Map.copyOf(statuses);
        Objects.requireNonNull(enrollment, "enrollment");
    }

    public ProgressStatus status(LessonId lesson) {
        return statuses.getOrDefault(lesson, ProgressStatus.NOT_STARTED);
    }

    /**
     * The course's progress in percent, as the roll-up keeps it on the enrollment (the server's number); 0.00
     * when not enrolled, as on the server.
     */
    public BigDecimal progress() {
        return enrollment.map(Enrollment::progress).orElse(new BigDecimal("0.00"));
    }

    /** The lessons of the outline the learner completed. */
    public long completedLessons() {
        return outline.lessonsInOrder().stream().filter(lesson -> status(lesson.id()) == ProgressStatus.COMPLETED).count();
    }
}
