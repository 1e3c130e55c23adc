package edu.sevenp.migrations.schema.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.schema.TestData;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** course_tags.usage_count is the number of courses carrying the tag. */
@PostgresTest
class TagUsageIT {

    private static final String TAG = "INSERT INTO course_tag_mappings (course_id, tag_id) VALUES (?, ?)";

    private final TestDatabase database;
    private Connection connection;
    private TestData data;

    TagUsageIT(TestDatabase database) {
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
    void taggingCoursesCountsThem() {
        UUID tag = data.tag();

        data.update(TAG, data.course(), tag);
        data.update(TAG, data.course(), tag);

        assertThat(usage(tag)).isEqualTo(2);
    }

    @Test
    void untaggingACourseUncountsIt() {
        UUID tag = data.tag();
        UUID course = data.course();
        data.update(TAG, course, tag);
        data.update(TAG, data.course(), tag);

        data.update("DELETE FROM course_tag_mappings WHERE course_id = ? AND tag_id = ?", course, tag);

        assertThat(usage(tag)).isEqualTo(1);
    }

    @Test
    void retaggingACourseMovesTheCount() {
        UUID from = data.tag();
        UUID to = data.tag();
        UUID course = data.course();
        data.update(TAG, course, from);

        data.update("UPDATE course_tag_mappings SET tag_id = ? WHERE course_id = ? AND tag_id = ?", to, course, from);

        assertThat(List.of(usage(from), usage(to))).containsExactly(0, 1);
    }

    @Test
    void deletingATaggedCourseUncountsItsTags() {
        UUID tag = data.tag();
        UUID course = data.course();
        data.update(TAG, course, tag);

        data.update("DELETE FROM courses WHERE id = ?", course);

        assertThat(usage(tag)).isZero();
    }

    private int usage(UUID tag) {
        return data.value("SELECT usage_count FROM course_tags WHERE id = ?", Integer.class, tag);
    }
}
