package edu.sevenp.model;

import java.util.Objects;

/** The body of a lesson in Markdown, as the course author wrote it. */
public record LessonContent(LessonId lessonId, String title, String markdown) {

    public LessonContent {
        Objects.requireNonNull(lessonId, "lessonId");
        Text.requireNonBlank(title, "title");
        Objects.requireNonNull(markdown, "markdown");
    }
}
