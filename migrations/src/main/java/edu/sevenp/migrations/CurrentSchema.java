package edu.sevenp.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Recognises, with one plain query, a local H2 store whose schema is already current, so that the
 * player can skip Flyway on start-up: loading and configuring Flyway costs about a second in a new JVM
 * and its check about 100 ms more even with nothing to migrate (docs/benchmarks.md, "Local store").
 *
 * <p>Current means that the Flyway history holds exactly the rows a migration from nothing writes
 * today: every versioned script of {@link #H2_SCRIPTS}, in order, succeeded, with the same description,
 * type and checksum, and nothing else (besides Flyway's own marker for creating the table). Any other
 * history (none, behind, ahead, a failed or edited script, a repeatable script) is left to
 * {@link Migrations}, which migrates or refuses it exactly as it always has.
 */
public final class CurrentSchema {

    /** One row of the Flyway history, as a successful migration of a versioned script writes it. */
    record AppliedScript(String version, String description, String type, int checksum) {
        AppliedScript {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * The history of a current H2 store, oldest first. Add a row with every new script in
     * {@code db/migration/h2}: {@code CurrentSchemaTest} fails until this list equals what Flyway writes.
     */
    static final List<AppliedScript> H2_SCRIPTS = List.of(
            new AppliedScript("1", "create local courses", "SQL", 1442648851),
            new AppliedScript("2", "create local mirror", "SQL", -1010960810),
            new AppliedScript("3", "create search queue", "SQL", 1389510814),
            new AppliedScript("4", "add lesson content format", "SQL", 1905832544),
            new AppliedScript("6", "index user notes by course", "SQL", 571552549),
            new AppliedScript("7", "add sync protocol columns", "SQL", 364635392),
            new AppliedScript("8", "add sync engine tables", "SQL", -377447379),
            new AppliedScript("9", "drop single learner indexes", "SQL", 834147279),
            new AppliedScript("11", "create course downloads", "SQL", 1940254451),
            new AppliedScript("12", "create statistics cache", "SQL", 1880975597),
            new AppliedScript("13", "keep notes of removed lessons", "SQL", -548481839));

    /** Flyway's row for having created the history table: no version, no checksum. */
    private static final String TABLE_CREATED = "TABLE";

    private CurrentSchema() {
    }

    /**
     * The outcome of a migration that had nothing to do, when {@code dataSource}'s H2 schema is current;
     * empty when Flyway has to look (including a database without a history table).
     */
    public static Optional<MigrationOutcome> ofH2(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        List<AppliedScript> applied = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                // Quoted as Flyway creates them, so the names match with or without DATABASE_TO_LOWER.
                ResultSet rows = statement.executeQuery("SELECT \"version\", \"description\", \"type\", \"checksum\", "
                        + "\"success\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                String version = rows.getString(1);
                String type = rows.getString(3);
                int checksum = rows.getInt(4);
                boolean noChecksum = rows.wasNull();
                if (!rows.getBoolean(5)) {
                    return Optional.empty();
                }
                if (version == null) {
                    if (!TABLE_CREATED.equals(type)) {
                        return Optional.empty(); // a repeatable script, a schema marker: Flyway's business
                    }
                    continue;
                }
                if (noChecksum) {
                    return Optional.empty();
                }
                applied.add(new AppliedScript(version, rows.getString(2), type, checksum));
            }
        } catch (SQLException noHistory) {
            // A new file has no history table (or something else is odd): Flyway decides, as before.
            return Optional.empty();
        }
        if (!applied.equals(H2_SCRIPTS)) {
            return Optional.empty();
        }
        return Optional.of(new MigrationOutcome(Target.H2, H2_SCRIPTS.get(H2_SCRIPTS.size() - 1).version(), 0));
    }
}
