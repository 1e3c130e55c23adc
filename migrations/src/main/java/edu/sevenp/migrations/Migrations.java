package edu.sevenp.migrations;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Migrates a DataSource to the newest schema of a {@link Target}. The server calls it at start-up for
 * PostgreSQL, the desktop app for its local H2 file, tests for both.
 *
 * <p>PostgreSQL scripts grant privileges to the request role, the role the server serves requests
 * through; its name is the Flyway placeholder {@code request_role}.
 */
public final class Migrations {

    /** The request role's name unless the deployment names another. */
    public static final String DEFAULT_REQUEST_ROLE = "sevenp_app";

    private final Flyway flyway;
    private final Target target;

    public Migrations(DataSource dataSource, Target target) {
        this(dataSource, target, DEFAULT_REQUEST_ROLE);
    }

    public Migrations(DataSource dataSource, Target target, String requestRole) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.target = Objects.requireNonNull(target, "target");
        // The role name is substituted into GRANT statements, so only plain identifiers are accepted.
        RoleNames.requirePlain(requestRole);
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + target.location())
                .placeholders(Map.of("request_role", requestRole))
                .validateMigrationNaming(true)
                .failOnMissingLocations(true)
                .cleanDisabled(true)
                .load();
    }

    /** Applies every pending migration; fails without applying anything of a script that fails. */
    public MigrationOutcome migrate() {
        try {
            MigrateResult result = flyway.migrate();
            return new MigrationOutcome(target, schemaVersion().orElse("0"), result.migrationsExecuted);
        } catch (FlywayException e) {
            throw new MigrationException("Migrating the " + target + " schema failed: " + e.getMessage(), e);
        }
    }

    /** Checks that the applied migrations match the scripts on the classpath, names and checksums alike. */
    public void validate() {
        ValidateResult result = flyway.validateWithResult();
        if (!result.validationSuccessful) {
            String problems = result.invalidMigrations.stream()
                    .map(invalid -> invalid.version + " " + invalid.description + ": " + invalid.errorDetails.errorMessage)
                    .collect(Collectors.joining("; "));
            throw new MigrationException("The " + target + " schema does not match its migrations: " + problems);
        }
    }

    /** The version of the newest applied migration, empty for a database that was never migrated. */
    public Optional<String> schemaVersion() {
        MigrationInfo current = flyway.info().current();
        return Optional.ofNullable(current).map(info -> info.getVersion().getVersion());
    }
}
