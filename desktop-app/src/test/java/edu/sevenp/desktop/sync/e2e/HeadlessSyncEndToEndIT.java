package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.desktop.ChildJvm;
import edu.sevenp.desktop.Launcher;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.CredentialFile;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.RunningServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The player's --sign-in and --sync --json run as a script would: a separate JVM, the password piped in, a real server. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadlessSyncEndToEndIT {

    private TestDatabase database;
    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;

    @TempDir
    Path folders;

    @BeforeAll
    void start(TestDatabase database) {
        this.database = database;
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** A finished child: its exit code and every line it wrote (standard output and the log on standard error). */
    private record Finished(int exitCode, List<String> lines) {

        String lineStartingWith(String prefix) {
            return lines.stream().filter(line -> line.startsWith(prefix)).reduce((a, b) -> {
                throw new AssertionError("two lines start with " + prefix + ": " + lines);
            }).orElseThrow(() -> new AssertionError("no line starts with " + prefix + ": " + lines));
        }
    }

    @Test
    void aScriptSignsInWithThePasswordOnStandardInputThenSyncsAndReadsOneJsonObject() throws Exception {
        Catalog.Course course = catalog.freeCourse(accounts.instructor("Ines").user(), "e2e-headless", 2);
        Accounts.SignedIn ana = accounts.learner("Ana");
        ana.api().post("/api/v1/courses/" + course.id() + "/enrollment", "");
        Path data = folders.resolve("data");
        Path profile = data.resolve("profiles").resolve("default");

        Finished signIn = run(Accounts.PASSWORD + "\n", "--data-dir", data.toString(), "--sign-in", server.baseUrl(),
                ana.email());

        assertThat(signIn.exitCode()).as("%s", signIn.lines()).isZero();
        assertThat(signIn.lineStartingWith("Signed in to ")).matches("Signed in to " + server.baseUrl() + " as "
                + ana.email() + " \\(Ana\\); synced: sent 0 changes, received [1-9][0-9]* rows, 0 media files\\.");
        assertThat(String.join("\n", signIn.lines())).doesNotContain(Accounts.PASSWORD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.resolve(CredentialFile.NAME))))
                .isEqualTo("rw-------");

        try (LocalStore store = LocalStore.openFile(profile, "default")) {
            store.notes().create(store.identity().userId(), new LessonId(course.lesson(0)), "Written between two scripts",
                    null, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5)).orElseThrow();
        }
        Finished sync = run("", "--data-dir", data.toString(), "--sync", "--json");

        assertThat(sync.exitCode()).as("%s", sync.lines()).isZero();
        ObjectNode report = (ObjectNode) JsonMapperFactory.create().readTree(sync.lineStartingWith("{"));
        for (String measured : List.of("clockOffsetMillis", "elapsedMillis", "sentBytes", "receivedBytes")) {
            assertThat(report.remove(measured)).as(measured).isNotNull();
        }
        // The note goes up, and comes back in the pull: the user's stream holds this device's own writes too.
        assertThat(report).isEqualTo(JsonMapperFactory.create().readTree("{\"result\":\"synced\",\"exitCode\":0,"
                + "\"server\":\"" + server.baseUrl() + "\",\"email\":\"" + ana.email() + "\",\"pushed\":1,\"rejected\":0,"
                + "\"held\":0,\"pulledRows\":1,\"deletedRows\":0,\"parkedRows\":0,\"revokedCourses\":0,\"mediaFiles\":0,"
                + "\"mediaBytes\":0,\"mediaFailed\":0,\"pendingChanges\":0,\"heldChanges\":0,\"rejectedChanges\":0,\"conflictCopies\":0}"));
        assertThat(serverNotes(ana)).containsExactly("Written between two scripts");
    }

    @Test
    void aWrongPasswordIsRefusedWithItsOwnExitCodeAndSignsNothingIn() throws Exception {
        Accounts.SignedIn ana = accounts.learner("Ana");
        Path data = folders.resolve("wrong-password");

        Finished signIn = run("not the password\n", "--data-dir", data.toString(), "--sign-in", server.baseUrl(),
                ana.email());

        assertThat(signIn.exitCode()).as("%s", signIn.lines()).isEqualTo(4);
        assertThat(data.resolve("profiles").resolve("default").resolve(CredentialFile.NAME)).doesNotExist();
        assertThat(String.join("\n", signIn.lines())).doesNotContain("not the password");
    }

    private List<String> serverNotes(Accounts.SignedIn account) throws SQLException {
        List<String> notes = new ArrayList<>();
        try (Connection connection = database.superuser().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT content FROM user_notes WHERE user_id = ?")) {
            statement.setObject(1, account.user());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    notes.add(rows.getString(1));
                }
            }
        }
        return notes;
    }

    /** Runs the launcher in a JVM of its own with {@code input} on its standard input, to the end. */
    private static Finished run(String input, String... arguments) throws IOException, InterruptedException,
            java.util.concurrent.TimeoutException {
        try (ChildJvm child = ChildJvm.start(Launcher.class, arguments)) {
            try (OutputStream stdin = child.process().getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            List<String> lines = new ArrayList<>();
            for (Optional<String> line = child.nextLine(Duration.ofMinutes(2)); line.isPresent();
                    line = child.nextLine(Duration.ofMinutes(2))) {
                lines.add(line.get());
            }
            assertThat(child.process().waitFor(1, TimeUnit.MINUTES)).as("the child exits").isTrue();
            return new Finished(child.process().exitValue(), lines);
        }
    }
}
