package edu.sevenp.server.db;

import edu.sevenp.model.UserId;
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

    private final DSLContext dsl;

    RequestTransactions(DataSource requestPool) {
        this.dsl = DSL.using(Objects.requireNonNull(requestPool, "requestPool"), SQLDialect.POSTGRES,
                new Settings().withExecuteLogging(false));
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
            try {
                return dsl.transactionResult(configuration -> work.run(configuration.dsl()));
            } catch (DataAccessException e) {
                if (attempt < ATTEMPTS && DatabaseErrors.isRetryable(e)) {
                    continue;
                }
                throw DatabaseErrors.problem(e);
            }
        }
    }
}
