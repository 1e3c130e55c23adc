package edu.sevenp.migrations.schema.rls;

import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A connection logged in as the request role, used the way the server uses it: one transaction per
 * request, the authenticated user set transaction-locally ({@code app.user_id}), and here always
 * rolled back, so that no test sees another's writes.
 */
final class RequestSession implements AutoCloseable {

    /** Work done inside one request's transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;

    private RequestSession(Connection connection) {
        this.connection = connection;
    }

    static RequestSession open(TestDatabase database) throws SQLException {
        Connection connection = database.request().getConnection();
        connection.setAutoCommit(false);
        return new RequestSession(connection);
    }

    /** Runs {@code work} as {@code user} (null: anonymous) in a transaction that is then rolled back. */
    <T> T as(UUID user, Work<T> work) throws SQLException {
        try {
            if (user != null) {
                try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.user_id', ?, true)")) {
                    set.setString(1, user.toString());
                    set.execute();
                }
            }
            return work.run(connection);
        } finally {
            connection.rollback();
        }
    }

    /** A write's outcome as {@code user}: rows changed, none matched, or which check refused it. */
    Outcome write(UUID user, String sql, Object... parameters) throws SQLException {
        return as(user, connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return Outcome.ofCount(statement.executeUpdate());
            } catch (SQLException e) {
                return Outcome.of(e);
            }
        });
    }

    /** The first column of every row a query returns as {@code user}, as text. */
    List<String> column(UUID user, String sql, Object... parameters) throws SQLException {
        return as(user, connection -> firstColumn(connection, sql, parameters));
    }

    static List<String> firstColumn(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
