package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.learning.Note;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, end-to-end scenario 7: a device offline past the tombstone horizon. The server purged the tombstone of a
 * note deleted on another device meanwhile, so only a full copy can tell the device; it uploads its queue, starts its
 * streams over (the server answers {@code reset}), and the deleted note does not come back, on it or on the server.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfflinePastHorizonIT {

    private EndToEndServer server;
    private TestDatabase database;

    @TempDir
    Path folders;

    @BeforeAll
    void start(TestDatabase testDatabase) {
        database = testDatabase;
        server = EndToEndServer.start(database);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aDeviceBackAfterTheHorizonStartsOverUploadsItsQueueAndNoDeletedNoteComesBack() throws SQLException {
        Catalog.Course course = server.course(2);
        Accounts.SignedIn nomad = server.learnerIn(course, "Nomad");
        Ledger ledger = new Ledger();
        try (SyncedDevice home = SyncedDevice.open(folders.resolve("home"), Clock.systemUTC(), SyncedDevice.MANUAL, ledger);
                SyncedDevice away = SyncedDevice.open(folders.resolve("away"), Clock.systemUTC(), SyncedDevice.MANUAL, ledger)) {
            home.signIn(server.url(), nomad.email(), Accounts.PASSWORD);
            away.signIn(server.url(), nomad.email(), Accounts.PASSWORD);
            home.syncOnce();
            Note kept = home.writeNote(course.lesson(0), "Kept");
            Note deleted = home.writeNote(course.lesson(1), "Deleted at home later");
            home.syncOnce();
            away.syncOnce();
            assertThat(away.store().notes().find(away.user(), deleted.id())).isPresent();

            // The away device goes offline for forty days; at home a note is deleted and another written.
            home.deleteNote(deleted.id().value());
            home.writeNote(course.lesson(0), "Written at home");
            home.syncOnce();
            away.editNote(kept.id().value(), "Kept, edited away", away.now());
            away.writeNote(course.lesson(1), "Written away");
            away.study(course.lesson(0), 90, 60);
            server.catalog().execute("UPDATE sync_changes SET changed_at = changed_at - interval '40 days'");
            Accounts.execute(database.owner(), "SELECT purge_sync_changes(interval '30 days')");
            assertThat(changesNaming(deleted.id().value())).as("the tombstone is purged").isZero();

            away.syncOnce();
            home.syncOnce();

            assertThat(away.store().notes().find(away.user(), deleted.id())).isEmpty();
            assertThat(Outcome.of(LearnerRows.onServer(server.superuser(), nomad.user()), course).notes())
                    .containsExactly("L0 Kept, edited away", "L0 Written at home", "L1 Written away");
            Convergence.assertConverged(server.superuser(), nomad.user(), home, away);
            Convergence.assertExactlyOnce(server.superuser(), nomad.user(), ledger);
        }
    }

    private long changesNaming(UUID row) throws SQLException {
        try (Connection connection = server.superuser().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM sync_changes WHERE entity_id = ?")) {
            statement.setObject(1, row);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
