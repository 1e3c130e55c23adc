package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.sync.SyncStage;
import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.desktop.sync.faults.HoldingProxy;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.learning.Note;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fault runs (FaultInjectionIT) found about one sync run, pinned down without randomness: a run that ends
 * well leaves the device holding the server's rows, and a run that breaks after its push leaves no deleted note
 * standing again.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncRunEndsConvergedIT {

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
    void aChangeMadeWhileTheEnginePullsIsPushedAndWhatItChangedOnTheServerIsPulledInTheSameRun() {
        Catalog.Course course = server.course(2);
        Accounts.SignedIn ana = server.learnerIn(course, "Ana");
        Ledger ledger = new Ledger();
        try (SyncedDevice laptop = SyncedDevice.open(folders.resolve("during-pull"), Clock.systemUTC(), SyncedDevice.MANUAL,
                ledger)) {
            laptop.signIn(server.url(), ana.email(), Accounts.PASSWORD);
            laptop.syncOnce();
            AtomicBoolean studied = new AtomicBoolean();
            laptop.sync().addListener(status -> {
                // The learner goes on studying while the engine pulls: the change is queued behind the first push.
                if (status.stage() == SyncStage.PULL && studied.compareAndSet(false, true)) {
                    laptop.study(course.lesson(1), 25, 40);
                }
            });

            SyncSummary summary = laptop.syncOnce();

            assertThat(studied).isTrue();
            assertThat(summary.pushed()).as("%s", summary).isEqualTo(1);
            // The server rolled the progress up into the enrollment: the run ends holding that too.
            Convergence.assertConverged(server.superuser(), ana.user(), laptop);
            Convergence.assertExactlyOnce(server.superuser(), ana.user(), ledger);
        }
    }

    @Test
    void aNoteWrittenAndDeletedOfflineStaysDeletedWhenTheSyncBreaksAfterThePush() throws Exception {
        Catalog.Course course = server.course(2);
        Accounts.SignedIn ben = server.learnerIn(course, "Ben");
        Ledger ledger = new Ledger();
        try (SyncedDevice laptop = SyncedDevice.open(folders.resolve("deleted"), Clock.systemUTC(), SyncedDevice.MANUAL,
                ledger)) {
            laptop.signIn(proxy.url(), ben.email(), Accounts.PASSWORD);
            laptop.syncOnce();
            Note gone = laptop.writeNote(course.lesson(0), "Written and deleted offline");
            laptop.deleteNote(gone.id().value());
            laptop.writeNote(course.lesson(1), "Kept");

            proxy.refuse("POST /api/v1/sync/pull ");
            CompletableFuture<SyncSummary> broken = laptop.sync().syncNow();
            assertThatThrownBy(() -> broken.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            proxy.refuse(null);

            assertThat(laptop.store().outbox().pendingCount()).as("the push was answered").isZero();
            assertThat(laptop.store().notes().find(laptop.user(), gone.id())).as("the deleted note").isEmpty();
            laptop.syncOnce();
            Convergence.assertConverged(server.superuser(), ben.user(), laptop);
            Convergence.assertExactlyOnce(server.superuser(), ben.user(), ledger);
        }
    }
}
