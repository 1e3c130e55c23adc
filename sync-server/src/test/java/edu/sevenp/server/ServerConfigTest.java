package edu.sevenp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.server.maintenance.MaintenanceSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void defaultsToPort8080AndTheEmbeddedDatabase() {
        ServerConfig config = ServerConfig.from(Map.of("SEVENP_SERVER_DATA_DIR", "/srv/sevenp"), List.of());

        assertThat(config).isEqualTo(new ServerConfig(8080, Optional.empty(), Path.of("/srv/sevenp"),
                MaintenanceSchedule.DEFAULT));
        assertThat(config.embeddedDatabaseDirectory()).isEqualTo(Path.of("/srv/sevenp/pg"));
    }

    @Test
    void commandLineOverridesTheEnvironment() {
        ServerConfig config = ServerConfig.from(Map.of("SEVENP_PORT", "9000", "SEVENP_SERVER_DATA_DIR", "/a"),
                List.of("--port", "9100", "--data-dir", "/b"));

        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/b"));
    }

    @Test
    void externalDatabaseNeedsAnOwner() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("SEVENP_DB_URL", "jdbc:postgresql://db/sevenp"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SEVENP_DB_URL is set, so SEVENP_DB_USER must name the schema owner");
    }

    @Test
    void externalDatabaseIsReadFromTheEnvironment() {
        ServerConfig config = ServerConfig.from(Map.of(
                "SEVENP_DB_URL", "jdbc:postgresql://db:5432/sevenp",
                "SEVENP_DB_USER", "owner",
                "SEVENP_DB_PASSWORD", "s3cret"), List.of());

        assertThat(config.database()).contains(new DatabaseConfig("jdbc:postgresql://db:5432/sevenp", "owner", "s3cret",
                "sevenp_app", ""));
    }

    @Test
    void passwordsNeverAppearInTheConfigurationText() {
        DatabaseConfig database = new DatabaseConfig("jdbc:postgresql://db/sevenp", "owner", "s3cret", "sevenp_app",
                "t0psecret");

        assertThat(database.toString()).doesNotContain("s3cret").doesNotContain("t0psecret").contains("owner");
    }

    @Test
    void requestsNeverRunAsTheOwner() {
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:postgresql://db/sevenp", "owner", "x", "owner", "x"))
                .hasMessageContaining("must not be the schema owner");
    }

    @Test
    void rejectsANonPostgresUrl() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("SEVENP_DB_URL", "jdbc:h2:mem:x", "SEVENP_DB_USER", "sa"), List.of()))
                .hasMessageContaining("must be a PostgreSQL JDBC URL");
    }

    @Test
    void explainsABadPort() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), List.of("--port", "eighty")))
                .hasMessage("--port must be a port number, was 'eighty'");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("SEVENP_PORT", "70000"), List.of()))
                .hasMessage("SEVENP_PORT must be between 0 and 65535, was 70000");
    }

    @Test
    void statisticsRefreshIntervalComesFromTheEnvironment() {
        ServerConfig config = ServerConfig.from(Map.of("SEVENP_STATS_REFRESH_MINUTES", "5"), List.of());

        assertThat(config.maintenance().statisticsRefresh()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> ServerConfig.from(Map.of("SEVENP_STATS_REFRESH_MINUTES", "0"), List.of()))
                .hasMessage("SEVENP_STATS_REFRESH_MINUTES must be 1 or more, was 0");
    }

    @Test
    void explainsAnUnknownOption() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), List.of("--verbose")))
                .hasMessage("unknown option '--verbose'; the server accepts --port N, --data-dir PATH and --config FILE"
                        + " (and --grant-role ROLE EMAIL, --prepare-database)");
    }

    @Test
    void credentialsInTheDatabaseUrlAreRefusedWithoutRepeatingThePassword() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("SEVENP_DB_URL", "jdbc:postgresql://db/sevenp?password=s3cret",
                "SEVENP_DB_USER", "owner"), List.of()))
                .hasMessage("SEVENP_DB_URL must not contain a user or password ('jdbc:postgresql://db/sevenp?password=***');"
                        + " set SEVENP_DB_USER, SEVENP_DB_PASSWORD, SEVENP_DB_REQUEST_USER and SEVENP_DB_REQUEST_PASSWORD");
    }

    @Test
    void theRequestRoleMustBeAPlainName() {
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:postgresql://db/sevenp", "owner", "x", "App; DROP", "x"))
                .hasMessage("SEVENP_DB_REQUEST_USER must be a plain lower-case name (letters, digits and _), was 'App; DROP'");
    }

    @Test
    void theUnreadableConfigurationFileIsNamed() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of(), List.of("--config", "/no/such/sevenp.properties")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read the configuration file /no/such/sevenp.properties (no such file or folder:"
                        + " /no/such/sevenp.properties)");
    }
    @Test
    void theReplicaLogsInAsTheRequestRoleUnlessToldOtherwise() {
        ServerConfig config = ServerConfig.from(Map.of(
                "SEVENP_DB_URL", "jdbc:postgresql://db:5432/sevenp",
                "SEVENP_DB_USER", "owner",
                "SEVENP_DB_REQUEST_PASSWORD", "app-secret",
                "SEVENP_DB_REPLICA_URL", "jdbc:postgresql://standby:5432/sevenp"), List.of());

        assertThat(config.database().flatMap(DatabaseConfig::replica))
                .contains(new ReplicaConfig("jdbc:postgresql://standby:5432/sevenp", "sevenp_app", "app-secret"));
    }

    @Test
    void theReplicasOwnRoleAndPasswordWin() {
        ServerConfig config = ServerConfig.from(Map.of(
                "SEVENP_DB_URL", "jdbc:postgresql://db:5432/sevenp",
                "SEVENP_DB_USER", "owner",
                "SEVENP_DB_REPLICA_URL", "jdbc:postgresql://standby:5432/sevenp",
                "SEVENP_DB_REPLICA_USER", "sevenp_reader",
                "SEVENP_DB_REPLICA_PASSWORD", "reader-secret"), List.of());

        assertThat(config.database().flatMap(DatabaseConfig::replica))
                .contains(new ReplicaConfig("jdbc:postgresql://standby:5432/sevenp", "sevenp_reader", "reader-secret"));
        assertThat(config.database().orElseThrow().toString()).doesNotContain("reader-secret");
    }

    @Test
    void aReplicaNeedsAnExternalPrimary() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("SEVENP_DB_REPLICA_URL", "jdbc:postgresql://standby/sevenp"),
                List.of()))
                .hasMessageStartingWith("SEVENP_DB_REPLICA_URL needs SEVENP_DB_URL");
    }

    @Test
    void credentialsInTheReplicaUrlAreRefusedWithoutRepeatingThePassword() {
        assertThatThrownBy(() -> new ReplicaConfig("jdbc:postgresql://standby/sevenp?password=s3cret", "sevenp_app", ""))
                .hasMessageContaining("SEVENP_DB_REPLICA_URL must not contain a user or password")
                .hasMessageNotContaining("s3cret");
    }
}
