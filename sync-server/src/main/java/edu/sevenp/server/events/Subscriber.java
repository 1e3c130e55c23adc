package edu.sevenp.server.events;

import java.util.List;

/** One open push channel, as the hub writes to it (implemented over server-sent events in server.http). */
public interface Subscriber {

    /** Tells the client these streams have something to pull. */
    void changed(List<String> streams);

    /** A keep-alive the client ignores; proxies see traffic. */
    void heartbeat();

    /** The device may no longer sync: tell it, then end the stream. */
    void signedOut(String reason);

    boolean isOpen();
}
