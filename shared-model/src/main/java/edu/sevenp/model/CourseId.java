package edu.sevenp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of a course: a UUID made where the course is created, so it is stable across devices. */
public record CourseId(@JsonValue UUID value) {

    public CourseId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static CourseId of(UUID value) {
        return new CourseId(value);
    }

    public static CourseId parse(String text) {
        return new CourseId(UUID.fromString(text));
    }

    public static CourseId random() {
        return new CourseId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
