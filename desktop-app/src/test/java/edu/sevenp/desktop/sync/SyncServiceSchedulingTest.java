package edu.sevenp.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the engine syncs on its own (issue 9, "Scheduling"): on its timer, again after a transient failure with no
 * new local write, at once when the push channel says so or the learner asks, and never two runs at a time. Real
 * (short) delays against a server in memory.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SyncServiceSchedulingTest {

    private static final URI SERVER = URI.create("https://sync.example.org/");
    private static final SyncFailure OFFLINE = new SyncFailure(SyncFailure.Kind.UNREACHABLE, null,
            "Cannot reach the server: this computer seems to be offline. Nothing is lost.", null, null);

    @TempDir
    Path temp;

    private final ScriptedServer server = new ScriptedServer();
    private final List<SyncStatus> seen = new CopyOnWriteArrayList<>();
    private LocalStore store;
    private SyncService sync;

    @AfterEach
    void close() {
        if (sync != null) {
            sync.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theTimerSyncsAgainAndAgainWithNobodyAsking() {
        start(new SyncService.Schedule(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofDays(1),
                Duration.ofDays(1), false));

        waitUntil(() -> server.pulls.get() >= 3);

        assertThat(sync.status().lastSuccess()).isNotNull();
        assertThat(sync.status().connection()).isEqualTo(SyncStatus.Connection.ONLINE);
    }

    @Test
    void offlineIsReportedInWordsAndTheEngineTriesAgainByItselfUntilTheServerAnswers() {
        server.failContactWith(OFFLINE);
        start(new SyncService.Schedule(Duration.ofMillis(10), Duration.ofDays(1), Duration.ofMillis(50),
                Duration.ofMillis(200), false));

        waitUntil(() -> seen.stream().filter(status -> status.activity() == SyncStatus.Activity.WAITING_TO_RETRY).count() >= 2);
        SyncStatus offline = sync.status();
        assertThat(offline.connection()).isEqualTo(SyncStatus.Connection.OFFLINE);
        assertThat(offline.lastError()).isEqualTo(OFFLINE.getMessage());
        assertThat(offline.nextAttempt()).as("the next try is planned, and said when").isNotNull();
        assertThat(server.pulls).hasValue(0);

        server.failContactWith(null);

        waitUntil(() -> server.pulls.get() >= 1 && sync.status().activity() == SyncStatus.Activity.IDLE);
        assertThat(sync.status().connection()).isEqualTo(SyncStatus.Connection.ONLINE);
        assertThat(sync.status().lastError()).as("cleared by the success").isNull();
        assertThat(sync.status().lastSuccess()).isNotNull();
    }

    @Test
    void aFailureTheLearnerMustActOnIsNotRetried() throws InterruptedException {
        server.failRequestsWith(new SyncFailure(SyncFailure.Kind.PROTOCOL_MISMATCH, "unsupported_protocol",
                "This app and the server speak no common protocol version; update the app.", null, null));
        start(new SyncService.Schedule(Duration.ofMillis(10), Duration.ofDays(1), Duration.ofMillis(20),
                Duration.ofMillis(20), false));

        waitUntil(() -> sync.status().activity() == SyncStatus.Activity.NEEDS_ATTENTION);
        Thread.sleep(300);

        assertThat(sync.status().nextAttempt()).isNull();
        assertThat(server.contacts).as("one run only: no retry").hasValue(1);
    }

    @Test
    void thePushChannelOpeningOrSayingSomethingChangedSyncsAtOnce() throws Exception {
        start(new SyncService.Schedule(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1),
                true));
        ServerEvents events = server.channel.get(10, TimeUnit.SECONDS);
        events.opened();
        waitUntil(() -> server.pulls.get() == 1 && !sync.status().syncing());

        events.changed(List.of("user"));

        waitUntil(() -> server.pulls.get() == 2);
    }

    @Test
    void askingWhileARunIsGoingRunsOnceMoreAfterItNeverTwoAtATime() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        server.holdPullsUntil(gate);
        start(new SyncService.Schedule(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1),
                false));
        CompletableFuture<SyncSummary> first = sync.syncNow();
        waitUntil(() -> sync.status().stage() == SyncStage.PULL);

        CompletableFuture<SyncSummary> second = sync.syncNow();
        CompletableFuture<SyncSummary> third = sync.syncNow();
        gate.countDown();

        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(third).as("asked together with the second: answered by the same run").isSameAs(second);
        assertThat(server.mostPullsAtOnce).hasValue(1);
        assertThat(server.pulls).as("the running sync and one after it").hasValue(2);
    }

    @Test
    void aNewLocalChangeIsSentSoonWithoutWaitingForTheTimer() throws InterruptedException {
        start(new SyncService.Schedule(Duration.ofMillis(10), Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1),
                false, Duration.ofMillis(50)));
        waitUntil(() -> server.pulls.get() == 1 && sync.status().activity() == SyncStatus.Activity.IDLE);
        sync.recount();
        Thread.sleep(200);
        assertThat(server.pushes).as("nothing new: nothing sent").hasValue(0);

        StoreFixture fixture = new StoreFixture(store);
        store.enrollments().enroll(fixture.learner(), fixture.course("SQL", 1, 1).id(), OffsetDateTime.now());
        sync.recount();

        waitUntil(() -> server.pushes.get() == 1);
        assertThat(server.pulls).as("the run that pushed pulled too").hasValueGreaterThanOrEqualTo(1);
    }

    @Test
    void aLocalChangeWaitsForTheRetryWhileTheServerCannotBeReached() throws InterruptedException {
        server.failContactWith(OFFLINE);
        start(new SyncService.Schedule(Duration.ofMillis(10), Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1),
                false, Duration.ofMillis(50)));
        waitUntil(() -> sync.status().activity() == SyncStatus.Activity.WAITING_TO_RETRY);
        int contacts = server.contacts.get();

        StoreFixture fixture = new StoreFixture(store);
        store.enrollments().enroll(fixture.learner(), fixture.course("SQL", 1, 1).id(), OffsetDateTime.now());
        sync.recount();
        Thread.sleep(300);

        assertThat(server.contacts).as("the backoff stands: no extra attempt for a new change").hasValue(contacts);
        assertThat(sync.status().pendingChanges()).isEqualTo(1);
    }

    private void start(SyncService.Schedule schedule) {
        Path folder = temp.resolve("profile");
        store = LocalStore.openFile(folder, "default", Clock.systemUTC());
        CredentialFile credentials = new CredentialFile(folder.resolve(CredentialFile.NAME));
        credentials.save(new Credentials(SERVER, ScriptedServer.USER, "ana@example.org", "Ana",
                store.identity().deviceId().value(), "refresh-1", OffsetDateTime.now().plusDays(90)));
        sync = new SyncService(store, credentials, server, new Installation("Test laptop", "Linux", "test"), null,
                schedule, Clock.systemUTC(), new SplittableRandom(7));
        sync.addListener(seen::add);
        sync.start();
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 20 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
