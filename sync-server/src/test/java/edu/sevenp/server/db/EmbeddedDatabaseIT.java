package edu.sevenp.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.server.DataFolderLock;
import edu.sevenp.server.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no database configured the server runs on an embedded PostgreSQL whose data survives a restart. */
class EmbeddedDatabaseIT {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsItsDataAcrossRestarts() throws Exception {
        ServerConfig config = new ServerConfig(0, Optional.empty(), dataDirectory);

        try (DataFolderLock lock = DataFolderLock.acquire(dataDirectory);
                ServerDatabase first = ServerDatabase.open(config, lock)) {
            assertThat(first.mode()).isEqualTo("embedded");
            assertThat(first.probe().serverVersion()).startsWith("PostgreSQL 15.");
            assertThat(first.appliedMigrationsAtStart()).isPositive();
            executeAsSuperuser(first, "INSERT INTO users (id, email, name) "
                    + "VALUES ('00000000-0000-0000-0000-0000000000aa', 'keeper@example.org', 'Keeper')");
            executeAsSuperuser(first, "INSERT INTO courses (title, slug, instructor_id) "
                    + "VALUES ('Persistent', 'persistent', '00000000-0000-0000-0000-0000000000aa')");
        }

        try (DataFolderLock lock = DataFolderLock.acquire(dataDirectory);
                ServerDatabase second = ServerDatabase.open(config, lock)) {
            assertThat(second.appliedMigrationsAtStart()).isZero();
            assertThat(countAsSuperuser(second, "SELECT count(*) FROM courses WHERE slug = 'persistent'")).isEqualTo(1);
        }
        assertThat(dataDirectory.resolve("pg").resolve("PG_VERSION")).content().startsWith("15");
    }

    private static void executeAsSuperuser(ServerDatabase database, String sql) throws Exception {
        try (Connection connection = database.embeddedSuperuser().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long countAsSuperuser(ServerDatabase database, String sql) throws Exception {
        try (Connection connection = database.embeddedSuperuser().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
