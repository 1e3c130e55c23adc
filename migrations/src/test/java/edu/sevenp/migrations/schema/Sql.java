package edu.sevenp.migrations.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC for schema tests: one statement per call, values always bound as parameters, one
 * connection per call (so each call is its own transaction and session).
 */
public final class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    public static <T> List<T> list(DataSource dataSource, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return list(connection, sql, mapper, parameters);
        }
    }

    public static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    /** The first column of the only row. */
    public static <T> T one(DataSource dataSource, String sql, Class<T> type, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return one(connection, sql, type, parameters);
        }
    }

    public static <T> T one(Connection connection, String sql, Class<T> type, Object... parameters) throws SQLException {
        List<T> rows = list(connection, sql, row -> row.getObject(1, type), parameters);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size() + ": " + sql);
        }
        return rows.get(0);
    }

    /** The first column of every row, as strings. */
    public static List<String> strings(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        return list(dataSource, sql, row -> row.getString(1), parameters);
    }

    public static int update(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return update(connection, sql, parameters);
        }
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** Runs a statement whose result, if any, does not matter (a function returning void, say). */
    public static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        }
    }

    public static void execute(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql, parameters);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
