package edu.sevenp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of a quiz question: a UUID made where it is created, so it is stable across devices. */
public record QuestionId(@JsonValue UUID value) {

    public QuestionId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static QuestionId of(UUID value) {
        return new QuestionId(value);
    }

    /** Also what JSON map keys are read with. */
    public static QuestionId valueOf(String text) {
        return new QuestionId(UUID.fromString(text));
    }

    public static QuestionId random() {
        return new QuestionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
