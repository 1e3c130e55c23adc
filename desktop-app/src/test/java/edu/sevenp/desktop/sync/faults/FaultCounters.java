package edu.sevenp.desktop.sync.faults;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The proxy's counters, written by its threads and read by tests; logs each fault as it takes effect. */
final class FaultCounters {

    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);

    private final long seed;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong toServer = new AtomicLong();
    private final AtomicLong toClient = new AtomicLong();
    /** Filled once here and never changed in shape, so threads may read it without a lock. */
    private final Map<FaultKind, AtomicLong> faults = new EnumMap<>(FaultKind.class);

    FaultCounters(long seed) {
        this.seed = seed;
        for (FaultKind kind : FaultKind.values()) {
            faults.put(kind, new AtomicLong());
        }
    }

    /** Counts an accepted connection and returns its number, from 1. */
    long accepted() {
        return connections.incrementAndGet();
    }

    void forwarded(Fault.Direction direction, int bytes) {
        (direction == Fault.Direction.TO_SERVER ? toServer : toClient).addAndGet(bytes);
    }

    void tookEffect(Fault fault) {
        faults.get(fault.kind()).incrementAndGet();
        LOG.info("fault injected: seed={} {}", seed, fault.describe());
    }

    FaultStats snapshot() {
        Map<FaultKind, Long> counts = new EnumMap<>(FaultKind.class);
        faults.forEach((kind, count) -> {
            if (count.get() > 0) {
                counts.put(kind, count.get());
            }
        });
        return new FaultStats(connections.get(), counts, toServer.get(), toClient.get());
    }
}
