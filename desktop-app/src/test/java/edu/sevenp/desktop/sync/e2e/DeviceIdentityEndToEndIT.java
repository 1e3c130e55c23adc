package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import edu.sevenp.desktop.store.ProgressEntry;
import edu.sevenp.desktop.store.QuizSubmission;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.testing.ProfileFolders;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.DeviceId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.RunningServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whose device a profile is, against the real server: a copied profile folder (issue 9, scenario 10) and a
 * device signed out from elsewhere. Each ends with every note on the server and on each device once, and
 * study time and attempts counted once.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceIdentityEndToEndIT {

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private TestDatabase database;

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

    /**
     * The laptop's folder is copied (a backup restored elsewhere, a cloned disk) while it has a note, 120 s of
     * study and a quiz attempt queued. Both then write a note, which under one device id would carry the same
     * sequence number, and the server would drop the second as a replay of the first.
     */
    @Test
    void twoInstallationsSharingADeviceIdAreToldApartAndConvergeWithNothingLostOrDoubled() {
        Catalog.Course course = catalog.freeCourse(accounts.instructor("Ines").user(), "e2e-copied", 3);
        Accounts.SignedIn ana = accounts.learner("Ana");
        ana.api().post("/api/v1/courses/" + course.id() + "/enrollment", "");
        Path laptopFolder = folders.resolve("laptop");
        Path copyFolder = folders.resolve("restored");
        DeviceId laptopDevice;
        try (SyncedDevice laptop = SyncedDevice.open(laptopFolder)) {
            laptop.signIn(server.baseUrl(), ana.email(), Accounts.PASSWORD);
            laptop.syncOnce();
            laptopDevice = laptop.store().identity().deviceId();
            write(laptop, course.lesson(0), "Written before the copy");
            laptop.store().progress().record(user(laptop), new LessonId(course.lesson(1)), ProgressEntry.timeSpent(at(10), 120))
                    .orElseThrow();
            QuizSubmission.Outcome attempt = laptop.store().quizzes().submit(user(laptop), new QuizSubmission(
                    new QuizAttemptId(UUID.randomUUID()), new QuizId(course.practiceQuiz()), at(11), at(12),
                    Map.of(new QuestionId(course.practiceQuestion()), Answer.trueFalse(false)), null));
            assertThat(attempt).isInstanceOf(QuizSubmission.Stored.class);
        }
        ProfileFolders.copy(laptopFolder, copyFolder);

        try (SyncedDevice laptop = SyncedDevice.open(laptopFolder); SyncedDevice copy = SyncedDevice.open(copyFolder)) {
            assertThat(laptop.store().identity().deviceId()).isEqualTo(laptopDevice);
            assertThat(copy.store().identity().deviceId()).isNotEqualTo(laptopDevice);
            assertThat(copy.sync().status()).extracting(SyncStatus::account, SyncStatus::activity, SyncStatus::lastError)
                    .containsExactly(null, SyncStatus.Activity.NEEDS_ATTENTION, SyncService.copiedProfile());
            write(laptop, course.lesson(2), "Written on the laptop after the copy");
            write(copy, course.lesson(2), "Written on the restored copy");
            copy.store().progress().record(user(copy), new LessonId(course.lesson(1)), ProgressEntry.timeSpent(at(20), 30))
                    .orElseThrow();

            copy.signIn(server.baseUrl(), ana.email(), Accounts.PASSWORD);
            copy.syncOnce();
            laptop.syncOnce();
            copy.syncOnce();

            List<String> everyNote = List.of("Written before the copy", "Written on the laptop after the copy",
                    "Written on the restored copy");
            assertThat(serverNotes(ana.user())).containsExactlyInAnyOrderElementsOf(everyNote);
            assertThat(deviceNotes(laptop, course)).containsExactlyInAnyOrderElementsOf(everyNote);
            assertThat(deviceNotes(copy, course)).containsExactlyInAnyOrderElementsOf(everyNote);
            assertThat(count("SELECT count(*) FROM quiz_attempts WHERE user_id = ?", ana.user())).isEqualTo(1);
            assertThat(count("SELECT total_time_spent FROM lesson_progress WHERE user_id = ? AND lesson_id = ?", ana.user(),
                    course.lesson(1))).as("120 s once from the laptop, the copy's own 30 s").isEqualTo(150);
            assertThat(List.of(timeSpent(laptop, course.lesson(1)), timeSpent(copy, course.lesson(1)))).containsExactly(150, 150);
            assertThat(List.of(laptop.sync().status().pendingChanges(), copy.sync().status().pendingChanges(),
                    laptop.sync().status().conflictCopies(), copy.sync().status().conflictCopies()))
                    .containsExactly(0, 0, 0, 0);
            assertThat(deviceIds(ana)).contains(laptopDevice.value(), copy.store().identity().deviceId().value());
        }
    }

    @Test
    void aDeviceSignedOutFromElsewhereIsToldKeepsItsWorkAndSyncsItAfterSigningInAgain() {
        Catalog.Course course = catalog.freeCourse(accounts.instructor("Ines").user(), "e2e-revoked", 2);
        Accounts.SignedIn ana = accounts.learner("Ana");
        ana.api().post("/api/v1/courses/" + course.id() + "/enrollment", "");
        try (SyncedDevice laptop = SyncedDevice.open(folders.resolve("revoked-laptop"))) {
            laptop.signIn(server.baseUrl(), ana.email(), Accounts.PASSWORD);
            laptop.syncOnce();
            DeviceId revokedDevice = laptop.store().identity().deviceId();
            write(laptop, course.lesson(0), "Written while signed out elsewhere");

            ApiClient.Response revoked = ana.api().delete("/api/v1/devices/" + revokedDevice.value());
            assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
            SyncFailure failure = catchThrowableOfType(SyncFailure.class, laptop::syncOnce);

            assertThat(failure.kind()).isEqualTo(SyncFailure.Kind.DEVICE_REVOKED);
            assertThat(laptop.sync().status()).extracting(SyncStatus::activity, SyncStatus::lastError, SyncStatus::account,
                    SyncStatus::pendingChanges).containsExactly(SyncStatus.Activity.NEEDS_ATTENTION,
                    "This computer was signed out of the account, from another device or by an administrator. Everything"
                            + " here is kept; sign in again to sync it.",
                    new SyncStatus.Account(server.baseUrl(), ana.email()), 1);
            assertThat(deviceNotes(laptop, course)).containsExactly("Written while signed out elsewhere");

            laptop.signIn(server.baseUrl(), ana.email(), Accounts.PASSWORD);
            laptop.syncOnce();

            assertThat(laptop.store().identity().deviceId()).isNotEqualTo(revokedDevice);
            assertThat(serverNotes(ana.user())).containsExactly("Written while signed out elsewhere");
            assertThat(laptop.sync().status()).extracting(SyncStatus::activity, SyncStatus::lastError, SyncStatus::pendingChanges)
                    .containsExactly(SyncStatus.Activity.IDLE, null, 0);
        }
    }

    /**
     * A backup of the folder's files restored in place (the folder itself, its path and its host unchanged): no
     * fingerprint notices, and the restored store issues again the numbers of changes it never made. The server
     * tells it (409 sequence_reused, or an answer beyond anything sent); the profile is re-keyed and asks for a
     * sign-in, and after it nothing written on either side of the restore is lost.
     */
    @Test
    void aBackupRestoredInPlaceIsToldApartByTheServerAndLosesNothing() throws Exception {
        Catalog.Course course = catalog.freeCourse(accounts.instructor("Ines").user(), "e2e-restored", 3);
        Accounts.SignedIn ana = accounts.learner("Ana");
        ana.api().post("/api/v1/courses/" + course.id() + "/enrollment", "");
        Path laptopFolder = folders.resolve("restored-in-place");
        Path backup = folders.resolve("backup");
        DeviceId before;
        try (SyncedDevice laptop = SyncedDevice.open(laptopFolder)) {
            laptop.signIn(server.baseUrl(), ana.email(), Accounts.PASSWORD);
            laptop.syncOnce();
            before = laptop.store().identity().deviceId();
        }
        ProfileFolders.copy(laptopFolder, backup);
        try (SyncedDevice laptop = SyncedDevice.open(laptopFolder)) {
            write(laptop, course.lesson(0), "Written after the backup");
            write(laptop, course.lesson(1), "Also written after the backup");
            laptop.syncOnce();
        }
        try (var files = java.nio.file.Files.list(backup)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                java.nio.file.Files.copy(file, laptopFolder.resolve(file.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }

        try (SyncedDevice laptop = SyncedDevice.open(laptopFolder)) {
            assertThat(laptop.store().identity().deviceId()).as("no fingerprint notices a restore in place").isEqualTo(before);
            // Two changes: the second takes the number the server last answered, for another change (409).
            write(laptop, course.lesson(2), "Written after the restore");
            write(laptop, course.lesson(2), "Written after the restore, too");
            SyncFailure told = catchThrowableOfType(SyncFailure.class, laptop::syncOnce);

            assertThat(told.kind()).isEqualTo(SyncFailure.Kind.SEQUENCE_REUSED);
            assertThat(laptop.store().identity().deviceId()).isNotEqualTo(before);
            assertThat(laptop.sync().status()).extracting(SyncStatus::activity, SyncStatus::lastError)
                    .containsExactly(SyncStatus.Activity.NEEDS_ATTENTION, SyncService.copiedProfile());

            laptop.signIn(server.baseUrl(), ana.email(), Accounts.PASSWORD);
            laptop.syncOnce();

            List<String> everyNote = List.of("Written after the backup", "Also written after the backup",
                    "Written after the restore", "Written after the restore, too");
            assertThat(serverNotes(ana.user())).containsExactlyInAnyOrderElementsOf(everyNote);
            assertThat(deviceNotes(laptop, course)).containsExactlyInAnyOrderElementsOf(everyNote);
        }
    }

    private static Note write(SyncedDevice device, UUID lesson, String text) {
        return device.store().notes().create(user(device), new LessonId(lesson), text, null, at(30)).orElseThrow();
    }

    private static UserId user(SyncedDevice device) {
        return device.store().identity().userId();
    }

    private static OffsetDateTime at(int minute) {
        return OffsetDateTime.now(ZoneOffset.UTC).withNano(0).minusHours(1).plusMinutes(minute);
    }

    private static List<String> deviceNotes(SyncedDevice device, Catalog.Course course) {
        return device.store().notes().forCourse(user(device), new CourseId(course.id())).stream()
                .map(Note::content).toList();
    }

    private static int timeSpent(SyncedDevice device, UUID lesson) {
        return device.store().progress().find(user(device), new LessonId(lesson)).orElseThrow().totalTimeSpent();
    }

    private List<UUID> deviceIds(Accounts.SignedIn account) {
        List<UUID> ids = new ArrayList<>();
        account.api().get("/api/v1/devices").json().forEach(device -> ids.add(UUID.fromString(device.get("id").asText())));
        return ids;
    }

    /** The user's notes on the server, conflict copies included, one entry per row. */
    private List<String> serverNotes(UUID user) {
        List<String> notes = new ArrayList<>();
        query("SELECT content FROM user_notes WHERE user_id = ?", rows -> notes.add(rows.getString(1)), user);
        return notes;
    }

    private int count(String sql, Object... parameters) {
        List<Integer> value = new ArrayList<>();
        query(sql, rows -> value.add(rows.getInt(1)), parameters);
        assertThat(value).as(sql).hasSize(1);
        return value.get(0);
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, Row row, Object... parameters) {
        try (Connection connection = database.superuser().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
