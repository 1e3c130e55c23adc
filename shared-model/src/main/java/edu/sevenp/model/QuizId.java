package edu.sevenp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of a quiz: a UUID made where it is created, so it is stable across devices. */
public record QuizId(@JsonValue UUID value) {

    public QuizId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static QuizId of(UUID value) {
        return new QuizId(value);
    }

    /** Also what JSON map keys are read with. */
    public static QuizId valueOf(String text) {
        return new QuizId(UUID.fromString(text));
    }

    public static QuizId random() {
        return new QuizId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
