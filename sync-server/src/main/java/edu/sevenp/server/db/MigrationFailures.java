package edu.sevenp.server.db;

import edu.sevenp.migrations.MigrationException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;

/**
 * A failed migration in one line: Flyway's first line (which script, or which validation) and PostgreSQL's own
 * words for the statement that failed. Flyway runs each PostgreSQL migration in a transaction, so the failed one
 * left nothing behind.
 */
final class MigrationFailures {

    private MigrationFailures() {
    }

    static String describe(MigrationException e, String database, String owner) {
        // MigrationException says "Migrating the POSTGRESQL schema failed: " before Flyway's own words.
        String flyway = firstLine(e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage() : e.getMessage());
        if (flyway.contains("but no schema history table")) {
            return "the database '" + database + "' already holds tables the server's migrations did not make (and no"
                    + " flyway_schema_history); give the server an empty database of its own, as a superuser:"
                    + " CREATE DATABASE <name> OWNER " + SqlNames.of(owner) + "; and name it in SEVENP_DB_URL";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String refusal = cause instanceof PSQLException psql && psql.getServerErrorMessage() != null
                        ? psql.getServerErrorMessage().getMessage() : firstLine(sql.getMessage());
                return "the database schema could not be migrated: " + flyway + ": " + refusal
                        + (sql.getSQLState() == null ? "" : " (SQLSTATE " + sql.getSQLState() + ")")
                        + "; the failed migration was rolled back";
            }
        }
        return "the database schema could not be migrated: " + LoginFailures.oneLine(flyway);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return (end < 0 ? stripped : stripped.substring(0, end)).strip();
    }
}
