package edu.sevenp.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.CurrentSchema.AppliedScript;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CurrentSchemaTest {

    private JdbcDataSource h2;
    private Connection keepAlive;

    @BeforeEach
    void openEmptyDatabase() throws Exception {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        keepAlive = h2.getConnection();
    }

    @AfterEach
    void closeDatabase() throws Exception {
        keepAlive.close();
    }

    @Test
    void knowsTheHistoryFlywayWritesForEveryH2Script() throws Exception {
        new Migrations(h2, Target.H2).migrate();

        List<AppliedScript> written = new ArrayList<>();
        try (Statement statement = keepAlive.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT version, description, type, checksum FROM flyway_schema_history WHERE version IS NOT NULL "
                        + "ORDER BY installed_rank")) {
            while (rows.next()) {
                written.add(new AppliedScript(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4)));
            }
        }

        assertThat(CurrentSchema.H2_SCRIPTS).as("CurrentSchema.H2_SCRIPTS against db/migration/h2").isEqualTo(written);
    }

    @Test
    void aMigratedStoreIsCurrentWithTheOutcomeFlywayGives() {
        new Migrations(h2, Target.H2).migrate();

        Optional<MigrationOutcome> current = CurrentSchema.ofH2(h2);

        assertThat(current).contains(new Migrations(h2, Target.H2).migrate());
    }

    @Test
    void aNewDatabaseIsNotCurrent() {
        assertThat(CurrentSchema.ofH2(h2)).isEmpty();
    }

    @Test
    void aHistoryBehindTheScriptsIsNotCurrent() {
        Flyway.configure().dataSource(h2).locations("classpath:" + Target.H2.location()).target("4").load().migrate();

        assertThat(CurrentSchema.ofH2(h2)).isEmpty();
    }

    @Test
    void aHistoryAheadOfTheScriptsIsNotCurrent() throws Exception {
        new Migrations(h2, Target.H2).migrate();

        execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) VALUES (99, '99', 'from a newer player', 'SQL', "
                + "'V99__from_a_newer_player.sql', 1, 'sa', 1, TRUE)");

        assertThat(CurrentSchema.ofH2(h2)).isEmpty();
    }

    @Test
    void aFailedScriptIsNotCurrent() throws Exception {
        new Migrations(h2, Target.H2).migrate();

        execute("UPDATE flyway_schema_history SET success = FALSE WHERE version = '"
                + CurrentSchema.H2_SCRIPTS.get(CurrentSchema.H2_SCRIPTS.size() - 1).version() + "'");

        assertThat(CurrentSchema.ofH2(h2)).isEmpty();
    }

    @Test
    void anEditedScriptIsNotCurrent() throws Exception {
        new Migrations(h2, Target.H2).migrate();

        execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

        assertThat(CurrentSchema.ofH2(h2)).isEmpty();
    }

    @Test
    void aRepeatableScriptIsNotCurrent() throws Exception {
        new Migrations(h2, Target.H2).migrate();

        execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) VALUES (99, NULL, 'views', 'SQL', 'R__views.sql', 1, 'sa', 1, TRUE)");

        assertThat(CurrentSchema.ofH2(h2)).isEmpty();
    }

    private void execute(String sql) throws Exception {
        try (Statement statement = keepAlive.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
