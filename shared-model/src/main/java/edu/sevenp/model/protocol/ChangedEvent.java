package edu.sevenp.model.protocol;

import java.util.List;

/** The push channel's {@code changed} event: these streams have something to pull. */
public record ChangedEvent(List<String> streams) {

    public static final String NAME = "changed";

    public ChangedEvent {
        streams = List.copyOf(streams);
    }
}
