package edu.sevenp.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.server.db.LoginFailures.Login;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/** The refusals a password-authenticating production cluster gives, which the embedded test cluster (trust) cannot. */
class LoginFailuresTest {

    private static final String CREATE_OWNER = "CREATE ROLE sevenp_owner LOGIN PASSWORD '…' NOSUPERUSER NOCREATEDB"
            + " NOCREATEROLE NOBYPASSRLS;";
    private static final Login OWNER = new Login("sevenp_owner", "SEVENP_DB_USER", "SEVENP_DB_PASSWORD", "db.example.edu:5432",
            "sevenp", CREATE_OWNER, false);
    private static final Login REQUEST = new Login("sevenp_app", "SEVENP_DB_REQUEST_USER", "SEVENP_DB_REQUEST_PASSWORD",
            "db.example.edu:5432", "sevenp", "CREATE ROLE sevenp_app …", true);

    @Test
    void aRefusedPasswordMayAlsoMeanAMissingRole() {
        assertThat(describe(refusal("28P01", "password authentication failed for user \"sevenp_owner\""), OWNER))
                .isEqualTo("PostgreSQL at db.example.edu:5432 refused the password of the schema owner 'sevenp_owner'"
                        + " (SEVENP_DB_USER): either SEVENP_DB_PASSWORD is wrong or the role does not exist; to create it,"
                        + " as a superuser: " + CREATE_OWNER);
    }

    @Test
    void aRefusedPasswordOfARoleKnownToExistIsJustThePassword() {
        assertThat(describe(refusal("28P01", "password authentication failed for user \"sevenp_app\""), REQUEST))
                .isEqualTo("PostgreSQL at db.example.edu:5432 refused the password of the request role 'sevenp_app'"
                        + " (SEVENP_DB_REQUEST_USER): set SEVENP_DB_REQUEST_PASSWORD to its password, or give it a new one"
                        + " as a superuser: ALTER ROLE sevenp_app PASSWORD '…';");
    }

    @Test
    void aHostNotInPgHbaIsNamed() {
        assertThat(describe(refusal("28000", "no pg_hba.conf entry for host \"10.0.0.7\", user \"sevenp_owner\","
                + " database \"sevenp\", no encryption"), OWNER))
                .isEqualTo("PostgreSQL at db.example.edu:5432 does not let the schema owner 'sevenp_owner' (SEVENP_DB_USER)"
                        + " connect to database 'sevenp' from this host; add a line for it to pg_hba.conf and reload PostgreSQL");
    }

    @Test
    void aMissingPasswordSaysWhichSetting() {
        PSQLException noPassword = new PSQLException("The server requested SCRAM-based authentication, but the password is"
                + " an empty string.", PSQLState.CONNECTION_REJECTED);

        assertThat(describe(noPassword, OWNER)).isEqualTo("PostgreSQL at db.example.edu:5432 asks for the password of the"
                + " schema owner 'sevenp_owner' (SEVENP_DB_USER); set SEVENP_DB_PASSWORD");
    }

    @Test
    void anUnknownHostIsNamed() {
        PSQLException unknown = new PSQLException("The connection attempt failed.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new UnknownHostException("db.example.edu"));

        assertThat(describe(unknown, OWNER)).isEqualTo("cannot reach PostgreSQL: the host of SEVENP_DB_URL"
                + " (db.example.edu:5432) is unknown; check SEVENP_DB_URL");
    }

    private static String describe(PSQLException e, Login login) {
        return LoginFailures.describe(e, login, "sevenp_owner", 5).getMessage();
    }

    private static PSQLException refusal(String sqlState, String message) {
        return new PSQLException(new ServerErrorMessage("SFATAL\0VFATAL\0C" + sqlState + "\0M" + message + "\0"));
    }
}
