package edu.sevenp.server.health;

import edu.sevenp.model.protocol.ProtocolVersion;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers whether the server can serve requests: it can when the database answers through the request role. The
 * database's own report comes along, but does not decide: requests run without the owner's connection.
 */
public final class HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);

    private final DatabaseProbe probe;
    private final DatabaseReport databaseReport;
    private final String schemaVersion;
    private final String databaseMode;
    private final Supplier<Optional<ReadCounts>> reads;

    public HealthCheck(DatabaseProbe probe, DatabaseReport databaseReport, String schemaVersion, String databaseMode) {
        this(probe, databaseReport, schemaVersion, databaseMode, Optional::empty);
    }

    /** @param reads where replica-eligible reads were served; empty without a read replica */
    public HealthCheck(DatabaseProbe probe, DatabaseReport databaseReport, String schemaVersion, String databaseMode,
            Supplier<Optional<ReadCounts>> reads) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.databaseReport = Objects.requireNonNull(databaseReport, "databaseReport");
        this.schemaVersion = Objects.requireNonNull(schemaVersion, "schemaVersion");
        this.databaseMode = Objects.requireNonNull(databaseMode, "databaseMode");
        this.reads = Objects.requireNonNull(reads, "reads");
    }

    public HealthReport check() {
        String version;
        try {
            version = probe.serverVersion();
        } catch (RuntimeException e) {
            LOG.warn("health status=unavailable reason=\"{}\"", e.getMessage());
            LOG.debug("health check failed", e);
            // No database report either: asking a database that is down would only add another timeout.
            return new HealthReport("unavailable", ProtocolVersion.CURRENT, null, schemaVersion, databaseMode, null,
                    reads.get().orElse(null));
        }
        return new HealthReport("ok", ProtocolVersion.CURRENT, version, schemaVersion, databaseMode,
                databaseReport.current().orElse(null), reads.get().orElse(null));
    }
}
