package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ChildJvm;
import edu.sevenp.desktop.sync.faults.HoldingProxy;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, end-to-end scenario 2: the player (a JVM of its own) is killed with SIGKILL while it pushes, once before
 * the server has seen the push (the request is held at a proxy) and once after the server committed it but before
 * the player heard the answer (the response is held). Started again, it pushes the same changes, and each is applied
 * exactly once.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class KilledDuringPushIT {

    private static final String PUSH = "POST /api/v1/sync/push ";
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(90);

    private EndToEndServer server;
    private HoldingProxy proxy;

    @TempDir
    Path folders;

    @BeforeAll
    void start(TestDatabase database) throws Exception {
        server = EndToEndServer.start(database);
        proxy = HoldingProxy.start(new InetSocketAddress("127.0.0.1", server.server().port()));
    }

    @AfterAll
    void stop() {
        proxy.close();
        server.close();
    }

    @Test
    void killedBeforeTheServerSawThePushEachChangeIsAppliedOnceAfterTheRestart() throws Exception {
        Catalog.Course course = server.course(3);
        Accounts.SignedIn ana = server.learnerIn(course, "Ana");
        Ledger ledger = new Ledger();
        Path folder = preparedDevice(course, ana, ledger, "before");

        proxy.holdNext(PUSH, 1, HoldingProxy.Hold.REQUEST);
        try (ChildJvm player = ChildJvm.start(SyncingPlayer.class, folder.toString(), "plain")) {
            proxy.awaitHeld(CHILD_LIMIT);
            player.killHard();
        }
        proxy.discard();
        assertThat(LearnerRows.onServer(server.superuser(), ana.user()).table("user_notes"))
                .as("the server never saw the push").isEmpty();

        syncInAChild(folder);

        assertConvergedOnce(folder, ana.user(), ledger);
    }

    @Test
    void killedAfterTheServerCommittedThePushEachChangeIsAppliedOnceAfterTheRestart() throws Exception {
        Catalog.Course course = server.course(3);
        Accounts.SignedIn ben = server.learnerIn(course, "Ben");
        Ledger ledger = new Ledger();
        Path folder = preparedDevice(course, ben, ledger, "after");

        proxy.holdNext(PUSH, 1, HoldingProxy.Hold.RESPONSE);
        try (ChildJvm player = ChildJvm.start(SyncingPlayer.class, folder.toString(), "plain")) {
            proxy.awaitHeld(CHILD_LIMIT);
            player.killHard();
        }
        proxy.discard();
        assertThat(LearnerRows.onServer(server.superuser(), ben.user()).table("user_notes"))
                .as("the server committed the push before the player was killed").hasSize(3);

        syncInAChild(folder);

        assertConvergedOnce(folder, ben.user(), ledger);
    }

    /** A signed-in device holding the course, with notes and progress queued; closed, for a child to open. */
    private Path preparedDevice(Catalog.Course course, Accounts.SignedIn learner, Ledger ledger, String name) {
        Path folder = folders.resolve(name);
        try (SyncedDevice device = SyncedDevice.open(folder, Clock.systemUTC(), SyncedDevice.MANUAL, ledger)) {
            device.signIn(proxy.url(), learner.email(), Accounts.PASSWORD);
            device.syncOnce();
            for (int i = 0; i < 3; i++) {
                device.writeNote(course.lesson(i), "Note " + i + " of " + name);
                device.study(course.lesson(i), 40 + i, 30 * i);
            }
            device.complete(course.lesson(0), 15);
            assertThat(device.store().outbox().pendingCount()).isEqualTo(7);
        }
        return folder;
    }

    private static void syncInAChild(Path folder) throws Exception {
        try (ChildJvm player = ChildJvm.start(SyncingPlayer.class, folder.toString(), "plain")) {
            player.awaitLine("SYNCED", CHILD_LIMIT);
        }
    }

    private void assertConvergedOnce(Path folder, UUID user, Ledger ledger) {
        try (SyncedDevice device = SyncedDevice.open(folder, Clock.systemUTC(), SyncedDevice.MANUAL, ledger)) {
            assertThat(device.store().outbox().pendingCount()).isZero();
            assertThat(device.store().outbox().rejected()).isEmpty();
            Convergence.assertConverged(server.superuser(), user, device);
            Convergence.assertExactlyOnce(server.superuser(), user, ledger);
        }
    }
}
