package edu.sevenp.server.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import edu.sevenp.migrations.Migrations;
import edu.sevenp.migrations.Target;
import edu.sevenp.migrations.bench.BenchmarkData;
import edu.sevenp.migrations.bench.BenchmarkSize;
import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.learning.ProgressStatus;
import edu.sevenp.model.protocol.DeviceInfo;
import edu.sevenp.model.protocol.LoginRequest;
import edu.sevenp.model.protocol.PullRequest;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PushRequest;
import edu.sevenp.model.protocol.PushedChange;
import edu.sevenp.model.protocol.RegisterRequest;
import edu.sevenp.model.protocol.StreamPage;
import edu.sevenp.model.protocol.TokenGrant;
import edu.sevenp.model.sync.EnrollmentChange;
import edu.sevenp.model.sync.LearnerChange;
import edu.sevenp.model.sync.LessonProgressChange;
import edu.sevenp.model.sync.NoteChange;
import edu.sevenp.server.DatabaseConfig;
import edu.sevenp.server.ServerConfig;
import edu.sevenp.server.ServerOptions;
import edu.sevenp.server.SyncServer;
import edu.sevenp.server.maintenance.MaintenanceSchedule;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.Changes;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The sync server's benchmark (docs/benchmarks.md, "Sync server"): the real server on loopback over an embedded
 * PostgreSQL 15 holding the schema benchmark's data set, driven over HTTP.
 *
 * <pre>mvn -pl sync-server -am -Pbench-server -DskipTests verify [-Dbench.size=small]</pre>
 *
 * It prints figures; it never fails on them.
 */
public final class SyncServerBenchmark {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);
    private static final String PASSWORD = "benchmark password";
    private static final int LEARNERS = Integer.getInteger("bench.learners", 200);
    private static final int THREADS = Integer.getInteger("bench.threads", 16);

    private final StringBuilder report = new StringBuilder();
    private ApiClient api;
    private DataSource superuser;
    private String jdbcUrl;
    private PostgresCluster cluster;

    public static void main(String[] args) throws Exception {
        new SyncServerBenchmark().run();
    }

    private void run() throws Exception {
        boolean small = "small".equals(System.getProperty("bench.size"));
        BenchmarkSize size = small ? BenchmarkSize.small() : BenchmarkSize.issueSize();
        line("# Sync server benchmark, " + NOW.toLocalDate() + " (" + (small ? "small" : "issue") + " size)");
        line("");
        line("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version"));
        cluster = PostgresCluster.start();
        try {
            String database = "sevenp_bench";
            cluster.createDatabase(database, null);
            new Migrations(cluster.ownerDataSource(database), Target.POSTGRESQL).migrate();
            superuser = cluster.superuserDataSource(database);
            jdbcUrl = cluster.jdbcUrl(database);
            long started = System.nanoTime();
            new BenchmarkData(superuser, size, message -> { }).generate();
            line(String.format("data set (issue 3's schema benchmark): %,d users, %,d courses, generated in %.0f s",
                    size.users(), size.courses(), (System.nanoTime() - started) / 1e9));
            Path data = Files.createTempDirectory("sevenp-bench-server");
            DatabaseConfig databaseConfig = new DatabaseConfig(jdbcUrl, PostgresCluster.OWNER_ROLE, cluster.rolePassword(),
                    PostgresCluster.REQUEST_ROLE, cluster.rolePassword());
            // A cheap password hash: sign-in is set-up here, not what is measured.
            ServerOptions options = new ServerOptions("127.0.0.1", Optional.empty(), true, false, 1024, 1,
                    Duration.ofDays(30), 64L * 1024 * 1024);
            try (SyncServer server = SyncServer.start(new ServerConfig(0, Optional.of(databaseConfig), data,
                    MaintenanceSchedule.DEFAULT, options))) {
                api = new ApiClient("http://127.0.0.1:" + server.port());
                learners();
                pushAlone();
                emptyPulls();
                initialPull();
                pushThroughput();
            }
        } finally {
            cluster.close();
        }
        String text = report.toString();
        Path out = Path.of(System.getProperty("bench.report", "target/sync-server-benchmark.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
        System.out.println("\nReport written to " + out.toAbsolutePath());
    }

    /** 200 learners at once: each pulls, pushes 20 changes, pulls again. */
    private void learners() throws Exception {
        List<UUID> courses = freeCourses(LEARNERS);
        List<Learner> learners = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            Learner learner = signUp("load" + i);
            learner.push(List.of(enroll(learner, courses.get(i % courses.size()))));
            learners.add(learner);
        }
        Latencies pulls = new Latencies();
        Latencies pushes = new Latencies();
        AtomicLong requests = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < learners.size(); i++) {
            Learner learner = learners.get(i);
            UUID course = courses.get(i % courses.size());
            work.add(pool.submit(() -> {
                learner.pullAll(pulls, requests);
                List<LearnerChange> changes = twentyChanges(learner, course);
                long t = System.nanoTime();
                learner.push(changes);
                pushes.add(System.nanoTime() - t);
                requests.incrementAndGet();
                learner.pullAll(pulls, requests);
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        line("");
        line("## " + LEARNERS + " learners, " + THREADS + " at a time: pull, push 20 changes, pull again");
        line(String.format("- %,d requests in %.1f s: **%.0f requests/s**", requests.get(), seconds, requests.get() / seconds));
        line("- pull: " + pulls.summary());
        line("- push of 20 changes: " + pushes.summary());
    }

    /** Pushes of 20 changes by one learner with nobody else on the server: the latency a push costs by itself. */
    private void pushAlone() throws Exception {
        Learner learner = signUp("alone");
        UUID course = freeCourses(1).get(0);
        learner.push(List.of(enroll(learner, course)));
        Latencies pushes = new Latencies();
        for (int i = 0; i < 150; i++) {
            List<LearnerChange> changes = twentyChanges(learner, course);
            long t = System.nanoTime();
            learner.push(changes);
            if (i >= 50) {
                pushes.add(System.nanoTime() - t);
            }
        }
        line("");
        line("## One learner alone: push of 20 changes (10 notes, 10 progress), after 50 warm-up pushes");
        line("- push of 20 changes: " + pushes.summary());
    }

    /** An empty pull ("anything new?") with 10,000 and then 2,000,000 rows of history in the change feed. */
    private void emptyPulls() throws Exception {
        Learner learner = signUp("empty");
        UUID course = freeCourses(1).get(0);
        learner.push(List.of(enroll(learner, course)));
        line("");
        line("## Empty pull");
        long history = count("SELECT count(*) FROM sync_changes");
        for (long target : new long[] {10_000, 2_000_000}) {
            if (history < target) {
                addHistory(target - history);
                history = target;
            }
            learner.pullAll(new Latencies(), new AtomicLong());
            Latencies empty = new Latencies();
            long bytes = 0;
            long requestBytes = 0;
            for (int i = 0; i < 300; i++) {
                long t = System.nanoTime();
                ApiClient.Response response = learner.client.post("/api/v1/sync/pull", new PullRequest(learner.cursors, null));
                long elapsed = System.nanoTime() - t;
                if (i >= 50) {
                    empty.add(elapsed);
                }
                bytes = response.raw().body().length;
                requestBytes = ApiClient.JSON.writeValueAsBytes(new PullRequest(learner.cursors, null)).length;
            }
            line(String.format("- %,d rows of history: %s; answer %d bytes (body), request %d bytes", history,
                    empty.summary(), bytes, requestBytes));
        }
    }

    /** A first pull of a 500-lesson course and 10,000 of the learner's own rows. */
    private void initialPull() throws Exception {
        Learner learner = signUp("initial");
        UUID course = bigCourse(learner);
        learner.push(List.of(enroll(learner, course)));
        ownRows(learner, course, 10_000);
        long rows = 0;
        int requests = 0;
        long bytes = 0;
        long started = System.nanoTime();
        boolean more = true;
        while (more) {
            ApiClient.Response response = learner.client.post("/api/v1/sync/pull", new PullRequest(learner.cursors, 1000));
            PullResponse answer = response.as(PullResponse.class);
            for (StreamPage page : answer.streams()) {
                rows += page.changes().size();
                learner.cursors.put(page.stream(), page.cursor());
            }
            bytes += response.raw().body().length;
            requests++;
            more = answer.more();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        line("");
        line("## Initial pull: a 500-lesson course and 10,000 of the learner's rows");
        line(String.format("- %,d rows in %d requests, %.2f s end to end: **%,.0f rows/s**, %,d bytes", rows, requests, seconds,
                rows / seconds, bytes));
    }

    /** Pushing new notes in batches of 20, against a plain JDBC batch insert of the same rows over a like pool. */
    private void pushThroughput() throws Exception {
        int devices = 8;
        int batches = 60;
        List<Learner> learners = new ArrayList<>();
        UUID course = freeCourses(1).get(0);
        List<UUID> lessons = lessonsOf(course);
        for (int i = 0; i < devices; i++) {
            Learner learner = signUp("push" + i);
            learner.push(List.of(enroll(learner, course)));
            learners.add(learner);
        }
        ExecutorService pool = Executors.newFixedThreadPool(devices);
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (Learner learner : learners) {
            work.add(pool.submit(() -> {
                for (int b = 0; b < batches; b++) {
                    List<LearnerChange> notes = new ArrayList<>();
                    for (int n = 0; n < 20; n++) {
                        notes.add(note(learner, course, lessons.get(n % lessons.size()), "pushed note " + b + "/" + n));
                    }
                    learner.push(notes);
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        double pushSeconds = (System.nanoTime() - started) / 1e9;
        long changes = (long) devices * batches * 20;

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(PostgresCluster.REQUEST_ROLE);
        config.setPassword(cluster.rolePassword());
        config.setMaximumPoolSize(10);
        double plainSeconds;
        try (HikariDataSource requests = new HikariDataSource(config)) {
            started = System.nanoTime();
            work.clear();
            for (Learner learner : learners) {
                work.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        plainInsert(requests, learner.user, course, lessons);
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
            plainSeconds = (System.nanoTime() - started) / 1e9;
        }
        pool.shutdown();
        double pushRate = changes / pushSeconds;
        double plainRate = changes / plainSeconds;
        line("");
        line("## Push throughput: " + devices + " devices, " + batches + " pushes of 20 new notes each");
        line(String.format("- through the API: %,d changes in %.1f s: **%,.0f changes/s**", changes, pushSeconds, pushRate));
        line(String.format("- plain JDBC batch insert of the same rows, as the request role, 20 a transaction, 10 connections:"
                + " %.1f s: %,.0f rows/s", plainSeconds, plainRate));
        line(String.format("- the API reaches **%.0f %%** of the plain insert", 100 * pushRate / plainRate));
    }

    private static void plainInsert(DataSource requests, UUID user, UUID course, List<UUID> lessons) throws SQLException {
        try (Connection connection = requests.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement acting = connection.prepareStatement("SELECT set_config('app.user_id', ?, true)")) {
                acting.setString(1, user.toString());
                acting.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO user_notes (id, user_id, lesson_id,"
                    + " course_id, content) VALUES (?, ?, ?, ?, ?)")) {
                for (int n = 0; n < 20; n++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, user);
                    insert.setObject(3, lessons.get(n % lessons.size()));
                    insert.setObject(4, course);
                    insert.setString(5, "plain note " + n);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private List<LearnerChange> twentyChanges(Learner learner, UUID course) {
        List<UUID> lessons = lessonsOf(course);
        List<LearnerChange> changes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            changes.add(note(learner, course, lessons.get(i % lessons.size()), "note " + i));
            changes.add(new LessonProgressChange(UUID.randomUUID(), new UserId(learner.user), new LessonId(lessons.get(i % lessons.size())),
                    new CourseId(course), ProgressStatus.IN_PROGRESS, BigDecimal.valueOf(10 * i), 30 * i, 30, NOW, null, NOW));
        }
        return changes;
    }

    private static NoteChange note(Learner learner, UUID course, UUID lesson, String text) {
        return new NoteChange(new NoteId(UUID.randomUUID()), new UserId(learner.user), new LessonId(lesson),
                new CourseId(course), text, null, true, NOW, NOW, null);
    }

    private static EnrollmentChange enroll(Learner learner, UUID course) {
        return new EnrollmentChange(UUID.randomUUID(), new UserId(learner.user), new CourseId(course), EnrollmentStatus.ACTIVE,
                NOW, NOW);
    }

    private final Map<UUID, List<UUID>> lessonCache = new java.util.concurrent.ConcurrentHashMap<>();

    private List<UUID> lessonsOf(UUID course) {
        return lessonCache.computeIfAbsent(course, id -> {
            try {
                return uuids("SELECT id FROM course_lessons WHERE course_id = ? ORDER BY id", id);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<UUID> freeCourses(int count) throws SQLException {
        return uuids("SELECT id FROM courses WHERE status = 'published' AND is_free ORDER BY id LIMIT ?", count);
    }

    /** A published free course of 500 lessons of about 2 KB each, by the data set's first instructor. */
    private UUID bigCourse(Learner learner) throws SQLException {
        UUID course = UUID.randomUUID();
        update("INSERT INTO courses (id, title, slug, instructor_id, status, published_at) SELECT ?, 'Five hundred lessons',"
                + " 'five-hundred-lessons', id, 'published', now() FROM users ORDER BY created_at LIMIT 1", course);
        update("INSERT INTO course_sections (id, course_id, title, order_index) SELECT gen_random_uuid(), ?, 'Section ' || s, s"
                + " FROM generate_series(1, 10) AS s", course);
        update("INSERT INTO course_lessons (course_id, section_id, title, slug, content, content_type, order_index)"
                + " SELECT s.course_id, s.id, 'Lesson ' || s.order_index || '.' || l, 'lesson-' || s.order_index || '-' || l,"
                + " repeat('A paragraph of a lesson about relational databases. ', 40), 'text', l"
                + " FROM course_sections s CROSS JOIN generate_series(1, 50) AS l WHERE s.course_id = ?", course);
        return course;
    }

    /** 10,000 rows of the learner's own: progress in every lesson, notes and bookmarks (the feed records them). */
    private void ownRows(Learner learner, UUID course, int total) throws SQLException {
        update("INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, progress_percentage, total_time_spent,"
                + " last_position) SELECT ?, id, course_id, 'in_progress', 50, 60, 10 FROM course_lessons WHERE course_id = ?",
                learner.user, course);
        int notes = (total - 500) * 3 / 4;
        update("INSERT INTO user_notes (user_id, lesson_id, course_id, content) SELECT ?, l.id, l.course_id,"
                + " 'A note of the learner, number ' || n FROM generate_series(1, ?) AS n JOIN LATERAL (SELECT id, course_id"
                + " FROM course_lessons WHERE course_id = ? OFFSET n % 500 LIMIT 1) l ON true", learner.user, notes, course);
        update("INSERT INTO user_bookmarks (user_id, lesson_id, course_id, title) SELECT ?, l.id, l.course_id, 'Bookmark ' || n"
                + " FROM generate_series(1, ?) AS n JOIN LATERAL (SELECT id, course_id FROM course_lessons WHERE course_id = ?"
                + " OFFSET n % 500 LIMIT 1) l ON true", learner.user, total - 500 - notes, course);
    }

    /** Feed rows of other users and other courses, as months of other learners' activity leave them. */
    private void addHistory(long rows) throws SQLException {
        update("INSERT INTO sync_changes (user_id, course_id, entity, entity_id, operation)"
                + " SELECT md5('u' || (1 + i % 20000))::uuid, md5('c' || (1 + i % 1000))::uuid, 'user_notes',"
                + " gen_random_uuid(), 'U' FROM generate_series(1, ?) AS i", rows);
        update("ANALYZE sync_changes");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<UUID> uuids(String sql, Object... parameters) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = superuser.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = superuser.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.execute();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private Learner signUp(String name) {
        String email = name + "." + UUID.randomUUID().toString().substring(0, 8) + "@bench.example.org";
        api.post("/api/v1/auth/register", new RegisterRequest(email, PASSWORD, name));
        UUID device = UUID.randomUUID();
        TokenGrant grant = api.post("/api/v1/auth/login", new LoginRequest(email, PASSWORD,
                new DeviceInfo(device, "Benchmark", "Linux", "bench"))).as(TokenGrant.class);
        return new Learner(grant.user().id(), device, api.withToken(grant.accessToken()));
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    /** One simulated learner's device: its cursors and sequence numbers. */
    private static final class Learner {
        final UUID user;
        final UUID device;
        final ApiClient client;
        final Map<String, String> cursors = new LinkedHashMap<>();
        long seq;

        Learner(UUID user, UUID device, ApiClient client) {
            this.user = user;
            this.device = device;
            this.client = client;
        }

        void push(List<LearnerChange> changes) {
            List<PushedChange> pushed = new ArrayList<>();
            for (LearnerChange change : changes) {
                pushed.add(Changes.change(++seq, change));
            }
            ApiClient.Response response = client.post("/api/v1/sync/push", new PushRequest(device, 0L, pushed));
            if (response.status() != 200) {
                throw new IllegalStateException("push failed: " + response);
            }
        }

        void pullAll(Latencies latencies, AtomicLong requests) {
            boolean more = true;
            while (more) {
                long t = System.nanoTime();
                ApiClient.Response response = client.post("/api/v1/sync/pull", new PullRequest(cursors, null));
                latencies.add(System.nanoTime() - t);
                requests.incrementAndGet();
                if (response.status() != 200) {
                    throw new IllegalStateException("pull failed: " + response);
                }
                PullResponse answer = response.as(PullResponse.class);
                answer.streams().forEach(page -> cursors.put(page.stream(), page.cursor()));
                more = answer.more();
            }
        }
    }
}
