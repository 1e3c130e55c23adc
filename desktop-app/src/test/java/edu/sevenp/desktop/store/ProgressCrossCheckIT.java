package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_COMPLETIONS;
import static edu.sevenp.desktop.store.schema.Tables.ENROLLMENTS;
import static edu.sevenp.desktop.store.schema.Tables.LESSON_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.learning.Dashboard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The progress cross-check: one fixture of learner actions applied (a) through the device's store API
 * (H2, CourseRollUp) and (b) to a real PostgreSQL by plain inserts and updates of lesson_progress and
 * enrollments that fire V12's triggers, in several arrival orders; enrollments, completions and lesson
 * progress must come out the same, and so must the dashboard and get_user_dashboard.
 *
 * <p>The fixture: course A (two sections, four lessons), course B (three lessons) and E (no lessons).
 * Ana completes A (one lesson arriving already completed, one completion re-sent, a visit after
 * completing) and studies B; Ben half-finishes A with a rewind and a re-sent row, and drops B; Cai
 * studies A without ever enrolling; Dev completes B and enrolls afterwards, then re-sends a row; Eve
 * enrolls in the empty course; Fay drops B and then finishes it. On PostgreSQL a progress row is applied
 * the way the server merges a LessonProgressChange (docs/sync-payloads.md).
 */
@PostgresTest
class ProgressCrossCheckIT {

    private static final ObjectMapper JSON = JsonMapperFactory.create();
    private static final OffsetDateTime D = OffsetDateTime.parse("2025-03-03T09:00:00Z");
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2024-01-02T03:04:05Z");

    private static final UUID ANA = id("a1");
    private static final UUID BEN = id("b1");
    private static final UUID CAI = id("c1");
    private static final UUID DEV = id("d1");
    private static final UUID EVE = id("e1");
    private static final UUID FAY = id("f1");
    private static final List<UUID> LEARNERS = List.of(ANA, BEN, CAI, DEV, EVE, FAY);
    private static final UUID INSTRUCTOR = id("1000");

    private static final UUID A = id("ca");
    private static final UUID B = id("cb");
    private static final UUID E = id("ce");
    private static final List<List<UUID>> A_LESSONS = List.of(List.of(id("a01"), id("a02")), List.of(id("a03"), id("a04")));
    private static final List<List<UUID>> B_LESSONS = List.of(List.of(id("b01"), id("b02"), id("b03")));
    private static final UUID STREAK = id("ac1");
    private static final UUID FIRST_QUIZ = id("ac2");

    /** A learner's action, as the device records it and the server receives it. */
    sealed interface Event permits Enroll, Drop, Study, Complete {
    }

    record Enroll(UUID user, UUID course, OffsetDateTime at) implements Event {
    }

    record Drop(UUID user, UUID course, OffsetDateTime at) implements Event {
    }

    record Study(UUID user, UUID lesson, OffsetDateTime at, int position, String percentage, int seconds) implements Event {
    }

    record Complete(UUID user, UUID lesson, OffsetDateTime at, int seconds) implements Event {
    }

    record EnrollmentRow(UUID user, UUID course, String status, BigDecimal progress, Instant enrolledAt,
            Instant completedAt, Instant lastAccessedAt) {
    }

    record CompletionRow(UUID user, UUID course, Instant completedAt, BigDecimal percentage, int totalTimeSpent) {
    }

    record ProgressRow(UUID user, UUID lesson, String status, BigDecimal percentage, int position, int timeSpent,
            Instant startedAt, Instant completedAt, Instant lastAccessedAt) {
    }

    /** Everything compared, sorted by learner and course or lesson. */
    record Outcome(List<EnrollmentRow> enrollments, List<CompletionRow> completions, List<ProgressRow> progress,
            Map<UUID, Dashboard> dashboards) {
    }

    private final TestDatabase database;

    ProgressCrossCheckIT(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    static void writeCatalogAndLearners(TestDatabase database) throws SQLException {
        try (Connection connection = database.superuser().getConnection()) {
            update(connection, "INSERT INTO users (id, email, name) VALUES (?, 'instructor@example.org', 'Instructor')",
                    INSTRUCTOR);
            for (UUID learner : LEARNERS) {
                update(connection, "INSERT INTO users (id, email, name, avatar_url, bio, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                        learner, name(learner).toLowerCase() + "@example.org", name(learner), avatar(learner), bio(learner),
                        CREATED);
            }
            course(connection, A, "Joins", "https://cdn.example.org/joins.png", "advanced", A_LESSONS);
            course(connection, B, "Indexes", null, "beginner", B_LESSONS);
            course(connection, E, "Empty course", null, "intermediate", List.of());
            String achievement = """
                    INSERT INTO user_achievements (id, user_id, achievement_code, title, description, icon_url, course_id,
                                                   metadata, earned_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""";
            update(connection, achievement, STREAK, ANA, "streak_30", "30-day streak", null, null, null, "{}", D.minusDays(9));
            update(connection, achievement, FIRST_QUIZ, ANA, "first_quiz", "First quiz", "Passed a quiz",
                    "https://cdn.example.org/quiz.svg", A, "{\"score\": 90}", D.minusDays(20));
        }
    }

    /** The fixture in the order the learners studied. */
    static List<Event> asStudied() {
        List<UUID> a = A_LESSONS.stream().flatMap(List::stream).toList();
        List<UUID> b = B_LESSONS.get(0);
        return List.of(
                new Enroll(ANA, A, D),
                new Study(ANA, a.get(0), D.plusHours(1), 120, "40", 120),
                new Complete(ANA, a.get(0), D.plusHours(2), 60),
                new Study(ANA, a.get(1), D.plusHours(3), 300, "75.5", 300),
                new Complete(ANA, a.get(2), D.plusHours(4), 200),
                new Complete(ANA, a.get(1), D.plusHours(5), 100),
                new Complete(ANA, a.get(3), D.plusHours(26), 400),
                new Complete(ANA, a.get(3), D.plusHours(26), 0),
                new Study(ANA, a.get(0), D.plusHours(30), 10, "10", 30),
                new Enroll(ANA, B, D.plusHours(31)),
                new Complete(ANA, b.get(0), D.plusHours(32), 90),
                new Study(ANA, b.get(1), D.plusHours(33), 45, "20", 45),

                new Enroll(BEN, A, D),
                new Complete(BEN, a.get(0), D.plusHours(1), 50),
                new Study(BEN, a.get(1), D.plusHours(2), 100, "50", 100),
                new Study(BEN, a.get(1), D.plusHours(3), 60, "30", 40),
                new Complete(BEN, a.get(2), D.plusHours(4), 70),
                new Complete(BEN, a.get(0), D.plusHours(1), 0),
                new Enroll(BEN, B, D.plusHours(5)),
                new Drop(BEN, B, D.plusHours(6)),

                new Complete(CAI, a.get(0), D.plusHours(1), 30),
                new Complete(CAI, a.get(1), D.plusHours(2), 30),
                new Complete(CAI, a.get(2), D.plusHours(3), 30),
                new Complete(CAI, a.get(3), D.plusHours(4), 30),
                new Study(CAI, a.get(0), D.plusHours(5), 3, "3", 3),

                new Complete(DEV, b.get(0), D.plusHours(1), 20),
                new Complete(DEV, b.get(1), D.plusHours(2), 20),
                new Complete(DEV, b.get(2), D.plusHours(3), 20),
                new Enroll(DEV, B, D.plusHours(10)),
                new Complete(DEV, b.get(2), D.plusHours(3), 0),

                new Enroll(EVE, E, D),

                new Enroll(FAY, B, D),
                new Study(FAY, b.get(0), D.plusHours(1), 5, "5", 5),
                new Drop(FAY, B, D.plusHours(2)),
                new Complete(FAY, b.get(0), D.plusHours(3), 10),
                new Complete(FAY, b.get(1), D.plusHours(4), 10),
                new Complete(FAY, b.get(2), D.plusHours(5), 10));
    }

    static Stream<Arguments> arrivalOrders() {
        List<Arguments> orders = new ArrayList<>();
        orders.add(Arguments.of("as studied", asStudied()));
        List<Event> reversed = new ArrayList<>(asStudied());
        Collections.reverse(reversed);
        orders.add(Arguments.of("reversed", reversed));
        for (long seed = 1; seed <= 4; seed++) {
            List<Event> shuffled = new ArrayList<>(asStudied());
            Collections.shuffle(shuffled, new Random(seed));
            orders.add(Arguments.of("shuffled with seed " + seed, shuffled));
        }
        return orders.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrivalOrders")
    void theDeviceRollsUpProgressExactlyAsTheServersTrigger(String order, List<Event> events) throws SQLException {
        Outcome device = onTheDevice(events);
        Outcome server = onTheServer(events);

        assertThat(device.enrollments()).isEqualTo(server.enrollments());
        assertThat(device.completions()).isEqualTo(server.completions());
        assertThat(device.progress()).isEqualTo(server.progress());
        assertThat(device.dashboards()).isEqualTo(server.dashboards());
    }

    @Test
    void inTheOrderStudiedTheFixtureReachesEveryCase() throws SQLException {
        Outcome server = onTheServer(asStudied());

        assertThat(server.enrollments()).containsExactlyInAnyOrder(
                new EnrollmentRow(ANA, A, "completed", percent("100"), i(D), i(D.plusHours(26)), i(D.plusHours(30))),
                new EnrollmentRow(ANA, B, "active", percent("33.33"), i(D.plusHours(31)), null, i(D.plusHours(33))),
                new EnrollmentRow(BEN, A, "active", percent("50"), i(D), null, i(D.plusHours(4))),
                new EnrollmentRow(BEN, B, "dropped", percent("0"), i(D.plusHours(5)), null, null),
                // Enrolled after finishing: completed from the rows already there; the re-sent row moved the access.
                new EnrollmentRow(DEV, B, "completed", percent("100"), i(D.plusHours(10)), i(D.plusHours(3)), i(D.plusHours(3))),
                new EnrollmentRow(EVE, E, "active", percent("0"), i(D), null, null),
                new EnrollmentRow(FAY, B, "completed", percent("100"), i(D), i(D.plusHours(5)), i(D.plusHours(5))));
        assertThat(server.completions()).containsExactlyInAnyOrder(
                new CompletionRow(ANA, A, i(D.plusHours(26)), percent("100"), 180 + 400 + 200 + 400),
                new CompletionRow(DEV, B, i(D.plusHours(3)), percent("100"), 60),
                new CompletionRow(FAY, B, i(D.plusHours(5)), percent("100"), 35));
        assertThat(server.progress()).filteredOn(row -> row.user().equals(CAI)).hasSize(4);
        assertThat(server.dashboards().get(ANA).activeEnrollments()).extracting(recent -> recent.course().id())
                .containsExactly(new CourseId(B));
        assertThat(server.dashboards().get(ANA).achievements()).extracting(Dashboard.Achievement::id)
                .containsExactly(STREAK, FIRST_QUIZ);
        assertThat(onTheDevice(asStudied())).isEqualTo(server);
    }

    // ---- (a) the device -----------------------------------------------------------------------------

    private static Outcome onTheDevice(List<Event> events) {
        try (LocalStore store = LocalStore.openInMemory("cross-check-" + UUID.randomUUID())) {
            StoreFixture fixture = new StoreFixture(store);
            for (UUID learner : LEARNERS) {
                fixture.user(learner, name(learner), avatar(learner), bio(learner), CREATED);
            }
            fixture.course(A, "Joins", "https://cdn.example.org/joins.png", "advanced", A_LESSONS);
            fixture.course(B, "Indexes", null, "beginner", B_LESSONS);
            fixture.course(E, "Empty course", null, "intermediate", List.of());
            fixture.achievement(STREAK, new UserId(ANA), "streak_30", "30-day streak", null, null, null, "{}", D.minusDays(9));
            fixture.achievement(FIRST_QUIZ, new UserId(ANA), "first_quiz", "First quiz", "Passed a quiz",
                    "https://cdn.example.org/quiz.svg", new CourseId(A), "{\"score\": 90}", D.minusDays(20));
            for (Event event : events) {
                apply(store, event);
            }
            Map<UUID, Dashboard> dashboards = new LinkedHashMap<>();
            LEARNERS.forEach(learner -> dashboards.put(learner, store.dashboards().dashboard(new UserId(learner))));
            return new Outcome(
                    sorted(fixture.dsl().selectFrom(ENROLLMENTS).fetch(row -> new EnrollmentRow(row.getUserId(),
                            row.getCourseId(), row.getStatus(), percent(row.getProgress()), i(row.getEnrolledAt()),
                            i(row.getCompletedAt()), i(row.getLastAccessedAt())))),
                    sorted(fixture.dsl().selectFrom(COURSE_COMPLETIONS).fetch(row -> new CompletionRow(row.getUserId(),
                            row.getCourseId(), i(row.getCompletedAt()), percent(row.getCompletionPercentage()),
                            row.getTotalTimeSpent()))),
                    sorted(fixture.dsl().selectFrom(LESSON_PROGRESS).fetch(row -> new ProgressRow(row.getUserId(),
                            row.getLessonId(), row.getStatus(), percent(row.getProgressPercentage()), row.getLastPosition(),
                            row.getTotalTimeSpent(), i(row.getStartedAt()), i(row.getCompletedAt()),
                            i(row.getLastAccessedAt())))),
                    dashboards);
        }
    }

    private static void apply(LocalStore store, Event event) {
        if (event instanceof Enroll enroll) {
            store.enrollments().enroll(new UserId(enroll.user()), new CourseId(enroll.course()), enroll.at());
        } else if (event instanceof Drop drop) {
            store.enrollments().drop(new UserId(drop.user()), new CourseId(drop.course()), drop.at());
        } else if (event instanceof Study study) {
            store.progress().record(new UserId(study.user()), new LessonId(study.lesson()),
                    ProgressEntry.visit(study.at(), study.position(), new BigDecimal(study.percentage()), study.seconds()));
        } else if (event instanceof Complete complete) {
            store.progress().record(new UserId(complete.user()), new LessonId(complete.lesson()),
                    ProgressEntry.completion(complete.at(), complete.seconds()));
        }
    }

    // ---- (b) the server -----------------------------------------------------------------------------

    /** How the server applies a LessonProgressChange: merged by (user, lesson), the triggers do the rest. */
    private static final String MERGE_PROGRESS = """
            INSERT INTO lesson_progress AS lp (user_id, lesson_id, status, progress_percentage, last_position,
                                               total_time_spent, started_at, completed_at, last_accessed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id, lesson_id) DO UPDATE SET
              status = CASE WHEN lp.status = 'completed' OR excluded.status = 'completed' THEN 'completed'
                            ELSE excluded.status END,
              progress_percentage = greatest(lp.progress_percentage, excluded.progress_percentage),
              last_position = CASE WHEN ? AND excluded.last_accessed_at >= lp.last_accessed_at
                                   THEN excluded.last_position ELSE lp.last_position END,
              total_time_spent = lp.total_time_spent + excluded.total_time_spent,
              started_at = least(lp.started_at, excluded.started_at),
              completed_at = coalesce(lp.completed_at, excluded.completed_at),
              last_accessed_at = greatest(lp.last_accessed_at, excluded.last_accessed_at)""";

    private Outcome onTheServer(List<Event> events) throws SQLException {
        try (Connection connection = database.superuser().getConnection()) {
            Object[] learners = LEARNERS.toArray();
            update(connection, "DELETE FROM enrollments WHERE user_id = ANY (?)", connection.createArrayOf("uuid", learners));
            update(connection, "DELETE FROM course_completions WHERE user_id = ANY (?)",
                    connection.createArrayOf("uuid", learners));
            update(connection, "DELETE FROM lesson_progress WHERE user_id = ANY (?)", connection.createArrayOf("uuid", learners));
            for (Event event : events) {
                apply(connection, event);
            }
            Map<UUID, Dashboard> dashboards = new LinkedHashMap<>();
            for (UUID learner : LEARNERS) {
                dashboards.put(learner, dashboard(learner));
            }
            return new Outcome(
                    sorted(rows(connection, "SELECT * FROM enrollments", row -> new EnrollmentRow(uuid(row, "user_id"),
                            uuid(row, "course_id"), row.getString("status"), percent(row.getBigDecimal("progress")),
                            instant(row, "enrolled_at"), instant(row, "completed_at"), instant(row, "last_accessed_at")))),
                    sorted(rows(connection, "SELECT * FROM course_completions", row -> new CompletionRow(uuid(row, "user_id"),
                            uuid(row, "course_id"), instant(row, "completed_at"),
                            percent(row.getBigDecimal("completion_percentage")), row.getInt("total_time_spent")))),
                    sorted(rows(connection, "SELECT * FROM lesson_progress", row -> new ProgressRow(uuid(row, "user_id"),
                            uuid(row, "lesson_id"), row.getString("status"), percent(row.getBigDecimal("progress_percentage")),
                            row.getInt("last_position"), row.getInt("total_time_spent"), instant(row, "started_at"),
                            instant(row, "completed_at"), instant(row, "last_accessed_at")))),
                    dashboards);
        }
    }

    private static void apply(Connection connection, Event event) throws SQLException {
        if (event instanceof Enroll enroll) {
            update(connection, """
                    INSERT INTO enrollments (user_id, course_id, enrolled_at) VALUES (?, ?, ?)
                    ON CONFLICT (user_id, course_id) DO UPDATE SET status = 'active' WHERE enrollments.status = 'dropped'""",
                    enroll.user(), enroll.course(), enroll.at());
        } else if (event instanceof Drop drop) {
            update(connection, "UPDATE enrollments SET status = 'dropped' WHERE user_id = ? AND course_id = ? AND status = 'active'",
                    drop.user(), drop.course());
        } else if (event instanceof Study study) {
            update(connection, MERGE_PROGRESS, study.user(), study.lesson(), "in_progress", new BigDecimal(study.percentage()),
                    study.position(), study.seconds(), study.at(), null, study.at(), true);
        } else if (event instanceof Complete complete) {
            update(connection, MERGE_PROGRESS, complete.user(), complete.lesson(), "completed", new BigDecimal("100"), 0,
                    complete.seconds(), complete.at(), complete.at(), complete.at(), false);
        }
    }

    /** get_user_dashboard(learner), asked as the learner through the request role, read into the device's record. */
    private Dashboard dashboard(UUID learner) throws SQLException {
        try (Connection connection = database.request().getConnection()) {
            connection.setAutoCommit(false);
            try {
                update(connection, "SELECT set_config('app.user_id', ?, true)", learner.toString());
                String json = rows(connection, "SELECT get_user_dashboard(?)", row -> row.getString(1), learner).get(0);
                connection.commit();
                return JSON.readValue(json, Dashboard.class);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError("get_user_dashboard answered JSON the device cannot read", e);
            }
        }
    }

    private static void course(Connection connection, UUID id, String title, String thumbnail, String difficulty,
            List<List<UUID>> sections) throws SQLException {
        update(connection, """
                INSERT INTO courses (id, title, slug, instructor_id, status, difficulty, thumbnail_url)
                VALUES (?, ?, ?, ?, 'published', ?, ?)""", id, title, StoreFixture.slug(title, id), INSTRUCTOR, difficulty,
                thumbnail);
        for (int s = 0; s < sections.size(); s++) {
            UUID section = UUID.randomUUID();
            update(connection, "INSERT INTO course_sections (id, course_id, title, order_index) VALUES (?, ?, ?, ?)",
                    section, id, "Section " + (s + 1), s + 1);
            for (int l = 0; l < sections.get(s).size(); l++) {
                UUID lesson = sections.get(s).get(l);
                update(connection, """
                        INSERT INTO course_lessons (id, course_id, section_id, title, slug, order_index)
                        VALUES (?, ?, ?, ?, ?, ?)""", lesson, id, section, "Lesson " + (s + 1) + "." + (l + 1),
                        "lesson-" + lesson, l + 1);
            }
        }
    }

    // ---- plumbing -----------------------------------------------------------------------------------

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        }
    }

    private static <T> List<T> rows(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet result = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(mapper.map(result));
            }
            return rows;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int p = 0; p < parameters.length; p++) {
            statement.setObject(p + 1, parameters[p]);
        }
        return statement;
    }

    private static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return i(row.getObject(column, OffsetDateTime.class));
    }

    private static Instant i(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static BigDecimal percent(String value) {
        return percent(new BigDecimal(value));
    }

    private static BigDecimal percent(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Rows in a fixed order (by their text), so that two databases' rows compare as lists. */
    private static <T extends Record> List<T> sorted(List<T> rows) {
        return rows.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }

    private static UUID id(String suffix) {
        return UUID.fromString("00000000-0000-0000-0000-" + "0".repeat(12 - suffix.length()) + suffix);
    }

    private static String name(UUID learner) {
        return Map.of(ANA, "Ana", BEN, "Ben", CAI, "Cai", DEV, "Dev", EVE, "Eve", FAY, "Fay").get(learner);
    }

    private static String avatar(UUID learner) {
        return learner.equals(ANA) ? "https://cdn.example.org/ana.png" : null;
    }

    private static String bio(UUID learner) {
        return learner.equals(ANA) ? "Learning every day" : null;
    }
}
