package edu.sevenp.migrations.schema.encryption;

import static edu.sevenp.migrations.schema.Sql.execute;
import static edu.sevenp.migrations.schema.Sql.one;

import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Calls the encryption functions the way the server does: in one transaction that first sets
 * {@code app.user_id} to the acting user (transaction-local), then commits.
 *
 * <p>The calling role is the request role, as in production, as soon as the request role may update
 * users (the row-level security migration, V11, grants that). On a branch without V11 the request
 * role has no table privileges at all, and the owner stands in; the calls are otherwise identical.
 */
final class ActingUser {

    private final TestDatabase database;
    private final UUID user;

    ActingUser(TestDatabase database, UUID user) {
        this.database = database;
        this.user = user;
    }

    void run(String sql, Object... parameters) throws SQLException {
        try (Connection connection = begin()) {
            execute(connection, sql, parameters);
            connection.commit();
        }
    }

    <T> T read(String sql, Class<T> type, Object... parameters) throws SQLException {
        try (Connection connection = begin()) {
            T value = one(connection, sql, type, parameters);
            connection.commit();
            return value;
        }
    }

    private Connection begin() throws SQLException {
        Connection connection = role().getConnection();
        try {
            connection.setAutoCommit(false);
            execute(connection, "SELECT set_config('app.user_id', ?, true)", user.toString());
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private DataSource role() throws SQLException {
        boolean requestRoleMayUpdateUsers = one(database.superuser(),
                "SELECT has_column_privilege('sevenp_app', 'public.users', 'phone_encrypted', 'UPDATE')", Boolean.class);
        return requestRoleMayUpdateUsers ? database.request() : database.owner();
    }
}
