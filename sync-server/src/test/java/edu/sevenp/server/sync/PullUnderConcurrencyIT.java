package edu.sevenp.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.protocol.PullRequest;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PulledChange;
import edu.sevenp.model.protocol.StreamPage;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.Learning;
import edu.sevenp.server.testing.RunningServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Pull under concurrency (docs/sync-protocol.md, section 6), a property checked for many seeds: writers commit
 * the learner's rows in parallel, some holding their transaction open while later ones commit, some rolling
 * back; a reader pulls in a loop with small pages the whole time. The reader ends with every committed row,
 * each delivered exactly once, and never a rolled-back one. A plain sequence or timestamp cursor fails this:
 * the late committer's row falls behind the reader's cursor.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PullUnderConcurrencyIT {

    /** Seeds CI runs; SEVENP_PULL_SEEDS runs more (a soak). */
    private static final int SEEDS = Integer.getInteger("sevenp.pullSeeds", 12);
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private RunningServer server;
    private Accounts accounts;
    private Catalog.Course course;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        course = new Catalog(database.superuser()).freeCourse(accounts.instructor("Teacher").user(), "concurrency", 3);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aReaderPullingDuringConcurrentCommitsGetsEveryRowExactlyOnce() throws Exception {
        for (long seed = 1; seed <= SEEDS; seed++) {
            runOnce(seed);
        }
    }

    private void runOnce(long seed) throws Exception {
        Random random = new Random(seed);
        Device reader = new Device(accounts.learner("Reader" + seed));
        reader.push(new Learning(reader.user(), course).enroll(NOW));
        Map<String, String> cursors = new LinkedHashMap<>();
        Map<UUID, Integer> deliveries = new HashMap<>();
        pullUntilDone(reader.api(), cursors, deliveries, 500);
        deliveries.clear();

        int writers = 2 + random.nextInt(3);
        int perWriter = 10 + random.nextInt(15);
        Set<UUID> committed = ConcurrentHashMap.newKeySet();
        Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            long writerSeed = random.nextLong();
            work.add(pool.submit(() -> {
                write(server.database().superuser(), reader.user(), new Random(writerSeed), perWriter, committed, rolledBack);
                return null;
            }));
        }
        pool.shutdown();
        while (!pool.awaitTermination(5, TimeUnit.MILLISECONDS)) {
            pullUntilDone(reader.api(), cursors, deliveries, 1 + random.nextInt(7));
        }
        for (Future<?> done : work) {
            done.get(60, TimeUnit.SECONDS);
        }
        pullUntilDone(reader.api(), cursors, deliveries, 50);

        assertThat(deliveries.keySet()).as("seed %d: every committed row, none rolled back", seed)
                .containsExactlyInAnyOrderElementsOf(committed);
        assertThat(deliveries.values()).as("seed %d: each delivered exactly once", seed).containsOnly(1);
        assertThat(rolledBack).as("seed %d: the run rolled some back", seed).doesNotContainAnyElementsOf(deliveries.keySet());
    }

    /** Pulls (pages of {@code limit}) until the server has nothing more; counts feed deliveries of notes. */
    private static void pullUntilDone(ApiClient api, Map<String, String> cursors, Map<UUID, Integer> deliveries, int limit) {
        for (int round = 0; round < 10_000; round++) {
            ApiClient.Response response = api.post("/api/v1/sync/pull", new PullRequest(cursors, limit));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            PullResponse answer = response.as(PullResponse.class);
            for (StreamPage page : answer.streams()) {
                if (Streams.USER.equals(page.stream()) && !page.bootstrap()) {
                    for (PulledChange change : page.changes()) {
                        if (change instanceof PulledChange.Upsert upsert && "user_notes".equals(upsert.row().table())) {
                            deliveries.merge(upsert.row().id(), 1, Integer::sum);
                        }
                    }
                }
                cursors.put(page.stream(), page.cursor());
            }
            if (!answer.more()) {
                return;
            }
        }
        throw new AssertionError("the pull never ended");
    }

    /**
     * Inserts notes in transactions of one to three rows; a third of them wait before committing (their
     * transaction id was taken long before later ones commit), a tenth roll back.
     */
    private void write(DataSource superuser, UUID user, Random random, int transactions, Set<UUID> committed,
            Set<UUID> rolledBack) throws SQLException, InterruptedException {
        try (Connection connection = superuser.getConnection()) {
            connection.setAutoCommit(false);
            for (int t = 0; t < transactions; t++) {
                List<UUID> ids = new ArrayList<>();
                int rows = 1 + random.nextInt(3);
                for (int r = 0; r < rows; r++) {
                    UUID id = UUID.randomUUID();
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO user_notes (id, user_id, lesson_id,"
                            + " course_id, content) VALUES (?, ?, ?, ?, ?)")) {
                        insert.setObject(1, id);
                        insert.setObject(2, user);
                        insert.setObject(3, course.lesson(random.nextInt(3)));
                        insert.setObject(4, course.id());
                        insert.setString(5, "note " + id);
                        insert.execute();
                    }
                    ids.add(id);
                }
                if (random.nextInt(3) == 0) {
                    Thread.sleep(5 + random.nextInt(40));
                }
                if (random.nextInt(10) == 0) {
                    connection.rollback();
                    rolledBack.addAll(ids);
                } else {
                    connection.commit();
                    committed.addAll(ids);
                }
            }
        }
    }
}
