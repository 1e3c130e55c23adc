package edu.sevenp.server.db;

import edu.sevenp.model.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.exception.DataAccessException;

/**
 * The one door to the request role (the server twin of the desktop's WriteTransactions): runs work in one
 * transaction on the request pool, whose logins are neither superuser, owner nor BYPASSRLS, with the acting
 * user set transaction-locally for auth.uid(), so that row-level security, constraints and triggers apply to
 * everything a request does. Database errors leave as {@code ApiProblem}s (DatabaseErrors); a transaction
 * that lost a serialization race or a deadlock is run again.
 *
 * <p>No other class opens a transaction on the request pool (ServerArchitectureTest).
 */
final class RequestTransactions {

    /** The statements of one transaction, given its context. */
    @FunctionalInterface
    interface Work<T> {
        T run(DSLContext tx);
    }

    private static final int ATTEMPTS = 3;

    private static final Settings SETTINGS = new Settings().withExecuteLogging(false);

    private final DataSource pool;

    RequestTransactions(DataSource requestPool) {
        this.pool = Objects.requireNonNull(requestPool, "requestPool");
    }

    /** Runs {@code work} as {@code user}. */
    <T> T as(UserId user, Work<T> work) {
        Objects.requireNonNull(user, "user");
        return run(tx -> {
            tx.fetch("select set_config('app.user_id', ?, true)", user.value().toString());
            return work.run(tx);
        });
    }

    /** Runs {@code work} without a user: auth.uid() is NULL (sign-in, the public catalog). */
    <T> T anonymous(Work<T> work) {
        return run(work);
    }

    private <T> T run(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            Connection connection = connection();
            try {
                return DSL.using(connection, SQLDialect.POSTGRES, SETTINGS)
                        .transactionResult(configuration -> work.run(configuration.dsl()));
            } catch (DataAccessException e) {
                if (attempt < ATTEMPTS && DatabaseErrors.isRetryable(e)) {
                    continue;
                }
                throw DatabaseErrors.problem(e);
            } finally {
                release(connection);
            }
        }
    }

    /**
     * The connection is taken here rather than by jOOQ: when the pool has none to give (the database is down),
     * jOOQ's own transaction asks the pool twice more for the rollback of the transaction it never began, and
     * every request would wait three pool timeouts instead of one before its 503.
     */
    private Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw DatabaseErrors.problem(new DataAccessException("no connection from the request pool", e));
        }
    }

    private static void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Returning a connection to the pool fails only for a broken one, which the pool drops anyway.
        }
    }
}
