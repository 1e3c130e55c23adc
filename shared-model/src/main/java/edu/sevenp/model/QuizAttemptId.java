package edu.sevenp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of one attempt at a quiz: a UUID made where it is created, so it is stable across devices. */
public record QuizAttemptId(@JsonValue UUID value) {

    public QuizAttemptId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static QuizAttemptId of(UUID value) {
        return new QuizAttemptId(value);
    }

    /** Also what JSON map keys are read with. */
    public static QuizAttemptId valueOf(String text) {
        return new QuizAttemptId(UUID.fromString(text));
    }

    public static QuizAttemptId random() {
        return new QuizAttemptId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
