package edu.sevenp.model;

import java.util.Objects;

/** A chapter of a course; sections are ordered by {@code orderIndex} within their course, starting at 1. */
public record Section(SectionId id, CourseId courseId, String title, String description, int orderIndex) {

    public Section {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(courseId, "courseId");
        Text.requireNonBlank(title, "title");
        if (orderIndex < 1) {
            throw new IllegalArgumentException("orderIndex must be 1 or more, was " + orderIndex);
        }
    }
}
