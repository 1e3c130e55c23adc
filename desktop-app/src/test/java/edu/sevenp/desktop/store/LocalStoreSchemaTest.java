package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.migrations.MigrationException;
import edu.sevenp.migrations.Migrations;
import edu.sevenp.migrations.Target;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a profile's file whatever its schema history: a current store opens without Flyway, every
 * other history is migrated or refused by Flyway as before.
 */
class LocalStoreSchemaTest {

    private static final String NEWEST = "13";

    @TempDir
    Path profile;

    @Test
    void aNewStoreIsMigratedToTheNewestSchema() {
        try (LocalStore store = LocalStore.openFile(profile, "ana")) {
            assertThat(store.schemaVersion()).isEqualTo(NEWEST);
        }
    }

    @Test
    void aCurrentStoreOpensAgainAtTheNewestSchema() {
        LocalStore.openFile(profile, "ana").close();

        try (LocalStore store = LocalStore.openFile(profile, "ana")) {
            assertThat(store.schemaVersion()).isEqualTo(NEWEST);
        }
    }

    @Test
    void aStoreBehindTheScriptsIsMigrated() throws Exception {
        Flyway.configure().dataSource(file()).locations("classpath:" + Target.H2.location()).target("4").load().migrate();

        try (LocalStore store = LocalStore.openFile(profile, "ana")) {
            assertThat(store.schemaVersion()).isEqualTo(NEWEST);
        }
        assertThat(appliedVersions()).as("V1 to V4, V6 to V9, then V11 to V13").isEqualTo(11);
    }

    @Test
    void aStoreAheadOfTheScriptsIsLeftToFlyway() throws Exception {
        LocalStore.openFile(profile, "ana").close();
        execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) VALUES (99, '99', 'from a newer player', 'SQL', "
                + "'V99__from_a_newer_player.sql', 1, 'sa', 1, TRUE)");
        String flywaySays = new Migrations(file(), Target.H2).migrate().schemaVersion();

        try (LocalStore store = LocalStore.openFile(profile, "ana")) {
            assertThat(store.schemaVersion()).isEqualTo(flywaySays).isEqualTo("99");
        }
    }

    @Test
    void aStoreWithAFailedScriptIsRefused() throws Exception {
        LocalStore.openFile(profile, "ana").close();
        execute("UPDATE flyway_schema_history SET success = FALSE WHERE version = '" + NEWEST + "'");

        assertThatThrownBy(() -> LocalStore.openFile(profile, "ana")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("failed migration");
    }

    @Test
    void aStoreWithAnEditedScriptIsRefused() throws Exception {
        LocalStore.openFile(profile, "ana").close();
        execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

        assertThatThrownBy(() -> LocalStore.openFile(profile, "ana")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("checksum");
    }

    private JdbcDataSource file() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + profile.toAbsolutePath().resolve("store")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        h2.setUser("sa");
        return h2;
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = file().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private int appliedVersions() throws Exception {
        try (Connection connection = file().getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
