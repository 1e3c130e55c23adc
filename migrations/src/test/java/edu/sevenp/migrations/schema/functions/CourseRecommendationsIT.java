package edu.sevenp.migrations.schema.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import edu.sevenp.migrations.schema.LearningData;
import edu.sevenp.migrations.schema.RequestRole;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** get_course_recommendations(uuid, int): each test starts from an empty catalog and builds what it needs. */
@PostgresTest
class CourseRecommendationsIT {

    private static final OffsetDateTime NOW = OffsetDateTime.now();

    private LearningData data;
    private UUID learner;
    private UUID instructor;

    @BeforeEach
    void emptyCatalog(TestDatabase database) throws SQLException {
        data = LearningData.asSuperuser(database);
        // Every course, enrollment and user goes with users and categories (roles stay).
        data.execute("TRUNCATE users, course_categories CASCADE");
        learner = data.user("Learner");
        instructor = data.user("Instructor");
    }

    @AfterEach
    void close() throws SQLException {
        data.close();
    }

    @Test
    void aNewerCourseRanksAboveAnOlderOneWhenAllElseIsEqual(TestDatabase database) throws Exception {
        UUID older = data.course(instructor).publishedAt(NOW.minusDays(400)).create();
        UUID newer = data.course(instructor).publishedAt(NOW.minusDays(10)).create();

        assertThat(recommendedIds(database, learner, 10)).containsExactly(newer, older);
    }

    @Test
    void aCourseAppearsOnceWhenTheUserTookSeveralDifficultiesOfItsCategory(TestDatabase database) throws Exception {
        UUID programming = data.category("Programming");
        UUID design = data.category("Design");
        for (String difficulty : List.of("beginner", "intermediate", "advanced")) {
            data.enroll(learner, data.course(instructor).category(programming).difficulty(difficulty).create());
        }
        UUID newerProgramming = data.course(instructor).category(programming).difficulty("intermediate")
                .publishedAt(NOW.minusDays(1)).create();
        UUID olderProgramming = data.course(instructor).category(programming).difficulty("advanced")
                .publishedAt(NOW.minusDays(2)).create();
        UUID designCourse = data.course(instructor).category(design).publishedAt(NOW).create();

        assertThat(recommendedIds(database, learner, 10)).containsExactly(newerProgramming, olderProgramming, designCourse);
    }

    @Test
    void coursesTheUserIsOrWasEnrolledInAreNotRecommended(TestDatabase database) throws Exception {
        for (String status : List.of("active", "completed", "dropped", "expired")) {
            data.enroll(learner, data.course(instructor).create(), status, BigDecimal.ZERO, null);
        }
        UUID notTaken = data.course(instructor).create();

        assertThat(recommendedIds(database, learner, 10)).containsExactly(notTaken);
    }

    @Test
    void onlyPublishedCoursesAreRecommended(TestDatabase database) throws Exception {
        data.course(instructor).status("draft").create();
        data.course(instructor).status("archived").create();
        UUID published = data.course(instructor).create();

        assertThat(recommendedIds(database, learner, 10)).containsExactly(published);
    }

    @Test
    void coursesTheUserTeachesAreNotRecommended(TestDatabase database) throws Exception {
        data.course(learner).create();
        UUID someoneElses = data.course(instructor).create();

        assertThat(recommendedIds(database, learner, 10)).containsExactly(someoneElses);
    }

    @Test
    void theLimitCapsTheListAtTheBestCourses(TestDatabase database) throws Exception {
        List<UUID> newestFirst = new ArrayList<>();
        for (int age = 1; age <= 5; age++) {
            newestFirst.add(data.course(instructor).publishedAt(NOW.minusDays(age * 30L)).create());
        }

        assertThat(recommendedIds(database, learner, 3)).isEqualTo(newestFirst.subList(0, 3));
    }

    @Test
    void aLimitOutsideOneToAHundredIsRejectedWithAClearMessage(TestDatabase database) {
        for (Integer limit : new Integer[] {0, 101, null}) {
            assertThatThrownBy(() -> recommend(database, learner, learner, limit))
                    .as("p_limit %s", limit)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("p_limit must be between 1 and 100")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
        }
    }

    @Test
    void coursesWithoutACategoryAreRankedWithoutCategoryPreference(TestDatabase database) throws Exception {
        UUID programming = data.category("Programming");
        data.enroll(learner, data.course(instructor).create());
        data.enroll(learner, data.course(instructor).category(programming).create());
        UUID uncategorised = data.course(instructor).publishedAt(NOW).create();
        UUID programmingCourse = data.course(instructor).category(programming).publishedAt(NOW.minusDays(30)).create();

        // Half of the learner's enrollments are in Programming; courses without a category earn nothing for it.
        assertThat(recommendedIds(database, learner, 10)).containsExactly(programmingCourse, uncategorised);
    }

    @Test
    void theScoreFollowsTheDocumentedFormula(TestDatabase database) throws Exception {
        UUID programming = data.category("Programming");
        data.enroll(learner, data.course(instructor).category(programming).create());
        data.enroll(learner, data.course(instructor).create());
        UUID course = data.course(instructor).category(programming).create();
        data.execute("""
                UPDATE courses SET average_rating = 4.00, enrollment_count = 99, published_at = now() - interval '90 days'
                WHERE id = ?""", course);

        BigDecimal score = recommend(database, learner, learner, 10).get(0).relevanceScore();

        double expected = 0.4 * (1.0 / 2)                       // category share: 1 of 2 enrollments
                + 0.3 * (4.00 / 5)                                // rating
                + 0.2 * Math.min(1, Math.log10(99 + 1) / 6)       // popularity
                + 0.1 * Math.exp(-90.0 / 180);                    // recency
        assertThat(score.doubleValue()).isCloseTo(expected, within(0.000_002));
    }

    @Test
    void anotherUsersRecommendationsAreRefused(TestDatabase database) throws Exception {
        UUID someoneElse = data.user("Someone Else");

        assertThatThrownBy(() -> recommend(database, someoneElse, learner, 10))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("only the user themselves or an administrator")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
    }

    @Test
    void anAdministratorMayAskForAnotherUsersRecommendations(TestDatabase database) throws Exception {
        UUID admin = data.userWithRole("Admin", "admin");
        UUID course = data.course(instructor).create();

        assertThat(recommend(database, admin, learner, 10)).extracting(Recommendation::courseId).containsExactly(course);
    }

    record Recommendation(UUID courseId, BigDecimal relevanceScore) {
    }

    private static List<UUID> recommendedIds(TestDatabase database, UUID user, int limit) throws SQLException {
        return recommend(database, user, user, limit).stream().map(Recommendation::courseId).toList();
    }

    /** get_course_recommendations(user, limit) through the request role, acting for {@code caller}. */
    private static List<Recommendation> recommend(TestDatabase database, UUID caller, UUID user, Integer limit)
            throws SQLException {
        return RequestRole.asUser(database, caller, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT course_id, relevance_score FROM get_course_recommendations(?, ?)")) {
                statement.setObject(1, user);
                if (limit == null) {
                    statement.setNull(2, Types.INTEGER);
                } else {
                    statement.setInt(2, limit);
                }
                List<Recommendation> recommendations = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        recommendations.add(new Recommendation(rows.getObject(1, UUID.class), rows.getBigDecimal(2)));
                    }
                }
                return recommendations;
            }
        });
    }
}
