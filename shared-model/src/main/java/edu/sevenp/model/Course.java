package edu.sevenp.model;

import java.util.Objects;

/** A course as the player shows it in its library. */
public record Course(
        CourseId id,
        String slug,
        String title,
        String shortDescription,
        String description,
        Difficulty difficulty,
        String language) {

    public Course {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(difficulty, "difficulty");
        Text.requireNonBlank(slug, "slug");
        Text.requireNonBlank(title, "title");
        Text.requireNonBlank(language, "language");
    }
}
