package edu.sevenp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of a lesson: a UUID made where the lesson is created, so it is stable across devices. */
public record LessonId(@JsonValue UUID value) {

    public LessonId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static LessonId of(UUID value) {
        return new LessonId(value);
    }

    public static LessonId parse(String text) {
        return new LessonId(UUID.fromString(text));
    }

    public static LessonId random() {
        return new LessonId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
