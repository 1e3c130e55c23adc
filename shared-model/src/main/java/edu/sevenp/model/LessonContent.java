package edu.sevenp.model;

import java.util.Objects;

/**
 * The body of a lesson as the course author wrote it.
 *
 * @param body the lesson's text in {@code format}: Markdown, or HTML that was already reduced to the
 *             safe element list when the course was imported
 */
public record LessonContent(LessonId lessonId, String title, String body, LessonFormat format) {

    public LessonContent {
        Objects.requireNonNull(lessonId, "lessonId");
        Text.requireNonBlank(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(format, "format");
    }
}
