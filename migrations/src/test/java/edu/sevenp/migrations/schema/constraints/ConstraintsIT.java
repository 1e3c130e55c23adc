package edu.sevenp.migrations.schema.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.Rejection;
import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each business rule of the schema accepts a good row and rejects a bad one, by name. Every case runs in
 * a transaction that is rolled back.
 */
@PostgresTest
class ConstraintsIT {

    private static final String COURSE = "INSERT INTO courses (title, slug, instructor_id, price, is_free) VALUES (?, ?, ?, ?, ?)";
    private static final String ENROLL = "INSERT INTO enrollments (user_id, course_id) VALUES (?, ?)";
    private static final String USER = "INSERT INTO users (email, name) VALUES (?, 'Ana')";
    private static final String LESSON = """
            INSERT INTO course_lessons (course_id, section_id, title, slug, order_index) VALUES (?, ?, ?, ?, ?)""";
    private static final String ATTEMPT = """
            INSERT INTO quiz_attempts (quiz_id, user_id, attempt_number, status, score, max_score) VALUES (?, ?, ?, 'graded', ?, ?)""";
    private static final String ADDRESS = "INSERT INTO user_addresses (user_id, type, is_default) VALUES (?, 'billing', ?)";
    private static final String PURCHASE = "INSERT INTO course_purchases (user_id, course_id, amount, status) VALUES (?, ?, 49.00, 'pending')";
    private static final String PAYMENT = """
            INSERT INTO payment_transactions (user_id, subscription_id, course_purchase_id, amount, transaction_type, status)
            VALUES (?, ?, ?, 49.00, 'payment', 'completed')""";
    private static final String PROGRESS = "INSERT INTO lesson_progress (user_id, lesson_id, course_id, status) VALUES (?, ?, ?, ?)";

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    ConstraintsIT(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void begin() throws SQLException {
        connection = database.superuser().getConnection();
        connection.setAutoCommit(false);
        data = new TestData(connection);
    }

    @AfterEach
    void rollBack() throws SQLException {
        connection.rollback();
        connection.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void acceptsTheGoodRow(Rule rule) {
        Attempt attempt = rule.arrange().apply(data);

        assertThat(attempt.good().getAsInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rejectsTheBadRow(Rule rule) {
        Attempt attempt = rule.arrange().apply(data);
        attempt.good().getAsInt();

        assertThat(Rejection.of(attempt.bad()::getAsInt)).isEqualTo(rule.rejection());
    }

    @Test
    void twoLessonsSwapPlacesWithinOneTransaction() throws SQLException {
        UUID course = data.course();
        UUID section = data.section(course);
        UUID first = data.lesson(section);
        UUID second = data.lesson(section);

        data.update("SET CONSTRAINTS unique_lesson_order DEFERRED");
        data.update("UPDATE course_lessons SET order_index = 2 WHERE id = ?", first);
        data.update("UPDATE course_lessons SET order_index = 1 WHERE id = ?", second);
        data.update("SET CONSTRAINTS unique_lesson_order IMMEDIATE");

        assertThat(data.values("SELECT id FROM course_lessons WHERE section_id = ? ORDER BY order_index", UUID.class, section))
                .containsExactly(second, first);
    }

    @Test
    void swappingLessonsWithoutDeferringIsRejectedHalfway() {
        UUID course = data.course();
        UUID section = data.section(course);
        UUID first = data.lesson(section);
        data.lesson(section);

        Rejection rejection = Rejection.of(() -> data.update("UPDATE course_lessons SET order_index = 2 WHERE id = ?", first));

        assertThat(rejection).isEqualTo(Rejection.unique("unique_lesson_order"));
    }

    static Stream<Rule> rules() {
        return Stream.of(
                new Rule("course_price_consistency: a plain draft course is free", Rejection.check("course_price_consistency"),
                        data -> {
                            UUID instructor = data.user();
                            return new Attempt(
                                    () -> data.update("INSERT INTO courses (title, slug, instructor_id) VALUES ('Draft', 'draft', ?)",
                                            instructor),
                                    () -> data.update(COURSE, "Free but priced", "free-but-priced", instructor, 10, true));
                        }),
                new Rule("course_price_consistency: a paid course has a price", Rejection.check("course_price_consistency"),
                        data -> {
                            UUID instructor = data.user();
                            return new Attempt(
                                    () -> data.update(COURSE, "Paid", "paid", instructor, 49, false),
                                    () -> data.update(COURSE, "Paid for nothing", "paid-for-nothing", instructor, 0, false));
                        }),
                new Rule("valid_subscription_period", Rejection.check("valid_subscription_period"), data -> {
                    UUID user = data.user();
                    UUID plan = data.plan();
                    String subscribe = """
                            INSERT INTO subscriptions (user_id, plan_id, status, current_period_start, current_period_end)
                            VALUES (?, ?, 'active', now(), now() + ?::INTERVAL)""";
                    return new Attempt(
                            () -> data.update(subscribe, user, plan, "1 month"),
                            () -> data.update(subscribe, user, plan, "0 days"));
                }),
                new Rule("valid_quiz_score: a score needs a maximum", Rejection.check("valid_quiz_score"), data -> {
                    UUID quiz = data.quiz(data.course(), null);
                    UUID user = data.user();
                    return new Attempt(
                            () -> data.update(ATTEMPT, quiz, user, 1, 8, 10),
                            () -> data.update(ATTEMPT, quiz, user, 2, 8, null));
                }),
                new Rule("valid_quiz_score: a score within its maximum", Rejection.check("valid_quiz_score"), data -> {
                    UUID quiz = data.quiz(data.course(), null);
                    UUID user = data.user();
                    return new Attempt(
                            () -> data.update(ATTEMPT, quiz, user, 1, 10, 10),
                            () -> data.update(ATTEMPT, quiz, user, 2, 12, 10));
                }),
                new Rule("valid_lesson_order: positions start at 1", Rejection.check("valid_lesson_order"), data -> {
                    UUID course = data.course();
                    UUID section = data.section(course);
                    return new Attempt(
                            () -> data.update(LESSON, course, section, "First", "first", 1),
                            () -> data.update(LESSON, course, section, "Zeroth", "zeroth", 0));
                }),
                new Rule("unique_lesson_order: one lesson per position of a section", Rejection.unique("unique_lesson_order"),
                        data -> {
                            UUID course = data.course();
                            UUID basics = data.section(course);
                            UUID advanced = data.section(course);
                            data.update(LESSON, course, basics, "Variables", "variables", 1);
                            return new Attempt(
                                    // Position 1 of another section of the same course: positions are per section.
                                    () -> data.update(LESSON, course, advanced, "Generics", "generics", 1),
                                    () -> data.update(LESSON, course, basics, "Loops", "loops", 1));
                        }),
                new Rule("unique_user_course_enrollment", Rejection.unique("unique_user_course_enrollment"), data -> {
                    UUID user = data.user();
                    UUID course = data.course();
                    return new Attempt(() -> data.update(ENROLL, user, course), () -> data.update(ENROLL, user, course));
                }),
                new Rule("valid_email: lower case", Rejection.check("valid_email"), data -> new Attempt(
                        () -> data.update(USER, "ana@example.org"),
                        () -> data.update(USER, "Bea@Example.org"))),
                new Rule("valid_email: an address", Rejection.check("valid_email"), data -> new Attempt(
                        () -> data.update(USER, "ana@example.org"),
                        () -> data.update(USER, "ana.example.org"))),
                new Rule("users_email_key: one account per address", Rejection.unique("users_email_key"), data -> new Attempt(
                        () -> data.update(USER, "ana@example.org"),
                        () -> data.update(USER, "ana@example.org"))),
                new Rule("idx_user_addresses_one_default: one default address per type",
                        Rejection.unique("idx_user_addresses_one_default"), data -> {
                            UUID user = data.user();
                            data.update(ADDRESS, user, true);
                            return new Attempt(() -> data.update(ADDRESS, user, false), () -> data.update(ADDRESS, user, true));
                        }),
                new Rule("unique_live_course_purchase: a declined card does not block buying",
                        Rejection.unique("unique_live_course_purchase"), data -> {
                            UUID user = data.user();
                            UUID course = data.course();
                            data.purchase(user, course, "failed");
                            return new Attempt(() -> data.update(PURCHASE, user, course), () -> data.update(PURCHASE, user, course));
                        }),
                new Rule("transaction_has_one_subject", Rejection.check("transaction_has_one_subject"), data -> {
                    UUID user = data.user();
                    UUID purchase = data.purchase(user, data.course(), "completed");
                    UUID subscription = data.subscription(user, data.plan());
                    return new Attempt(
                            () -> data.update(PAYMENT, user, null, purchase),
                            () -> data.update(PAYMENT, user, subscription, purchase));
                }),
                new Rule("course_lessons_section_fkey: a lesson's course is its section's course",
                        Rejection.foreignKey("course_lessons_section_fkey"), data -> {
                            UUID course = data.course();
                            UUID section = data.section(course);
                            UUID otherSection = data.section(data.course());
                            return new Attempt(
                                    () -> data.update(LESSON, course, section, "Variables", "variables", 1),
                                    () -> data.update(LESSON, course, otherSection, "Loops", "loops", 1));
                        }),
                new Rule("lesson_progress_lesson_fkey: progress belongs to its lesson's course",
                        Rejection.foreignKey("lesson_progress_lesson_fkey"), data -> {
                            UUID course = data.course();
                            UUID lesson = data.lessons(course, 1).get(0);
                            UUID user = data.user();
                            UUID otherCourse = data.course();
                            return new Attempt(
                                    () -> data.update(PROGRESS, user, lesson, course, "in_progress"),
                                    () -> data.update(PROGRESS, data.user(), lesson, otherCourse, "in_progress"));
                        }),
                new Rule("completed_progress_has_date: filled in by the trigger, enforced without it",
                        Rejection.check("completed_progress_has_date"), data -> {
                            UUID course = data.course();
                            UUID lesson = data.lessons(course, 1).get(0);
                            return new Attempt(
                                    () -> data.update(PROGRESS, data.user(), lesson, course, "completed"),
                                    () -> {
                                        UUID user = data.user();
                                        data.update("SET LOCAL session_replication_role = replica");
                                        return data.update(PROGRESS, user, lesson, course, "completed");
                                    });
                        }),
                new Rule("completed_enrollment_has_date", Rejection.check("completed_enrollment_has_date"), data -> {
                    UUID course = data.course();
                    String enroll = "INSERT INTO enrollments (user_id, course_id, status, completed_at) VALUES (?, ?, 'completed', ?)";
                    return new Attempt(
                            () -> data.update(enroll, data.user(), course, OffsetDateTime.parse("2025-03-03T09:00:00Z")),
                            () -> data.update(enroll, data.user(), course, null));
                }),
                new Rule("category_not_own_parent", Rejection.check("category_not_own_parent"), data -> {
                    UUID parent = data.category();
                    UUID category = data.category();
                    String move = "UPDATE course_categories SET parent_id = ? WHERE id = ?";
                    return new Attempt(() -> data.update(move, parent, category), () -> data.update(move, category, category));
                }),
                new Rule("valid_completion_rating: 1 to 5 stars", Rejection.check("valid_completion_rating"), data -> {
                    UUID course = data.course();
                    String complete = "INSERT INTO course_completions (user_id, course_id, rating) VALUES (?, ?, ?)";
                    return new Attempt(
                            () -> data.update(complete, data.user(), course, 5),
                            () -> data.update(complete, data.user(), course, 6));
                }));
    }

    /**
     * A business rule: {@code arrange} writes what both rows need and returns the good and the bad
     * statement; the bad one runs after the good one and is refused as {@code rejection}.
     */
    record Rule(String name, Rejection rejection, Function<TestData, Attempt> arrange) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Attempt(IntSupplier good, IntSupplier bad) {
    }
}
