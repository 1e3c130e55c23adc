package edu.sevenp.server.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What a learner's rows on the server say, without ids and server times, so that two learners who did the same
 * things compare equal however their changes arrived. Read as the superuser.
 */
public record LearnerState(List<String> enrollments, List<String> progress, List<String> notes, List<String> bookmarks,
        List<String> attempts, List<String> completions) {

    public static LearnerState of(DataSource superuser, UUID user, Catalog.Course course) {
        try (Connection connection = superuser.getConnection()) {
            return new LearnerState(
                    rows(connection, "SELECT status || ' ' || progress FROM enrollments WHERE user_id = ? ORDER BY 1", user),
                    rows(connection, "SELECT l.order_index || ' ' || p.status || ' ' || p.progress_percentage || ' '"
                            + " || p.total_time_spent || ' ' || p.last_position FROM lesson_progress p"
                            + " JOIN course_lessons l ON l.id = p.lesson_id WHERE p.user_id = ? ORDER BY 1", user),
                    rows(connection, "SELECT l.order_index || ' ' || n.content || ' ' || (n.conflict_of IS NOT NULL)"
                            + " FROM user_notes n JOIN course_lessons l ON l.id = n.lesson_id WHERE n.user_id = ? ORDER BY 1", user),
                    rows(connection, "SELECT coalesce(title, '-') FROM user_bookmarks WHERE user_id = ? ORDER BY 1", user),
                    rows(connection, "SELECT attempt_number || ' ' || status || ' ' || coalesce(score::text, '-')"
                            + " FROM quiz_attempts WHERE user_id = ? ORDER BY 1", user),
                    rows(connection, "SELECT total_time_spent || ' ' || coalesce(rating::text, '-')"
                            + " FROM course_completions WHERE user_id = ? ORDER BY 1", user));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(Connection connection, String sql, UUID user) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, user);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }
}
