package edu.sevenp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of a learner's note: a UUID made where it is created, so it is stable across devices. */
public record NoteId(@JsonValue UUID value) {

    public NoteId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static NoteId of(UUID value) {
        return new NoteId(value);
    }

    /** Also what JSON map keys are read with. */
    public static NoteId valueOf(String text) {
        return new NoteId(UUID.fromString(text));
    }

    public static NoteId random() {
        return new NoteId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
