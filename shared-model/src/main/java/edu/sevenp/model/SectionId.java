package edu.sevenp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of a section: a UUID made where the section is created, so it is stable across devices. */
public record SectionId(@JsonValue UUID value) {

    public SectionId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static SectionId of(UUID value) {
        return new SectionId(value);
    }

    public static SectionId parse(String text) {
        return new SectionId(UUID.fromString(text));
    }

    public static SectionId random() {
        return new SectionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
