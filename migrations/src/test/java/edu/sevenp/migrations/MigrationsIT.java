package edu.sevenp.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.SharedPostgres;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

@PostgresTest
class MigrationsIT {

    @Test
    void migratesAnEmptyPostgresDatabaseAndValidates(SharedPostgres postgres) throws Exception {
        try (TestDatabase empty = postgres.newEmptyDatabase()) {
            Migrations migrations = new Migrations(empty.owner(), Target.POSTGRESQL);

            MigrationOutcome first = migrations.migrate();
            MigrationOutcome second = migrations.migrate();
            migrations.validate();

            assertThat(first.appliedNow()).isPositive();
            assertThat(second.appliedNow()).isZero();
            assertThat(second.schemaVersion()).isEqualTo(first.schemaVersion());
            assertThat(tableNames(empty.owner().getConnection())).contains("courses", "course_sections", "course_lessons");
        }
    }

    @Test
    void migratesAnEmptyH2DatabaseAndValidates() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        try (Connection keepAlive = h2.getConnection()) {
            Migrations migrations = new Migrations(h2, Target.H2);

            MigrationOutcome first = migrations.migrate();
            migrations.validate();

            assertThat(first.appliedNow()).isPositive();
            assertThat(migrations.migrate().appliedNow()).isZero();
            assertThat(tableNames(h2.getConnection())).contains("courses", "course_sections", "course_lessons");
        }
    }

    @Test
    void validateReportsAnEditedMigration(TestDatabase database) throws Exception {
        try (Connection connection = database.owner().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        }

        assertThatThrownBy(() -> new Migrations(database.owner(), Target.POSTGRESQL).validate())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void rejectsARequestRoleThatIsNotAPlainIdentifier(TestDatabase database) {
        assertThatThrownBy(() -> new Migrations(database.owner(), Target.POSTGRESQL, "app; DROP TABLE courses"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a plain identifier");
    }

    private static java.util.List<String> tableNames(Connection connection) throws Exception {
        try (connection; ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            return names;
        }
    }
}
