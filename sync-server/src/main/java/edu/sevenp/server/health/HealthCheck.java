package edu.sevenp.server.health;

import edu.sevenp.model.protocol.ProtocolVersion;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers whether the server can serve requests: it can when the database answers. */
public final class HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);

    private final DatabaseProbe probe;
    private final String schemaVersion;
    private final String databaseMode;

    public HealthCheck(DatabaseProbe probe, String schemaVersion, String databaseMode) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.schemaVersion = Objects.requireNonNull(schemaVersion, "schemaVersion");
        this.databaseMode = Objects.requireNonNull(databaseMode, "databaseMode");
    }

    public HealthReport check() {
        try {
            return new HealthReport("ok", ProtocolVersion.CURRENT, probe.serverVersion(), schemaVersion, databaseMode);
        } catch (RuntimeException e) {
            LOG.warn("Health check: the database did not answer", e);
            return new HealthReport("unavailable", ProtocolVersion.CURRENT, null, schemaVersion, databaseMode);
        }
    }
}
