package edu.sevenp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrepareDatabaseCommandTest {

    @Test
    void takesTheOptionAndLeavesTheServersOwn() {
        List<String> arguments = new ArrayList<>(List.of("--config", "/etc/sevenp-server/sevenp-server.properties",
                "--prepare-database"));

        assertThat(PrepareDatabaseCommand.take(arguments)).isTrue();
        assertThat(arguments).containsExactly("--config", "/etc/sevenp-server/sevenp-server.properties");
        assertThat(PrepareDatabaseCommand.take(arguments)).isFalse();
    }

    @Test
    void withoutAnExternalDatabaseThereIsNothingToPrepare() {
        ServerConfig embedded = ServerConfig.from(Map.of("SEVENP_SERVER_DATA_DIR", "/srv/sevenp"), List.of());

        assertThatThrownBy(() -> PrepareDatabaseCommand.run(embedded, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--prepare-database prepares an external PostgreSQL: set SEVENP_DB_URL, SEVENP_DB_USER,"
                        + " SEVENP_DB_PASSWORD, SEVENP_DB_REQUEST_USER and SEVENP_DB_REQUEST_PASSWORD to the database and"
                        + " roles to create (the embedded database prepares itself)");
    }

    @Test
    void theAdministratorComesFromLibpqsVariablesWithPsqlsDefaults() {
        assertThat(DatabaseAdmin.from(Map.of()))
                .isEqualTo(new DatabaseAdmin("postgres", "", "postgres", Optional.empty(), Optional.empty()));
        assertThat(DatabaseAdmin.from(Map.of("PGUSER", "dba", "PGPASSWORD", "s3cret", "PGDATABASE", "template1",
                "PGHOST", "db-primary.example.edu", "PGPORT", "6432")))
                .isEqualTo(new DatabaseAdmin("dba", "s3cret", "template1", Optional.of("db-primary.example.edu"),
                        Optional.of(6432)));
    }

    @Test
    void aSocketDirectoryOrABadPortIsExplained() {
        assertThatThrownBy(() -> DatabaseAdmin.from(Map.of("PGHOST", "/var/run/postgresql")))
                .hasMessage("PGHOST names a socket directory (/var/run/postgresql); --prepare-database connects over TCP:"
                        + " set PGHOST to a host name, such as localhost");
        assertThatThrownBy(() -> DatabaseAdmin.from(Map.of("PGPORT", "five")))
                .hasMessage("PGPORT must be a port number, was 'five'");
    }

    @Test
    void theAdministratorsPasswordIsNeverPrinted() {
        assertThat(DatabaseAdmin.from(Map.of("PGPASSWORD", "s3cret")).toString()).doesNotContain("s3cret").contains("(set)");
    }
}
