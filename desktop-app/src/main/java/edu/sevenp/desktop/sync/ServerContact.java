package edu.sevenp.desktop.sync;

import edu.sevenp.model.protocol.ServerInfo;
import java.time.Duration;
import java.util.Objects;

/**
 * What one {@code GET /api/info} taught: the server's description and how far this device's clock is from
 * the server's ({@code device − server}, measured at the midpoint of the request, docs/sync-protocol.md,
 * section 15).
 */
public record ServerContact(ServerInfo info, Duration clockOffset, Duration roundTrip) {

    public ServerContact {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(clockOffset, "clockOffset");
        Objects.requireNonNull(roundTrip, "roundTrip");
    }
}
