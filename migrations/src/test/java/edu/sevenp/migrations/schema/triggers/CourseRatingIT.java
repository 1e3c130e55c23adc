package edu.sevenp.migrations.schema.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A course's average_rating and review_count follow its completions' ratings. */
@PostgresTest
class CourseRatingIT {

    private static final Rating NO_RATINGS = new Rating(new BigDecimal("0.00"), 0, 0);

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    CourseRatingIT(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void connect() throws SQLException {
        connection = database.superuser().getConnection();
        data = new TestData(connection);
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    @Test
    void ratedCompletionsMakeTheAverageRoundedToTwoPlaces() {
        UUID course = data.course();

        data.completion(data.user(), course, 5);
        data.completion(data.user(), course, 4);
        data.completion(data.user(), course, 4);

        assertThat(rating(course)).isEqualTo(new Rating(new BigDecimal("4.33"), 3, 13));
    }

    @Test
    void completionWithoutARatingIsNoReview() {
        UUID course = data.course();

        data.completion(data.user(), course, null);

        assertThat(rating(course)).isEqualTo(NO_RATINGS);
    }

    @Test
    void ratingACompletionLaterCountsTheReview() {
        UUID course = data.course();
        UUID completion = data.completion(data.user(), course, null);

        data.update("UPDATE course_completions SET rating = 3 WHERE id = ?", completion);

        assertThat(rating(course)).isEqualTo(new Rating(new BigDecimal("3.00"), 1, 3));
    }

    @Test
    void changingARatingMovesTheAverage() {
        UUID course = data.course();
        UUID completion = data.completion(data.user(), course, 2);
        data.completion(data.user(), course, 4);

        data.update("UPDATE course_completions SET rating = 5 WHERE id = ?", completion);

        assertThat(rating(course)).isEqualTo(new Rating(new BigDecimal("4.50"), 2, 9));
    }

    @Test
    void withdrawingARatingUncountsTheReview() {
        UUID course = data.course();
        UUID completion = data.completion(data.user(), course, 1);
        data.completion(data.user(), course, 4);

        data.update("UPDATE course_completions SET rating = NULL WHERE id = ?", completion);

        assertThat(rating(course)).isEqualTo(new Rating(new BigDecimal("4.00"), 1, 4));
    }

    @Test
    void deletingTheLastRatedCompletionBringsTheAverageToZero() {
        UUID course = data.course();
        UUID completion = data.completion(data.user(), course, 5);

        data.update("DELETE FROM course_completions WHERE id = ?", completion);

        assertThat(rating(course)).isEqualTo(NO_RATINGS);
    }

    @Test
    void completionMovedToAnotherCourseTakesItsRatingAlong() {
        UUID from = data.course();
        UUID to = data.course();
        UUID completion = data.completion(data.user(), from, 5);
        data.completion(data.user(), from, 3);

        data.update("UPDATE course_completions SET course_id = ? WHERE id = ?", to, completion);

        assertThat(List.of(rating(from), rating(to))).containsExactly(
                new Rating(new BigDecimal("3.00"), 1, 3),
                new Rating(new BigDecimal("5.00"), 1, 5));
    }

    private Rating rating(UUID course) {
        return data.row("SELECT average_rating, review_count, rating_total FROM courses WHERE id = ?",
                row -> new Rating(row.getBigDecimal(1), row.getInt(2), row.getInt(3)), course);
    }

    private record Rating(BigDecimal average, int reviews, int total) {
    }
}
