package edu.sevenp.model.protocol;

import java.time.OffsetDateTime;

/** The push channel's first event: the stream is open; pull once now. */
public record HelloEvent(OffsetDateTime serverTime) {

    public static final String NAME = "hello";
}
