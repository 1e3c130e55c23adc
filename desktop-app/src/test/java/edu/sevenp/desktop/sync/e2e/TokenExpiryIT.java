package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.sync.CredentialFile;
import edu.sevenp.desktop.sync.SyncProgress;
import edu.sevenp.desktop.sync.SyncStage;
import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.MutableClock;
import edu.sevenp.server.testing.RunningServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, end-to-end scenario 9: the access token expires (the server's clock moves past its 15 minutes) between two
 * batches of one push. The next batch is answered {@code token_expired}; the client refreshes (its refresh token is
 * rotated) and sends the batch again, and every change is applied once. A device whose clock is two days ahead
 * refreshes no sooner than one whose clock is right.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenExpiryIT {

    /** Three batches of at most 500. */
    private static final int CHANGES = 1_200;

    private final MutableClock serverClock = new MutableClock(Instant.now());
    private EndToEndServer server;

    @TempDir
    Path folders;

    @BeforeAll
    void start(TestDatabase database) {
        server = EndToEndServer.over(RunningServer.start(database, RunningServer.TEST_OPTIONS, serverClock));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aTokenThatExpiresBetweenBatchesIsRefreshedAndTheRestIsAppliedOnce() {
        Catalog.Course course = server.course(3);
        Accounts.SignedIn eva = server.learnerIn(course, "Eva");
        Ledger ledger = new Ledger();
        Path folder = folders.resolve("laptop");
        try (SyncedDevice laptop = SyncedDevice.open(folder, Clock.systemUTC(), SyncedDevice.MANUAL, ledger)) {
            laptop.signIn(server.url(), eva.email(), Accounts.PASSWORD);
            laptop.syncOnce();
            for (int i = 0; i < CHANGES; i++) {
                if (i % 10 == 0) {
                    laptop.writeNote(course.lesson(i % 3), "Note " + i);
                } else {
                    laptop.study(course.lesson(i % 3), 1, i * 100 / CHANGES);
                }
            }
            String refreshTokenBefore = refreshToken(folder);
            AtomicBoolean expired = new AtomicBoolean();
            laptop.sync().addListener(status -> {
                SyncProgress progress = status.progress();
                if (status.stage() == SyncStage.PUSH && progress != null && progress.done() == 500
                        && expired.compareAndSet(false, true)) {
                    serverClock.advance(Duration.ofMinutes(16));
                }
            });

            SyncSummary summary = laptop.syncOnce();

            assertThat(expired).as("the token expired between the first and the second batch").isTrue();
            assertThat(summary.pushed()).as("%s", summary).isEqualTo(CHANGES);
            assertThat(summary.rejected()).isZero();
            assertThat(refreshToken(folder)).as("the refresh token was used and rotated").isNotEqualTo(refreshTokenBefore);
            Convergence.assertConverged(server.superuser(), eva.user(), laptop);
            Convergence.assertExactlyOnce(server.superuser(), eva.user(), ledger);
        }
    }

    @Test
    void aDeviceClockTwoDaysAheadRefreshesItsTokenOnlyWhenTheTokenExpires() throws Exception {
        Catalog.Course course = server.course(1);
        Accounts.SignedIn fay = server.learnerIn(course, "Fay");
        Ledger ledger = new Ledger();
        try (SyncedDevice laptop = SyncedDevice.open(folders.resolve("ahead"), Clock.offset(Clock.systemUTC(),
                Duration.ofHours(48)), SyncedDevice.MANUAL, ledger)) {
            laptop.signIn(server.url(), fay.email(), Accounts.PASSWORD);
            laptop.syncOnce();
            for (int i = 0; i < 3; i++) {
                laptop.study(course.lesson(0), 10, 10 * i);
                laptop.syncOnce();
            }

            // The access token of the sign-in lives 15 minutes of server time, whatever the device's clock says.
            assertThat(refreshTokensIssued(laptop)).isEqualTo(1);
            Convergence.assertConverged(server.superuser(), fay.user(), laptop);
            Convergence.assertExactlyOnce(server.superuser(), fay.user(), ledger);
        }
    }

    private long refreshTokensIssued(SyncedDevice device) throws SQLException {
        try (Connection connection = server.superuser().getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM refresh_tokens WHERE device_id = ?")) {
            statement.setObject(1, device.store().identity().deviceId().value());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static String refreshToken(Path folder) {
        return new CredentialFile(folder.resolve(CredentialFile.NAME)).load().orElseThrow().refreshToken();
    }
}
