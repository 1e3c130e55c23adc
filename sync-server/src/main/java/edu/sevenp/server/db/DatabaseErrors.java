package edu.sevenp.server.db;

import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.ProblemKind;
import java.sql.SQLException;
import java.util.Optional;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What a refusal of the database means for the request. The database's own words are kept (they name the
 * constraint or policy, never a secret: the schema's functions keep personal data and keys out of their
 * messages); the SQLSTATE decides the kind.
 */
final class DatabaseErrors {

    private DatabaseErrors() {
    }

    static boolean isRetryable(DataAccessException e) {
        String state = sqlState(e);
        return "40001".equals(state) || "40P01".equals(state);
    }

    static ApiProblem problem(DataAccessException e) {
        if (e.getCause() instanceof ApiProblem problem) {
            return problem;
        }
        String state = sqlState(e);
        String message = message(e);
        String constraint = serverMessage(e).map(ServerErrorMessage::getConstraint).orElse(null);
        if (state == null || state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
            return ApiProblem.unavailable("The database is not answering; try again shortly.", e);
        }
        return switch (state) {
            case "42501" -> ApiProblem.refused(ProblemKind.FORBIDDEN, "forbidden", message, constraint, e);
            case "23505" -> ApiProblem.refused(ProblemKind.CONFLICT, "conflict", message, constraint, e);
            case "23503" -> ApiProblem.refused(ProblemKind.UNPROCESSABLE, "not_found", message, constraint, e);
            case "02000", "P0002" -> ApiProblem.refused(ProblemKind.NOT_FOUND, "not_found", message, constraint, e);
            default -> state.startsWith("23") || state.startsWith("22") || state.startsWith("P0") || "42P10".equals(state)
                    ? ApiProblem.refused(ProblemKind.UNPROCESSABLE, "constraint_violation", message, constraint, e)
                    : rethrow(e);
        };
    }

    private static ApiProblem rethrow(DataAccessException e) {
        throw e;
    }

    private static String sqlState(DataAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static Optional<ServerErrorMessage> serverMessage(DataAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return Optional.of(psql.getServerErrorMessage());
            }
        }
        return Optional.empty();
    }

    private static String message(DataAccessException e) {
        return serverMessage(e).map(ServerErrorMessage::getMessage).filter(m -> !m.isBlank())
                .orElse("The database refused the request.");
    }
}
