package edu.sevenp.desktop.bench;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.SyncRepository;
import edu.sevenp.desktop.sync.CredentialFile;
import edu.sevenp.desktop.sync.Credentials;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.desktop.sync.client.HttpSyncApi;
import edu.sevenp.desktop.sync.faults.FaultKind;
import edu.sevenp.desktop.sync.faults.FaultPlan;
import edu.sevenp.desktop.sync.faults.FaultProxy;
import edu.sevenp.desktop.sync.faults.FaultRates;
import edu.sevenp.migrations.Migrations;
import edu.sevenp.migrations.Target;
import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.DeviceInfo;
import edu.sevenp.model.protocol.PullRequest;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.StreamPage;
import edu.sevenp.server.DatabaseConfig;
import edu.sevenp.server.ServerConfig;
import edu.sevenp.server.ServerOptions;
import edu.sevenp.server.SyncServer;
import edu.sevenp.server.maintenance.MaintenanceSchedule;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The client sync engine's benchmark (docs/benchmarks.md, "Client sync"): the real engine with a durable H2
 * file against the real server on loopback over an embedded PostgreSQL 15.
 *
 * <pre>mvn -pl desktop-app -am -Pbench-sync -DskipTests verify</pre>
 *
 * It prints figures; it never fails on them.
 */
public final class SyncClientBenchmark {

    private static final String PASSWORD = "benchmark password";
    private static final int LESSONS = 500;
    private static final int OWN_ROWS = 10_000;
    private static final int OFFLINE_CHANGES = Integer.getInteger("bench.changes", 10_000);
    private static final SyncService.Schedule MANUAL = new SyncService.Schedule(Duration.ofDays(1), Duration.ofDays(1),
            Duration.ofDays(1), Duration.ofDays(1), false);

    private final Report report = new Report();
    private final Path folders;
    private DataSource superuser;
    private String serverUrl;
    private String email;
    private UUID course;

    private SyncClientBenchmark(Path folders) {
        this.folders = folders;
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(System.getProperty("bench.folder", "target/sync-client-bench"));
        Folders.deleteRecursively(folder);
        Files.createDirectories(folder);
        new SyncClientBenchmark(folder).run();
    }

    private void run() throws Exception {
        report.line("# Client sync benchmark, %s", OffsetDateTime.now(ZoneOffset.UTC).toLocalDate());
        report.line("");
        report.line("machine: %d cores, %s %s, Java %s; the player's store is a durable H2 file (as the player uses)",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"));
        try (PostgresCluster cluster = PostgresCluster.start()) {
            cluster.createDatabase("sevenp_client_bench", null);
            new Migrations(cluster.ownerDataSource("sevenp_client_bench"), Target.POSTGRESQL).migrate();
            superuser = cluster.superuserDataSource("sevenp_client_bench");
            DatabaseConfig database = new DatabaseConfig(cluster.jdbcUrl("sevenp_client_bench"), PostgresCluster.OWNER_ROLE,
                    cluster.rolePassword(), PostgresCluster.REQUEST_ROLE, cluster.rolePassword());
            ServerOptions options = new ServerOptions("127.0.0.1", Optional.empty(), true, false, 1024, 1,
                    Duration.ofDays(30), 64L * 1024 * 1024);
            Path serverData = Files.createDirectories(folders.resolve("server"));
            try (SyncServer server = SyncServer.start(new ServerConfig(0, Optional.of(database), serverData,
                    MaintenanceSchedule.DEFAULT, options))) {
                serverUrl = "http://127.0.0.1:" + server.port() + "/";
                prepare();
                String only = System.getProperty("bench.only", "");
                if (only.isEmpty() || only.contains("initial")) {
                    initialSync();
                }
                if (only.isEmpty() || only.contains("apply")) {
                    applyRate();
                }
                if (only.isEmpty() || only.contains("empty")) {
                    emptySync();
                }
                if (only.isEmpty() || only.contains("upload")) {
                    upload();
                }
                if (only.isEmpty() || only.contains("interrupted")) {
                    interruptedInitialSync(server.port());
                }
            }
        }
        Path out = Path.of(System.getProperty("bench.report", "target/sync-client-benchmark.md"));
        report.writeTo(out);
        System.out.println("\nReport written to " + out.toAbsolutePath());
    }

    /** A learner with a 500-lesson course and 10,000 rows of their own, made on the server directly. */
    private void prepare() throws Exception {
        email = "bench." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpSyncApi anonymous = new HttpSyncApi(URI.create(serverUrl), new DeviceInfo(UUID.randomUUID(), "setup", "Linux",
                "bench"), new MemoryCredentials(), Clock.systemUTC());
        UUID learner = anonymous.register(email, PASSWORD.toCharArray(), "Bench Learner").id();
        UUID instructor = anonymous.register("ines." + email, PASSWORD.toCharArray(), "Ines Instructor").id();
        course = UUID.randomUUID();
        update("INSERT INTO courses (id, title, slug, instructor_id, status, published_at) VALUES (?, 'Five hundred lessons',"
                + " ?, ?, 'published', now())", course, "five-hundred-" + course, instructor);
        update("INSERT INTO course_sections (id, course_id, title, order_index) SELECT gen_random_uuid(), ?, 'Section ' || s, s"
                + " FROM generate_series(1, 10) AS s", course);
        update("INSERT INTO course_lessons (course_id, section_id, title, slug, content, content_type, order_index)"
                + " SELECT s.course_id, s.id, 'Lesson ' || s.order_index || '.' || l, 'lesson-' || s.order_index || '-' || l,"
                + " repeat('A paragraph of a lesson about relational databases. ', 40), 'text', l"
                + " FROM course_sections s CROSS JOIN generate_series(1, 50) AS l WHERE s.course_id = ?", course);
        update("INSERT INTO enrollments (user_id, course_id, status) VALUES (?, ?, 'active')", learner, course);
        update("INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, progress_percentage, total_time_spent,"
                + " last_position) SELECT ?, id, course_id, 'in_progress', 50, 60, 10 FROM course_lessons WHERE course_id = ?",
                learner, course);
        int notes = (OWN_ROWS - LESSONS) * 3 / 4;
        update("INSERT INTO user_notes (user_id, lesson_id, course_id, content) SELECT ?, l.id, l.course_id,"
                + " 'A note of the learner, number ' || n FROM generate_series(1, ?) AS n JOIN LATERAL (SELECT id, course_id"
                + " FROM course_lessons WHERE course_id = ? OFFSET n % 500 LIMIT 1) l ON true", learner, notes, course);
        update("INSERT INTO user_bookmarks (user_id, lesson_id, course_id, title) SELECT ?, l.id, l.course_id, 'Bookmark ' || n"
                + " FROM generate_series(1, ?) AS n JOIN LATERAL (SELECT id, course_id FROM course_lessons WHERE course_id = ?"
                + " OFFSET n % 500 LIMIT 1) l ON true", learner, OWN_ROWS - LESSONS - notes, course);
        report.line("data: one course of %d lessons (about 2 KB each), the learner's %,d own rows (progress, notes, bookmarks)",
                LESSONS, OWN_ROWS);
    }

    private void initialSync() throws Exception {
        try (Device device = new Device(folders.resolve("initial"), serverUrl)) {
            device.signInOnly();
            SyncSummary summary = device.syncOnce();
            report.line("");
            report.line("## Initial sync, end to end (sign-in excluded)");
            report.line("- %,d rows in %.2f s: **%,.0f rows/s end to end**; %,d bytes received, %,d sent",
                    summary.pulledRows(), seconds(summary.elapsed()), summary.pulledRows() / seconds(summary.elapsed()),
                    summary.receivedBytes(), summary.sentBytes());
        }
    }

    /** The pages fetched first, then applied alone: H2's part of an initial sync. */
    private void applyRate() throws Exception {
        try (Device device = new Device(folders.resolve("apply"), serverUrl)) {
            HttpSyncApi api = device.signInOnly();
            List<PullResponse> pages = new ArrayList<>();
            Map<String, String> cursors = new LinkedHashMap<>();
            boolean more = true;
            while (more) {
                PullResponse answer = api.pull(new PullRequest(cursors, 1000));
                for (StreamPage page : answer.streams()) {
                    cursors.put(page.stream(), page.cursor());
                }
                pages.add(answer);
                more = answer.more();
            }
            SyncRepository sync = device.store.sync();
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long started = System.nanoTime();
            long cpuStarted = cpu.getCurrentThreadCpuTime();
            int rows = 0;
            for (PullResponse page : pages) {
                rows += sync.applyPull(page).written();
            }
            double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            device.store.flushToDisk().get(30, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - started) / 1e9;
            report.line("");
            report.line("## Applying pulled pages into H2 (durable file, flushed to disk at the end)");
            report.line("- %,d rows in %d pages, %.2f s: **%,.0f rows/s** (target at least 30,000); the applying thread's CPU"
                    + " time %.2f s (%,.0f rows per CPU-second, what a machine with a core to spare would reach)", rows,
                    pages.size(), seconds, rows / seconds, cpuSeconds, rows / cpuSeconds);
        }
    }

    private void emptySync() throws Exception {
        try (Device device = new Device(folders.resolve("empty"), serverUrl)) {
            device.signInOnly();
            for (int i = 0; i < 30; i++) {
                device.syncOnce();
            }
            Latencies times = new Latencies(300);
            long bytes = 0;
            long requestBytes = 0;
            for (int i = 0; i < 300; i++) {
                long started = System.nanoTime();
                SyncSummary summary = device.syncOnce();
                times.record(System.nanoTime() - started);
                bytes = summary.receivedBytes() + summary.sentBytes();
                requestBytes = summary.sentBytes();
            }
            report.line("");
            report.line("## Empty sync (nothing new either way; contact, push plan, one pull)");
            report.latencyTable();
            report.latencies("empty sync", times, "under 20 ms");
            report.line("");
            report.line("- bytes on the wire per empty sync, headers included: **%,d** (%,d sent); target under 2 KB", bytes,
                    requestBytes);
        }
    }

    private void upload() throws Exception {
        try (Device device = new Device(folders.resolve("upload"), serverUrl)) {
            device.signInOnly();
            device.syncOnce();
            UserId learner = device.store.identity().userId();
            List<LessonId> lessons = device.store.courses().outline(new edu.sevenp.model.CourseId(course)).orElseThrow()
                    .sections().stream().flatMap(section -> section.lessons().stream()).map(lesson -> lesson.id()).toList();
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
            long writing = System.nanoTime();
            for (int i = 0; i < OFFLINE_CHANGES; i++) {
                device.store.notes().create(learner, lessons.get(i % lessons.size()), "Offline note " + i, null, at);
            }
            double written = (System.nanoTime() - writing) / 1e9;
            SyncSummary summary = device.syncOnce();
            report.line("");
            report.line("## Uploading %,d offline changes (new notes)", OFFLINE_CHANGES);
            report.line("- written offline in %.1f s (one transaction each, as the player writes them)", written);
            report.line("- one sync: %,d changes answered in %.2f s: **%,.0f changes/s** (target: 10,000 in under 5 s);"
                    + " %,d bytes sent", summary.pushed(), seconds(summary.elapsed()),
                    summary.pushed() / seconds(summary.elapsed()), summary.sentBytes());
        }
    }

    /** Bytes the server sends for an initial sync, clean and cut once half-way, through a proxy that counts them. */
    private void interruptedInitialSync(int serverPort) throws Exception {
        long clean;
        try (FaultProxy proxy = FaultProxy.start(new InetSocketAddress("127.0.0.1", serverPort),
                FaultPlan.of(1, FaultRates.none()));
                Device device = new Device(folders.resolve("clean"), "http://127.0.0.1:" + proxy.port() + "/")) {
            device.signInOnly();
            long before = proxy.stats().bytesToClient();
            device.syncOnce();
            clean = proxy.stats().bytesToClient() - before;
        }
        long interrupted;
        int failures = 0;
        try (FaultProxy proxy = FaultProxy.start(new InetSocketAddress("127.0.0.1", serverPort),
                FaultPlan.of(7, FaultRates.only(FaultKind.CUT_RESPONSE)).withMaxFaults(1).withMaxCutBytes(200_000));
                Device device = new Device(folders.resolve("interrupted"), "http://127.0.0.1:" + proxy.port() + "/")) {
            proxy.setEnabled(false);
            device.signInOnly();
            long before = proxy.stats().bytesToClient();
            CompletableFuture<SyncSummary> first = device.sync.syncNow();
            while (!first.isDone() && proxy.stats().bytesToClient() - before < clean / 2) {
                Thread.sleep(1);
            }
            proxy.setEnabled(true);
            try {
                first.get(5, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                failures++;
            }
            proxy.setEnabled(false);
            device.syncOnce();
            interrupted = proxy.stats().bytesToClient() - before;
        }
        report.line("");
        report.line("## An initial sync cut once half-way, then resumed");
        report.line("- clean: %,d bytes from the server; cut (%d failed run) and resumed: %,d bytes: **%.3f×** (target at"
                + " most 1.05×)", clean, failures, interrupted, (double) interrupted / clean);
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = superuser.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** A device: a profile folder with its durable store, credentials and engine. */
    private final class Device implements AutoCloseable {

        final LocalStore store;
        final SyncService sync;
        final CredentialFile credentials;
        final String url;

        Device(Path folder, String url) {
            this.url = url;
            this.store = LocalStore.openFile(folder, "default");
            this.credentials = new CredentialFile(folder.resolve(CredentialFile.NAME));
            this.sync = new SyncService(store, credentials,
                    (server, device, held) -> new HttpSyncApi(server, device, held, Clock.systemUTC()),
                    new Installation("bench", "Linux", "bench"), null, MANUAL, Clock.systemUTC(), new SplittableRandom(1));
        }

        /** Signs in and links the profile without syncing; answers the client for manual pulls. */
        HttpSyncApi signInOnly() {
            HttpSyncApi api = new HttpSyncApi(URI.create(url), new DeviceInfo(store.identity().deviceId().value(), "bench",
                    "Linux", "bench"), credentials, Clock.systemUTC());
            Credentials signedIn = api.signIn(email, PASSWORD.toCharArray());
            store.adoptAccount(new UserId(signedIn.userId()), signedIn.name());
            return api;
        }

        SyncSummary syncOnce() throws Exception {
            return sync.syncNow().get(10, TimeUnit.MINUTES);
        }

        @Override
        public void close() {
            sync.close();
            store.close();
        }
    }

    /** Credentials for the set-up's anonymous calls. */
    private static final class MemoryCredentials implements edu.sevenp.desktop.sync.CredentialStore {

        private Credentials held;

        @Override
        public synchronized Optional<Credentials> load() {
            return Optional.ofNullable(held);
        }

        @Override
        public synchronized void save(Credentials credentials) {
            held = credentials;
        }

        @Override
        public synchronized void clear() {
            held = null;
        }
    }
}
