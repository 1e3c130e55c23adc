package edu.sevenp.migrations.schema.encryption;

import static edu.sevenp.migrations.schema.Sql.execute;
import static edu.sevenp.migrations.schema.Sql.one;

import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Calls the encryption functions the way the server does: in one transaction that first sets
 * {@code app.user_id} to the acting user (transaction-local), then commits.
 *
 * <p>The calling role is the request role, as in production. (It used to fall back to the owner when
 * the request role could not update {@code users.phone_encrypted}, for branches without V11; since V17
 * the request role never may, the setters write that column as their owner, so the fallback would now
 * silently test the owner instead.)
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
        Connection connection = database.request().getConnection();
        try {
            connection.setAutoCommit(false);
            execute(connection, "SELECT set_config('app.user_id', ?, true)", user.toString());
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
