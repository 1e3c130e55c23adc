package edu.sevenp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of one installation of the player, made at its first run, not at install time (principle 1). */
public record DeviceId(@JsonValue UUID value) {

    public DeviceId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static DeviceId of(UUID value) {
        return new DeviceId(value);
    }

    public static DeviceId random() {
        return new DeviceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
