package edu.sevenp.server.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a failed login to an external PostgreSQL into one line for the operator: which setting is wrong, or
 * which SQL prepares what is missing (docs/operations.md, "External PostgreSQL").
 */
final class LoginFailures {

    /**
     * Who tried to log in where.
     *
     * @param role the role name; {@code roleSetting} and {@code passwordSetting} name the settings that hold it
     * @param server {@code host:port} of SEVENP_DB_URL
     * @param createRole the SQL that creates the role as the server needs it
     */
    record Login(String role, String roleSetting, String passwordSetting, String server, String database,
            String createRole, boolean knownToExist) {
    }

    private LoginFailures() {
    }

    static DatabaseStartupException describe(SQLException e, Login login, String owner, int timeoutSeconds) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String serverMessage = serverMessage(e).orElse("");
        String who = "the " + roleKind(login) + " '" + login.role() + "' (" + login.roleSetting() + ")";
        return new DatabaseStartupException(switch (state) {
            // With password authentication PostgreSQL answers "password authentication failed" for a role that
            // does not exist too, so that the answer does not reveal which roles exist.
            case "28P01" -> login.knownToExist()
                    ? "PostgreSQL at " + login.server() + " refused the password of " + who + ": set "
                            + login.passwordSetting() + " to its password, or give it a new one as a superuser: ALTER ROLE "
                            + SqlNames.of(login.role()) + " PASSWORD '…';"
                    : "PostgreSQL at " + login.server() + " refused the password of " + who + ": either "
                            + login.passwordSetting() + " is wrong or the role does not exist; to create it, as a"
                            + " superuser: " + login.createRole();
            case "28000" -> serverMessage.contains("not permitted to log in")
                    ? who + " may not log in; as a superuser: ALTER ROLE " + SqlNames.of(login.role()) + " LOGIN;"
                    : serverMessage.contains("does not exist")
                    ? who + " does not exist on PostgreSQL at " + login.server() + "; create it as a superuser: "
                            + login.createRole()
                    : serverMessage.contains("pg_hba.conf")
                            ? "PostgreSQL at " + login.server() + " does not let " + who + " connect to database '"
                                    + login.database() + "' from this host; add a line for it to pg_hba.conf and reload"
                                    + " PostgreSQL"
                            : "PostgreSQL at " + login.server() + " refused the login of " + who + ": " + serverMessage;
            case "08004" -> serverMessage.contains("password")
                    ? "PostgreSQL at " + login.server() + " asks for the password of " + who + "; set "
                            + login.passwordSetting()
                    : "PostgreSQL at " + login.server() + " refused the connection of " + who + ": "
                            + oneLine(serverMessage);
            case "3D000" -> "the database '" + login.database() + "' does not exist on PostgreSQL at " + login.server()
                    + "; create it as a superuser: CREATE DATABASE " + SqlNames.of(login.database()) + " OWNER "
                    + SqlNames.of(owner) + ";";
            case "53300" -> "PostgreSQL at " + login.server() + " has no connection left for " + who
                    + " (too many connections); raise max_connections or stop what holds them, and start again";
            case "57P03" -> "PostgreSQL at " + login.server() + " is starting up or shutting down; start again when it"
                    + " is up";
            default -> unreachable(e, login, timeoutSeconds)
                    .orElseGet(() -> "cannot log in to PostgreSQL at " + login.server() + " as " + who + ": "
                            + oneLine(e.getMessage()) + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"));
        }, e);
    }

    private static Optional<String> unreachable(SQLException e, Login login, int timeoutSeconds) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return Optional.of("cannot reach PostgreSQL: the host of SEVENP_DB_URL (" + login.server()
                        + ") is unknown; check SEVENP_DB_URL");
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return Optional.of("cannot reach PostgreSQL at " + login.server() + " (" + reason(cause)
                        + "); check that it is running and that SEVENP_DB_URL names its host and port");
            }
            if (cause instanceof SocketTimeoutException) {
                return Optional.of("PostgreSQL at " + login.server() + " did not answer within " + timeoutSeconds
                        + " s; check SEVENP_DB_URL and that no firewall is in the way");
            }
        }
        return Optional.empty();
    }

    private static String roleKind(Login login) {
        return login.roleSetting().equals("SEVENP_DB_USER") ? "schema owner" : "request role";
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("refused") ? "connection refused" : message.isBlank() ? "no route" : oneLine(message);
    }

    private static Optional<String> serverMessage(SQLException e) {
        return e instanceof PSQLException psql && psql.getServerErrorMessage() != null
                ? Optional.ofNullable(psql.getServerErrorMessage()).map(ServerErrorMessage::getMessage)
                : Optional.ofNullable(e.getMessage());
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
