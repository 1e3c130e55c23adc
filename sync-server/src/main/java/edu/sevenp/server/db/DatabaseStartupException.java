package edu.sevenp.server.db;

/**
 * The server cannot start on its database: PostgreSQL does not answer, a role or the database is missing or
 * wrongly made, the schema cannot be migrated, or the embedded cluster does not start. The message is one line
 * that says what is wrong and what to do; the cause keeps the details for the debug log.
 */
public final class DatabaseStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DatabaseStartupException(String message, Throwable cause) {
        super(message, cause);
    }

    DatabaseStartupException(String message) {
        super(message);
    }
}
