package edu.sevenp.server.catalog;

import edu.sevenp.model.protocol.CourseDetail;
import java.util.List;
import java.util.Objects;

/**
 * A course as the caller sees it, and what the database says about the caller and the course; the service
 * decides from these what the caller is shown and may do.
 *
 * @param status the course's status: {@code published}, {@code draft} or {@code archived}
 * @param taught whether the caller teaches the course (instructor role and the course's instructor)
 * @param entitled whether the course is among the caller's entitled courses (auth.accessible_course_ids())
 * @param enrollment the caller's enrollment status, or null
 * @param enrollable whether auth.can_enroll() holds for the caller, the rule of the enrollment policy
 */
public record CourseFacts(CourseDetail.Description description, String status, boolean taught,
        List<CourseDetail.OutlineSection> outline, int lessonCount, int quizCount, long downloadBytes, boolean entitled,
        String enrollment, boolean enrollable) {

    public CourseFacts {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        outline = List.copyOf(outline);
    }

    public boolean published() {
        return "published".equals(status);
    }
}
