package edu.sevenp.migrations.schema;

import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Pattern;

/** Runs SQL the way the server serves a request: as the request role, with the user set for the transaction. */
public final class RequestRole {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private RequestRole() {
    }

    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** {@code work} in one request-role transaction acting for {@code user}; {@code null} is an anonymous request. */
    public static <T> T asUser(TestDatabase database, UUID user, Work<T> work) throws SQLException {
        try (Connection connection = database.request().getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (user != null) {
                    try (PreparedStatement setUser = connection.prepareStatement("SELECT set_config('app.user_id', ?, true)")) {
                        setUser.setString(1, user.toString());
                        setUser.execute();
                    }
                }
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
