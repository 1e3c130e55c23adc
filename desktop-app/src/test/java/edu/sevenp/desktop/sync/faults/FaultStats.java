package edu.sevenp.desktop.sync.faults;

import java.util.Map;

/**
 * What a proxy has done so far.
 *
 * @param connections   connections accepted
 * @param faults        faults that took effect, by kind; a kind that never did is absent
 * @param bytesToServer bytes forwarded from clients to the server
 * @param bytesToClient bytes forwarded from the server to clients
 */
public record FaultStats(long connections, Map<FaultKind, Long> faults, long bytesToServer, long bytesToClient) {

    public FaultStats {
        faults = Map.copyOf(faults);
    }

    /** Faults that took effect, all kinds together. */
    public long faultCount() {
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }
}
