package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.migrations.testing.SharedPostgres;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.learning.Note;
import edu.sevenp.server.ServerOptions;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.EventStream;
import edu.sevenp.server.testing.Learning;
import edu.sevenp.server.testing.HotStandby;
import edu.sevenp.server.testing.RunningServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, scale-out (docs/operations.md, "Scale-out"): a primary PostgreSQL and its hot standby with streaming
 * replication, two server instances over them sharing one token secret, and learners whose devices (the player's real
 * sync engine, each with its own H2 profile) are spread over both instances, all learning and syncing at once. Every
 * learner ends with the server's rows on every device, nothing lost and nothing twice, and the pulls were read from
 * the replica.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class ScaleOutEndToEndIT {

    private static final int LEARNERS = 20;
    /** Every fourth learner has a second device, on the other instance. */
    private static final int SECOND_DEVICE_EVERY = 4;
    private static final int ROUNDS = 6;
    private static final int LESSONS = 3;
    private static final int THREADS = 6;

    private SharedPostgres postgres;
    private TestDatabase database;
    private HotStandby standby;
    private final List<RunningServer> servers = new ArrayList<>();

    @TempDir
    Path folders;

    @BeforeAll
    void start() {
        postgres = SharedPostgres.on(PostgresCluster.startEmbedded(HotStandby.PRIMARY_SETTINGS));
        database = postgres.newDatabase();
        standby = HotStandby.of(postgres.cluster());
        // Instances behind one load balancer share the token secret (docs/operations.md), nothing else.
        ServerOptions options = new ServerOptions(RunningServer.TEST_OPTIONS.host(),
                Optional.of("scale-out-test-secret-of-at-least-32-characters"), true, false,
                RunningServer.TEST_OPTIONS.passwordMemoryKib(), RunningServer.TEST_OPTIONS.passwordIterations(),
                RunningServer.TEST_OPTIONS.tombstoneHorizon(), RunningServer.TEST_OPTIONS.maxPackageBytes());
        servers.add(RunningServer.withReplica(database, standby, options));
        servers.add(RunningServer.withReplica(database, standby, options));
    }

    @AfterAll
    void stop() {
        try {
            servers.forEach(RunningServer::close);
        } finally {
            try {
                standby.close();
            } finally {
                postgres.close();
            }
        }
    }

    /** One learner and their devices, with what they did. */
    private record Learner(Accounts.SignedIn account, List<SyncedDevice> devices, Ledger ledger) {
    }

    @Test
    void learnersSpreadOverTwoInstancesConvergeWithNothingLostAndPullFromTheReplica() throws Exception {
        List<Learner> learners = new ArrayList<>();
        try {
            run(learners);
        } finally {
            learners.forEach(learner -> learner.devices().forEach(SyncedDevice::close));
        }
    }

    private void run(List<Learner> learners) throws Exception {
        EndToEndServer first = EndToEndServer.over(servers.get(0));
        Catalog.Course course = first.course(LESSONS);
        long started = System.nanoTime();
        for (int i = 0; i < LEARNERS; i++) {
            Accounts.SignedIn account = first.learnerIn(course, "Learner " + i);
            Ledger ledger = new Ledger();
            List<SyncedDevice> devices = new ArrayList<>();
            learners.add(new Learner(account, devices, ledger));
            int devicesOfLearner = i % SECOND_DEVICE_EVERY == 0 ? 2 : 1;
            for (int d = 0; d < devicesOfLearner; d++) {
                SyncedDevice device = SyncedDevice.open(folders.resolve("learner-" + i + "-device-" + d), Clock.systemUTC(),
                        SyncedDevice.MANUAL, ledger);
                device.signIn(servers.get((i + d) % servers.size()).baseUrl(), account.email(), Accounts.PASSWORD);
                devices.add(device);
            }
        }
        assertThat(tokenOfOneInstanceWorksOnTheOther(learners.get(0).account())).isEqualTo(200);

        AtomicInteger pushed = new AtomicInteger();
        AtomicInteger syncs = new AtomicInteger();
        AtomicLong maxLagBytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Thread lagSampler = new Thread(() -> sampleLag(maxLagBytes), "replica-lag");
        lagSampler.setDaemon(true);
        lagSampler.start();
        long learning = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Learner learner : learners) {
                work.add(pool.submit(() -> learn(learner, course, pushed, syncs)));
            }
            for (Future<?> done : work) {
                done.get(240, TimeUnit.SECONDS);
            }
            // Every device once more, twice: the second round brings each device what the learner's other one sent.
            for (int round = 0; round < 2; round++) {
                List<Future<?>> finals = new ArrayList<>();
                for (Learner learner : learners) {
                    for (SyncedDevice device : learner.devices()) {
                        finals.add(pool.submit(() -> count(device.syncOnce(), pushed, syncs)));
                    }
                }
                for (Future<?> done : finals) {
                    done.get(240, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
            lagSampler.interrupt();
        }
        long learnedMillis = (System.nanoTime() - learning) / 1_000_000;

        for (Learner learner : learners) {
            String context = learner.account().email();
            Convergence.assertConverged(database.superuser(), learner.account().user(), context,
                    learner.devices().toArray(SyncedDevice[]::new));
            Convergence.assertExactlyOnce(database.superuser(), learner.account().user(), learner.ledger(), context);
        }
        long replica = 0;
        long primary = 0;
        for (RunningServer server : servers) {
            JsonNode reads = server.client().get("/health").json().path("reads");
            assertThat(reads.path("replica").asLong()).as("pulls an instance read from the replica: %s", reads).isPositive();
            replica += reads.path("replica").asLong();
            primary += reads.path("primaryReplicaBehind").asLong() + reads.path("primaryReplicaDown").asLong();
        }
        assertThat(replica).as("reads served by the replica, of %d", replica + primary)
                .isGreaterThanOrEqualTo((replica + primary) / 2);
        int devices = learners.stream().mapToInt(learner -> learner.devices().size()).sum();
        System.out.printf("scale-out: learners=%d devices=%d instances=%d syncs=%d changesPushed=%d learnAndSyncMs=%d"
                        + " totalMs=%d replicaReads=%d primaryReads=%d replicaShare=%.1f%% maxReplayLagBytes=%d%n",
                LEARNERS, devices, servers.size(), syncs.get(), pushed.get(), learnedMillis,
                (System.nanoTime() - started) / 1_000_000, replica, primary, 100.0 * replica / (replica + primary),
                maxLagBytes.get());
    }

    @Test
    void aPushThroughOneInstanceReachesTheLearnersOtherDeviceListeningOnTheOther() throws Exception {
        EndToEndServer first = EndToEndServer.over(servers.get(0));
        Catalog.Course course = first.course(1);
        Accounts.SignedIn laptop = first.learnerIn(course, "Notified");
        Accounts.SignedIn phone = new Accounts(servers.get(1)).signIn(laptop.email(), UUID.randomUUID());
        try (EventStream phoneEvents = new EventStream(phone.api())) {
            assertThat(phoneEvents.next("hello", 10)).isNotNull();

            new Device(laptop).push(new Learning(laptop.user(), course).note(UUID.randomUUID(), 0, "through A",
                    OffsetDateTime.now(ZoneOffset.UTC), null));

            EventStream.Event changed = phoneEvents.next("changed", 10);
            assertThat(changed).as("the notice, from the primary's NOTIFY, on the other instance").isNotNull();
            assertThat(changed.data()).contains("\"user\"");
        }
    }

    /** The learner's rounds: each writes a note, edits the device's previous one, studies a lesson, and syncs. */
    private static void learn(Learner learner, Catalog.Course course, AtomicInteger pushed, AtomicInteger syncs) {
        List<Note> written = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            int index = round % learner.devices().size();
            SyncedDevice device = learner.devices().get(index);
            UUID lesson = course.lesson(round % LESSONS);
            written.add(device.writeNote(lesson, learner.account().email() + " round " + round));
            if (round >= learner.devices().size()) {
                Note earlier = written.get(round - learner.devices().size());
                device.editNote(earlier.id().value(), earlier.content() + ", edited", device.now());
            }
            device.study(lesson, 10 + round, Math.min(100, 15 * (round + 1)));
            count(device.syncOnce(), pushed, syncs);
        }
    }

    private static void count(SyncSummary summary, AtomicInteger pushed, AtomicInteger syncs) {
        pushed.addAndGet(summary.pushed());
        syncs.incrementAndGet();
    }

    /** The largest replay lag of the standby, sampled every 20 ms while the learners work. */
    private void sampleLag(AtomicLong max) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                max.accumulateAndGet(standby.replayLagBytes(), Math::max);
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            } catch (IllegalStateException e) {
                // The cluster is stopping at the end of the test.
                return;
            }
        }
    }

    /** An access token the first instance issued, used on the second: the instances share nothing but the database and the secret. */
    private int tokenOfOneInstanceWorksOnTheOther(Accounts.SignedIn account) {
        ApiClient other = servers.get(1).client().withToken(account.token());
        return other.get("/api/v1/me").status();
    }
}
