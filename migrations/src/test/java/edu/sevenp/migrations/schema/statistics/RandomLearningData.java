package edu.sevenp.migrations.schema.statistics;

import edu.sevenp.migrations.schema.LearningData;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random users, courses and learning records for comparing course_statistics with a brute-force
 * computation. Always includes published, draft and archived courses, a published course with
 * nothing at all, courses without a category, purchases in every status and in two currencies,
 * completions with and without a rating, and lesson progress. Learners fill courses with gaps,
 * so most courses have several enrollments, completions, progress rows and purchases at once:
 * exactly what multiplied the seed's sums.
 */
final class RandomLearningData {

    private static final int LEARNERS = 40;
    private static final String[] COURSE_STATUSES = {
        "published", "published", "published", "published", "published", "published", "published", "published",
        "published", "draft", "draft", "archived"};
    private static final String[] ENROLLMENT_STATUSES = {"active", "completed", "dropped", "expired"};
    private static final String[] LIVE_PURCHASE_STATUSES = {"pending", "completed"};
    private static final String[] DEAD_PURCHASE_STATUSES = {"failed", "refunded"};
    private static final String[] CURRENCIES = {"USD", "EUR"};

    /** Who and what was generated, for tests that need to name them. */
    record Generated(List<UUID> instructors, UUID admin, UUID learnerWithNothing, UUID emptyCourse,
            List<UUID> publishedCoursesWithLessons) {
    }

    private final Random random;
    private final LearningData data;

    RandomLearningData(Random random, LearningData data) {
        this.random = random;
        this.data = data;
    }

    Generated generate() throws SQLException {
        List<UUID> instructors = List.of(
                data.userWithRole("Instructor One", "instructor"),
                data.userWithRole("Instructor Two", "instructor"),
                data.userWithRole("Instructor Three", "instructor"));
        UUID admin = data.userWithRole("Admin", "admin");
        UUID learnerWithNothing = data.user("Learner With Nothing");
        List<UUID> categories = List.of(data.category("Programming"), data.category("Design"), data.category("Music"));

        UUID emptyCourse = data.course(instructors.get(0)).title("Nothing Yet").create();
        List<UUID> courses = new ArrayList<>();
        List<UUID> published = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        List<List<UUID>> lessons = new ArrayList<>();
        for (int i = 0; i < COURSE_STATUSES.length; i++) {
            String currency = pick(CURRENCIES);
            UUID course = data.course(instructors.get(i % instructors.size()))
                    .category(random.nextInt(4) == 0 ? null : categories.get(random.nextInt(categories.size())))
                    .status(COURSE_STATUSES[i])
                    .currency(currency)
                    .create();
            List<UUID> courseLessons = new ArrayList<>();
            for (int l = 2 + random.nextInt(5); l > 0; l--) {
                courseLessons.add(data.lesson(course));
            }
            courses.add(course);
            if (COURSE_STATUSES[i].equals("published")) {
                published.add(course);
            }
            currencies.add(currency);
            lessons.add(courseLessons);
        }

        for (int u = 0; u < LEARNERS; u++) {
            UUID learner = data.user("Learner " + u);
            for (int c = 0; c < courses.size(); c++) {
                UUID course = courses.get(c);
                if (random.nextDouble() < 0.45) {
                    learn(learner, course, lessons.get(c));
                }
                buy(learner, course, currencies.get(c));
            }
        }
        return new Generated(instructors, admin, learnerWithNothing, emptyCourse, List.copyOf(published));
    }

    private void learn(UUID learner, UUID course, List<UUID> lessons) throws SQLException {
        OffsetDateTime lastAccessed = random.nextInt(5) == 0 ? null : OffsetDateTime.now().minusMinutes(random.nextInt(100_000));
        data.enroll(learner, course, pick(ENROLLMENT_STATUSES), money(10_000), lastAccessed);
        // Completions before lesson progress, and progress never complete: nothing here asks a progress
        // trigger to record a completion of its own.
        if (random.nextDouble() < 0.4) {
            data.completion(learner, course, random.nextDouble() < 0.3 ? null : 1 + random.nextInt(5));
        }
        for (UUID lesson : lessons) {
            if (random.nextBoolean()) {
                data.lessonProgress(learner, lesson, course, "in_progress", money(9_999), random.nextInt(3_600));
            }
        }
    }

    /** At most one live (pending or completed) purchase per learner and course, and any number of dead ones. */
    private void buy(UUID learner, UUID course, String courseCurrency) throws SQLException {
        if (random.nextBoolean()) {
            data.purchase(learner, course, money(19_999), currency(courseCurrency), pick(LIVE_PURCHASE_STATUSES));
        }
        for (int dead = random.nextInt(3); dead > 0; dead--) {
            data.purchase(learner, course, money(19_999), currency(courseCurrency), pick(DEAD_PURCHASE_STATUSES));
        }
    }

    /** Mostly the course's currency, sometimes the other one. */
    private String currency(String courseCurrency) {
        return random.nextInt(5) == 0 ? (courseCurrency.equals("USD") ? "EUR" : "USD") : courseCurrency;
    }

    /** 0.00 to {@code maxCents} / 100, two decimals. */
    private BigDecimal money(int maxCents) {
        return BigDecimal.valueOf(random.nextInt(maxCents + 1), 2);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
