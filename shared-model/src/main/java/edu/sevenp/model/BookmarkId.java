package edu.sevenp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of a learner's bookmark: a UUID made where it is created, so it is stable across devices. */
public record BookmarkId(@JsonValue UUID value) {

    public BookmarkId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static BookmarkId of(UUID value) {
        return new BookmarkId(value);
    }

    /** Also what JSON map keys are read with. */
    public static BookmarkId valueOf(String text) {
        return new BookmarkId(UUID.fromString(text));
    }

    public static BookmarkId random() {
        return new BookmarkId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
