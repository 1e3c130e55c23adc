package edu.sevenp.model.protocol;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.UUID;

/** {@code GET /courses/{id}}: a course, its outline, its size, and what the user may do with it. */
public record CourseDetail(Description course, List<OutlineSection> outline, int lessonCount, int quizCount,
        long downloadBytes, Access access) {

    public CourseDetail {
        outline = List.copyOf(outline);
    }

    /** The catalog item's fields (unwrapped: one JSON object) with the longer texts. */
    public record Description(@JsonUnwrapped CatalogItem summary, String description, List<String> learningObjectives,
            List<String> requirements, List<String> targetAudience) {
        public Description {
            learningObjectives = List.copyOf(learningObjectives);
            requirements = List.copyOf(requirements);
            targetAudience = List.copyOf(targetAudience);
        }
    }

    public record OutlineSection(UUID id, String title, int order, List<OutlineLesson> lessons) {
        public OutlineSection {
            lessons = List.copyOf(lessons);
        }
    }

    public record OutlineLesson(UUID id, String title, int order, String contentType, Integer videoDuration,
            Integer readingTime, boolean isPreview) {
    }

    /**
     * @param entitled whether the user may use the course's content (it is in their pull)
     * @param enrollment the user's enrollment status, or null
     * @param canEnroll whether {@code POST /courses/{id}/enrollment} would succeed
     * @param reason why {@code canEnroll} is false: {@code sign_in_required}, {@code payment_required} or
     *        {@code not_published}; null when it is true
     */
    public record Access(boolean entitled, String enrollment, boolean canEnroll, String reason) {
    }
}
