package edu.sevenp.model;

import java.util.Objects;

/**
 * A lesson's place in the outline. Its body is loaded separately ({@link LessonContent}) because an
 * outline of a long course would otherwise carry every lesson text.
 *
 * @param orderIndex position within the section, starting at 1
 * @param readingTimeMinutes estimated reading time, or null when unknown
 */
public record Lesson(
        LessonId id,
        CourseId courseId,
        SectionId sectionId,
        String slug,
        String title,
        ContentType contentType,
        int orderIndex,
        Integer readingTimeMinutes,
        boolean preview) {

    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(contentType, "contentType");
        Text.requireNonBlank(slug, "slug");
        Text.requireNonBlank(title, "title");
        if (orderIndex < 1) {
            throw new IllegalArgumentException("orderIndex must be 1 or more, was " + orderIndex);
        }
        if (readingTimeMinutes != null && readingTimeMinutes < 0) {
            throw new IllegalArgumentException("readingTimeMinutes must not be negative, was " + readingTimeMinutes);
        }
    }
}
