package edu.sevenp.server;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The archive an institution installs, as built by {@code package}: unpacked with tar, its {@code bin/sevenp-server}
 * prepares a database of its own on the test cluster and serves /health over it, configured by a copy of the shipped
 * example configuration, and stops cleanly on SIGTERM. Its systemd unit passes {@code systemd-analyze verify}.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerArchiveIT {

    private static final Pattern STARTED = Pattern.compile("INFO edu\\.sevenp\\.server\\.ServerMain - started url=http://127\\.0\\.0\\.1:(\\d+) .* pid=(\\d+)");

    private final String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private final String databaseName = "archive_" + suffix;
    private final String owner = "archive_owner_" + suffix;
    private final String request = "archive_app_" + suffix;
    private TestDatabase testDatabase;
    private Path home;
    private Path folder;

    @BeforeAll
    void unpack(TestDatabase testDatabase, @TempDir Path folder) throws Exception {
        this.testDatabase = testDatabase;
        this.folder = folder;
        Path archive;
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            List<Path> archives = built.filter(file -> file.getFileName().toString().matches("sevenp-server-.+\\.tar\\.gz"))
                    .toList();
            assertThat(archives).as("the archive built by package").hasSize(1);
            archive = archives.get(0);
        }
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", folder.toString())
                .redirectErrorStream(true).start();
        String tarOutput = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).as(tarOutput).isZero();
        String version = archive.getFileName().toString().replaceFirst("^sevenp-server-", "").replaceFirst("\\.tar\\.gz$", "");
        home = folder.resolve("sevenp-server-" + version);
    }

    @AfterAll
    void dropWhatThePreparationMade() throws Exception {
        try (Connection superuser = testDatabase.superuser().getConnection();
                PreparedStatement format = superuser.prepareStatement("SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', ?),"
                        + " format('DROP ROLE IF EXISTS %I, %I', ?, ?)")) {
            format.setString(1, databaseName);
            format.setString(2, request);
            format.setString(3, owner);
            try (ResultSet statements = format.executeQuery(); Statement drop = superuser.createStatement()) {
                statements.next();
                drop.execute(statements.getString(1));
                drop.execute(statements.getString(2));
            }
        }
    }

    @Test
    void holdsTheServerItsScriptTheExampleConfigurationAndTheUnit() throws Exception {
        assertThat(home.resolve("lib/sevenp-server.jar")).isRegularFile();
        assertThat(home.resolve("config/sevenp-server.properties.example")).isRegularFile();
        assertThat(home.resolve("systemd/sevenp-server.service")).isRegularFile();
        assertThat(home.resolve("docs/operations.md")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/sevenp-server")))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    }

    @Test
    void preparesItsDatabaseStartsServesHealthAndStopsOnSigterm() throws Exception {
        Path config = configuration();
        // Through a symbolic link, as an operator may put it on the PATH.
        Path link = Files.createSymbolicLink(Files.createDirectories(folder.resolve("usr-local-bin")).resolve("sevenp-server"),
                home.resolve("bin/sevenp-server"));
        Map<String, String> admin = administrator();

        Finished first = runToEnd(admin, link.toString(), "--config", config.toString(), "--prepare-database");
        Finished second = runToEnd(admin, link.toString(), "--config", config.toString(), "--prepare-database");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("role " + owner + " (schema owner): created",
                "database " + databaseName + ": created, owned by " + owner + ", encoding UTF8");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("database " + databaseName + ": exists, owned by " + owner + "; nothing to change");

        Process server = start(Map.of(), home.resolve("bin/sevenp-server").toString(), "--config", config.toString(),
                "--port", "0", "--data-dir", folder.resolve("data").toString());
        try {
            Lines log = Lines.of(server);
            Matcher started = log.await(STARTED, Duration.ofSeconds(90));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + started.group(1) + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"databaseMode\":\"external\"");
            // exec: the script became the JVM, so systemd's SIGTERM reaches the server itself.
            assertThat(Long.parseLong(started.group(2))).isEqualTo(server.pid());

            // SIGTERM through the handle: Process.destroy() would also close the pipes before the last lines arrive.
            server.toHandle().destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
            log.awaitEnd();
            assertThat(server.exitValue()).as(log.text()).isEqualTo(143);
            assertThat(log.text()).contains("INFO edu.sevenp.server.ServerMain - stopping",
                    "INFO edu.sevenp.server.ServerMain - stopped");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void theSystemdUnitPassesSystemdAnalyzeVerify() throws Exception {
        Optional<Path> analyze = onPath("systemd-analyze");
        if (analyze.isEmpty()) {
            System.out.println("ServerArchiveIT: systemd-analyze is not installed here, so the unit is not verified");
        }
        Assumptions.assumeTrue(analyze.isPresent(), "systemd-analyze is not installed here");
        // verify insists that ExecStart's program exists: point it at the unpacked archive instead of /opt.
        Path unit = Files.createDirectories(folder.resolve("units")).resolve("sevenp-server.service");
        Files.writeString(unit, Files.readString(home.resolve("systemd/sevenp-server.service"))
                .replace("/opt/sevenp-server/bin/sevenp-server", home.resolve("bin/sevenp-server").toString()));

        Finished verify = runToEnd(Map.of(), analyze.get().toString(), "verify", "--man=no", unit.toString());

        // verify exits 0 on unknown keys and unparsable values too: they are only printed, so nothing may be printed.
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).isEmpty();
    }

    /** The shipped example, with the database settings filled in as an operator would, and nothing else changed. */
    private Path configuration() throws IOException {
        PGSimpleDataSource cluster = new PGSimpleDataSource();
        cluster.setURL(testDatabase.jdbcUrl());
        String url = "jdbc:postgresql://" + cluster.getServerNames()[0] + ":" + cluster.getPortNumbers()[0] + "/" + databaseName;
        String example = Files.readString(home.resolve("config/sevenp-server.properties.example"));
        String filledIn = example
                .replace("# SEVENP_DB_URL=jdbc:postgresql://localhost:5432/sevenp", "SEVENP_DB_URL=" + url)
                .replace("# SEVENP_DB_USER=sevenp_owner", "SEVENP_DB_USER=" + owner)
                .replace("# SEVENP_DB_PASSWORD=", "SEVENP_DB_PASSWORD=owner-" + suffix)
                .replace("# SEVENP_DB_REQUEST_USER=sevenp_app", "SEVENP_DB_REQUEST_USER=" + request)
                .replace("# SEVENP_DB_REQUEST_PASSWORD=", "SEVENP_DB_REQUEST_PASSWORD=app-" + suffix)
                // Cheap password hashes for a test; the rest is the shipped example.
                .replace("# SEVENP_PASSWORD_MEMORY_KIB=65536", "SEVENP_PASSWORD_MEMORY_KIB=1024");
        assertThat(filledIn).contains("SEVENP_DB_URL=" + url, "SEVENP_DB_USER=" + owner, "SEVENP_DB_REQUEST_USER=" + request);
        Path file = folder.resolve("sevenp-server.properties");
        Files.writeString(file, filledIn);
        return file;
    }

    /** The test cluster's superuser, as libpq's variables: the embedded one trusts loopback connections. */
    private static Map<String, String> administrator() {
        String user = System.getenv("SEVENP_TEST_PG_USER");
        String password = System.getenv("SEVENP_TEST_PG_PASSWORD");
        return Map.of("PGUSER", user == null || user.isBlank() ? "postgres" : user, "PGPASSWORD", password == null ? "" : password);
    }

    private record Finished(int exitCode, String output) {
    }

    private Finished runToEnd(Map<String, String> environment, String... command) throws Exception {
        Process process = start(environment, command);
        Lines output = Lines.of(process);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 120 s:\n" + output.text());
        }
        output.awaitEnd();
        return new Finished(process.exitValue(), output.text());
    }

    /** No SEVENP_* or PG* variable of the developer's reaches the child; the JVM running the tests is its Java. */
    private static Process start(Map<String, String> environment, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SEVENP_") || name.startsWith("PG"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xmx256m");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        return path == null ? Optional.empty() : Stream.of(path.split(":")).map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable).findFirst();
    }

    /** A process's merged output, read on a thread of its own so that the child never blocks on a full pipe. */
    private static final class Lines {

        private final List<String> lines = new ArrayList<>();
        private final Thread reader;

        private Lines(Process process) {
            reader = new Thread(() -> read(process), "archive-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Lines of(Process process) {
            return new Lines(process);
        }

        private void read(Process process) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // The child was killed and its pipe closed: what arrived is what there is.
                synchronized (lines) {
                    lines.add("(output ended: " + e.getMessage() + ")");
                    lines.notifyAll();
                }
            }
        }

        Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (lines) {
                int seen = 0;
                while (true) {
                    for (; seen < lines.size(); seen++) {
                        Matcher matcher = pattern.matcher(lines.get(seen));
                        if (matcher.find()) {
                            return matcher;
                        }
                    }
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0 || !reader.isAlive()) {
                        throw new AssertionError("no line matching " + pattern + " within " + timeout + ":\n" + text());
                    }
                    lines.wait(Math.min(left, 500));
                }
            }
        }

        void awaitEnd() throws InterruptedException {
            reader.join(Duration.ofSeconds(10).toMillis());
        }

        String text() {
            synchronized (lines) {
                return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
            }
        }
    }
}
