package edu.sevenp.migrations.schema.backup;

import static edu.sevenp.migrations.schema.Sql.execute;
import static edu.sevenp.migrations.schema.Sql.strings;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * ops/backup-verify.sh against a real database: dump, restore into a scratch database, compare the
 * row counts and checksums of every table (seed-review 21). It needs pg_dump and pg_restore 15+
 * (Debian's postgresql-client-15; .ci/run installs it), and connects as the fixture's superuser.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupVerifyIT {

    private static final Pattern REPORT_LINE = Pattern.compile("^(\\S+)\\s+(\\d+|-)\\s+(\\d+|-)\\s+(ok|MISMATCH: .+)$");
    private static final long TIMEOUT_SECONDS = 180;

    private final TestDatabase database;
    private UUID tamperedUser;

    BackupVerifyIT(TestDatabase database) {
        this.database = database;
    }

    /** Rows in most kinds of column, in several partitions and in a detached one, set up as the superuser. */
    @BeforeAll
    void seed() throws Exception {
        DataSource admin = database.superuser();
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        execute(admin, "SELECT * FROM ensure_learning_event_partitions(?, 3)", current.minusMonths(15).atDay(1));
        tamperedUser = UUID.randomUUID();
        UUID instructor = UUID.randomUUID();
        execute(admin, "INSERT INTO users (id, email, name, bio) VALUES (?, ?, ?, ?)", tamperedUser, "learner@example.org",
                "Zoë Learner", "Line one\nline two, with a tab\tand a backslash \\ and 'quotes'");
        execute(admin, "INSERT INTO users (id, email, name) VALUES (?, ?, ?)", instructor, "teacher@example.org", "Teacher");
        execute(admin, "SELECT set_user_phone(?, ?, ?)", tamperedUser, "+4915112345678", "backup-test-key-0123456789");
        UUID course = UUID.randomUUID();
        execute(admin, "INSERT INTO courses (id, title, slug, description, instructor_id, price, is_free, learning_objectives) "
                + "VALUES (?, 'SQL for Everyone', 'sql-for-everyone', NULL, ?, 49.90, false, '[\"joins\", \"indexes\"]')",
                course, instructor);
        execute(admin, "INSERT INTO enrollments (user_id, course_id, progress) VALUES (?, ?, 12.50)", tamperedUser, course);
        for (OffsetDateTime at : List.of(
                current.minusMonths(15).atDay(3).atTime(9, 30).atOffset(ZoneOffset.UTC),
                current.minusMonths(1).atDay(28).atTime(23, 59, 59, 999_999_000).atOffset(ZoneOffset.UTC),
                current.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                current.atDay(2).atTime(12, 0).atOffset(ZoneOffset.ofHours(9)))) {
            execute(admin, "INSERT INTO learning_events (user_id, course_id, event_type, occurred_at, payload) "
                    + "VALUES (?, ?, 'video_played', ?, ?::jsonb)", tamperedUser, course, at, "{\"speed\": 1.25, \"tags\": [\"a\"]}");
        }
        execute(admin, "SELECT * FROM detach_learning_event_partitions(13)");
    }

    @Test
    void aRestoredBackupMatchesTheSourceInEveryTable() throws Exception {
        Run run = backupVerify(database.name());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.report()).as(run.output()).isEqualTo(everyTableWith("ok"));
        assertThat(run.output()).contains("RESULT: OK: " + everyTableWith("ok").size() + " tables");
    }

    @Test
    void theScratchDatabaseIsDroppedAfterwards() throws Exception {
        Run run = backupVerify(database.name());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(strings(database.superuser(), "SELECT datname::text FROM pg_database WHERE starts_with(datname, ?)",
                database.name() + "_verify_")).isEmpty();
    }

    @Test
    void theDumpIsKeptWhereAsked(@TempDir Path directory) throws Exception {
        Path dump = directory.resolve("backup.dump");

        Run run = backupVerify("--dump-file", dump.toString(), database.name());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Files.readAllBytes(dump)).startsWith("PGDMP".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aKeptDumpCarriesTheChecksumsARestoreOfItMustReproduce(@TempDir Path directory) throws Exception {
        Path dump = directory.resolve("backup.dump");
        String restored = database.name() + "_restored";
        try {
            Run backup = backupVerify("--dump-file", dump.toString(), "--keep", "--scratch-db", restored, database.name());
            assertThat(backup.exitCode()).as(backup.output()).isZero();

            Run check = backupVerify("--expect-checksums", dump + ".checksums", restored);

            assertThat(check.exitCode()).as(check.output()).isZero();
            assertThat(check.report()).as(check.output()).isEqualTo(everyTableWith("ok"));
        } finally {
            database.cluster().dropDatabase(restored);
        }
    }

    @Test
    void anExistingDumpFileIsNeverOverwritten(@TempDir Path directory) throws Exception {
        Path dump = Files.writeString(directory.resolve("yesterday.dump"), "yesterday's backup");

        Run run = backupVerify("--dump-file", dump.toString(), database.name());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("exists already; a backup is never overwritten");
        assertThat(Files.readString(dump)).isEqualTo("yesterday's backup");
    }

    @Test
    void aChangedRowInTheRestoredCopyIsReportedAsAChecksumMismatch() throws Exception {
        String scratch = database.name() + "_changed";
        try {
            Run kept = backupVerify("--keep", "--scratch-db", scratch, database.name());
            assertThat(kept.exitCode()).as(kept.output()).isZero();
            execute(copy(scratch), "UPDATE users SET name = 'Zoe Learner' WHERE id = ?", tamperedUser);

            Run run = backupVerify("--verify-only", scratch, database.name());

            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.report()).as(run.output()).isEqualTo(everyTableWith("ok", "users", "MISMATCH: checksum"));
            assertThat(run.output()).contains("RESULT: MISMATCH: 1 of " + run.report().size() + " tables differ");
        } finally {
            database.cluster().dropDatabase(scratch);
        }
    }

    @Test
    void aRowMissingFromTheRestoredCopyIsReportedAsARowCountMismatch() throws Exception {
        String scratch = database.name() + "_missing";
        String partition = "learning_events_p" + YearMonth.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy_MM"));
        try {
            Run kept = backupVerify("--keep", "--scratch-db", scratch, database.name());
            assertThat(kept.exitCode()).as(kept.output()).isZero();
            execute(copy(scratch), "DELETE FROM learning_events WHERE occurred_at = (SELECT max(occurred_at) FROM learning_events)");

            Run run = backupVerify("--verify-only", scratch, database.name());

            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.report()).as(run.output()).isEqualTo(everyTableWith("ok", partition, "MISMATCH: row count"));
        } finally {
            database.cluster().dropDatabase(scratch);
        }
    }

    @Test
    void aDatabaseThatDoesNotExistFailsWithStatus3() throws Exception {
        Run run = backupVerify(database.name() + "_nonexistent");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("cannot connect to database " + database.name() + "_nonexistent");
    }

    // ------------------------------------------------------------------------------------ helpers

    /** The report the script should print: every table of the source with the given result, except one. */
    private Map<String, String> everyTableWith(String result, String... exception) throws SQLException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String table : strings(database.superuser(), "SELECT table_name FROM table_checksums()")) {
            expected.put(table, exception.length == 2 && exception[0].equals(table) ? exception[1] : result);
        }
        return expected;
    }

    private DataSource copy(String scratch) {
        return database.cluster().superuserDataSource(scratch);
    }

    private Run backupVerify(String... arguments) throws Exception {
        PGSimpleDataSource superuser = database.superuser().unwrap(PGSimpleDataSource.class);
        List<String> command = new ArrayList<>(List.of("bash", script().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PG"));
        environment.put("PGHOST", superuser.getServerNames()[0]);
        int port = superuser.getPortNumbers()[0];
        environment.put("PGPORT", Integer.toString(port == 0 ? 5432 : port));
        environment.put("PGUSER", superuser.getUser());
        if (superuser.getPassword() != null && !superuser.getPassword().isEmpty()) {
            environment.put("PGPASSWORD", superuser.getPassword());
        }
        environment.put("PGCONNECT_TIMEOUT", "10");

        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("backup-verify.sh did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Run(process.exitValue(), output.get(10, TimeUnit.SECONDS));
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ops/backup-verify.sh of this checkout, found upwards from the module's directory. */
    private static Path script() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("ops/backup-verify.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("ops/backup-verify.sh not found above " + Path.of("").toAbsolutePath());
    }

    /** What one run printed and how it ended; {@link #report()} is its table lines, table to result. */
    private record Run(int exitCode, String output) {

        Map<String, String> report() {
            Map<String, String> lines = new LinkedHashMap<>();
            for (String line : output.split("\n")) {
                Matcher matcher = REPORT_LINE.matcher(line);
                if (matcher.matches()) {
                    lines.put(matcher.group(1), matcher.group(4));
                }
            }
            return lines;
        }
    }
}
