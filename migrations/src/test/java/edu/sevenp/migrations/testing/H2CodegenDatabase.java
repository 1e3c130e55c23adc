package edu.sevenp.migrations.testing;

import edu.sevenp.migrations.Migrations;
import edu.sevenp.migrations.Target;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;

/** An in-memory H2 database migrated with the local-store migrations, alive while its connection is open. */
final class H2CodegenDatabase implements AutoCloseable {

    private final Connection connection;

    private H2CodegenDatabase(Connection connection) {
        this.connection = connection;
    }

    static H2CodegenDatabase migrated() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:jooq-codegen;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        Connection connection = dataSource.getConnection();
        try {
            new Migrations(dataSource, Target.H2).migrate();
            return new H2CodegenDatabase(connection);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
