package edu.sevenp.migrations.schema;

import java.sql.SQLException;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Why PostgreSQL refused a statement: the SQLState and the constraint it names. Tests compare whole
 * rejections, so a statement refused by the wrong rule (or for a typo) does not pass for the right one.
 */
public record Rejection(String sqlState, String constraint) {

    public static final String CHECK_VIOLATION = "23514";
    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";

    public static Rejection check(String constraint) {
        return new Rejection(CHECK_VIOLATION, constraint);
    }

    public static Rejection unique(String constraint) {
        return new Rejection(UNIQUE_VIOLATION, constraint);
    }

    public static Rejection foreignKey(String constraint) {
        return new Rejection(FOREIGN_KEY_VIOLATION, constraint);
    }

    /** Runs the statement, fails unless PostgreSQL refuses it, and returns how it was refused. */
    public static Rejection of(ThrowingCallable statement) {
        Throwable thrown = Assertions.catchThrowable(statement);
        Assertions.assertThat(thrown).as("the statement should have been refused").isNotNull();
        return of(thrown);
    }

    /** The server's error message of a refused statement, for tests that check its wording. */
    public static String messageOf(ThrowingCallable statement) {
        return serverMessage(Assertions.catchThrowable(statement)).getMessage();
    }

    private static Rejection of(Throwable thrown) {
        ServerErrorMessage message = serverMessage(thrown);
        return new Rejection(message.getSQLState(), message.getConstraint());
    }

    private static ServerErrorMessage serverMessage(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage();
            }
            if (cause instanceof SQLException sql && sql.getNextException() instanceof PSQLException next
                    && next.getServerErrorMessage() != null) {
                return next.getServerErrorMessage();
            }
        }
        throw new AssertionError("not refused by the server: " + thrown, thrown);
    }
}
