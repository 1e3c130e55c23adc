package edu.sevenp.migrations.schema.search;

import static edu.sevenp.migrations.schema.Sql.execute;
import static edu.sevenp.migrations.schema.Sql.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.migrations.RoleNames;
import edu.sevenp.migrations.schema.RequestRole;
import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Full-text search (V9's search_document columns, R__catalog_search's functions), run as the request
 * role. Seed-review 13: the seed's index expression is NULL for every course without a description.
 */
@PostgresTest
class FullTextSearchIT {

    private static final UUID INSTRUCTOR = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID LEARNER = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
    private static UUID tuning;

    @BeforeAll
    static void catalog(TestDatabase database) throws SQLException {
        try (Connection connection = database.superuser().getConnection()) {
            execute(connection, "INSERT INTO users (id, email, name) VALUES (?, 'teacher@example.org', 'Teacher')", INSTRUCTOR);
            execute(connection, "INSERT INTO users (id, email, name) VALUES (?, 'learner@example.org', 'Learner')", LEARNER);
            course(connection, "Relational Databases", "relational-databases", "Tables and keys.", null, "published");
            course(connection, "Cooking for Students", "cooking", "Quick meals.",
                    "Relational thinking applies to recipes too: ingredients relate to dishes.", "published");
            course(connection, "Databases Draft", "databases-draft", null, "Unpublished notes about databases.", "draft");
            tuning = course(connection, "Query Tuning", "query-tuning", null, null, "published");
            UUID section = UUID.randomUUID();
            execute(connection, "INSERT INTO course_sections (id, course_id, title, order_index) VALUES (?, ?, 'One', 1)",
                    section, tuning);
            lesson(connection, section, "Reading plans", 1, true,
                    "A bitmap heap scan follows a bitmap index scan when many rows match.");
            lesson(connection, section, "Join strategies", 2, false,
                    "A hash join builds a table from one side; a merge join walks two sorted inputs; a bitmap is not a join.");
            // Enough other courses that a search term is selective, as in a real catalog.
            execute(connection, """
                    INSERT INTO courses (title, slug, short_description, instructor_id, status, published_at)
                    SELECT 'Watercolour Painting ' || i, 'watercolour-' || i, 'Brushes and paper.', ?, 'published', now()
                    FROM generate_series(1, 2000) AS i
                    """, INSTRUCTOR);
            execute(connection, "ANALYZE courses");
        }
    }

    @Test
    void aCourseWithoutADescriptionIsFoundByItsTitle(TestDatabase database) throws SQLException {
        assertThat(courses(database, "query tuning")).containsExactly("Query Tuning");
    }

    @Test
    void aTitleMatchRanksAboveADescriptionMatch(TestDatabase database) throws SQLException {
        assertThat(courses(database, "relational")).containsExactly("Relational Databases", "Cooking for Students");
    }

    @Test
    void stemmingFindsOtherFormsOfAWord(TestDatabase database) throws SQLException {
        assertThat(courses(database, "database")).containsExactly("Relational Databases");
    }

    @Test
    void theCatalogNeverShowsADraft(TestDatabase database) throws SQLException {
        assertThat(courses(database, "unpublished notes")).isEmpty();
    }

    @Test
    void anonymousSearchFindsPreviewLessonsOnly(TestDatabase database) throws SQLException {
        assertThat(lessons(database, null, "bitmap")).containsExactly("Reading plans");
    }

    @Test
    void anEntitledLearnerSearchesEveryLessonOfTheCourseWithASnippet(TestDatabase database) throws SQLException {
        try (Connection connection = database.superuser().getConnection()) {
            execute(connection, "INSERT INTO enrollments (user_id, course_id) VALUES (?, ?)", LEARNER, tuning);
        }

        List<String> found = RequestRole.asUser(database, LEARNER, connection -> list(connection,
                "SELECT title || ': ' || headline FROM search_lessons(?, ?, 10)", rows -> rows.getString(1),
                "bitmap", tuning));

        assertThat(found).hasSize(2);
        assertThat(found.get(0)).startsWith("Reading plans: ").contains("**bitmap**");
        assertThat(found.get(1)).startsWith("Join strategies: ");
    }

    @Test
    void aBadLimitIsRefusedWithAClearMessage(TestDatabase database) {
        assertThatThrownBy(() -> RequestRole.asUser(database, null, connection ->
                list(connection, "SELECT * FROM search_courses('x', 1000)", rows -> rows.getString(1))))
                .hasMessageContaining("p_limit must be between 1 and 100, was 1000");
    }

    /** The reason for the functions: under row-level security the planner cannot use the GIN index. */
    @Test
    void aDirectSearchUnderRowLevelSecurityCannotUseTheIndex(TestDatabase database) throws SQLException {
        List<String> plan = RequestRole.asUser(database, null, connection -> {
            execute(connection, "SET LOCAL enable_seqscan = off");
            return list(connection, """
                    EXPLAIN SELECT c.title FROM courses AS c WHERE c.search_document @@ websearch_to_tsquery('english', ?)
                    """, rows -> rows.getString(1), "relational");
        });

        assertThat(String.join("\n", plan)).contains("Seq Scan on courses").doesNotContain("idx_courses_search");
    }

    @Test
    void searchCoursesUsesTheGinIndex(TestDatabase database) throws SQLException {
        assertThat(nestedPlans(database, "SELECT * FROM search_courses('relational', 20)")).contains("idx_courses_search");
    }

    @Test
    void searchLessonsUsesTheGinIndex(TestDatabase database) throws SQLException {
        assertThat(nestedPlans(database, "SELECT * FROM search_lessons('bitmap', NULL, 20)")).contains("idx_lessons_search");
    }

    @Test
    void catalogCoursesUsesTheGinIndex(TestDatabase database) throws SQLException {
        assertThat(nestedPlans(database,
                "SELECT * FROM catalog_courses('relational', NULL, NULL, NULL, NULL, 'relevance', 0, 20)"))
                .contains("idx_courses_search");
    }

    @Test
    void theCatalogFindsACourseWithoutADescriptionAndCountsEveryMatch(TestDatabase database) throws SQLException {
        List<String> found = RequestRole.asUser(database, null, connection -> list(connection, """
                SELECT c.title || ' of ' || f.total
                FROM catalog_courses(?, NULL, NULL, NULL, NULL, 'relevance', 0, 20) AS f JOIN courses AS c ON c.id = f.course_id
                ORDER BY f.ordinal""", rows -> rows.getString(1), "tuning"));
        List<String> page = RequestRole.asUser(database, null, connection -> list(connection, """
                SELECT coalesce(f.course_id::text, 'none') || ' of ' || f.total
                FROM catalog_courses(?, NULL, NULL, NULL, NULL, 'newest', 1990, 20) AS f
                ORDER BY f.ordinal""", rows -> rows.getString(1), "watercolour"));

        assertThat(found).containsExactly("Query Tuning of 1");
        assertThat(page).hasSize(10).allSatisfy(row -> assertThat(row).endsWith(" of 2000"));
    }

    /**
     * The plans of the statements inside a function: auto_explain reports them as notices, in a
     * superuser session acting as the request role (SET ROLE), so row-level security applies as usual.
     */
    private static String nestedPlans(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.superuser().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("LOAD 'auto_explain'");
            statement.execute("SET auto_explain.log_min_duration = 0");
            statement.execute("SET auto_explain.log_nested_statements = on");
            statement.execute("SET auto_explain.log_level = 'notice'");
            // As in aDirectSearchUnderRowLevelSecurityCannotUseTheIndex: which indexes the query can use.
            statement.execute("SET enable_seqscan = off");
            statement.execute("SET ROLE " + RoleNames.quoted(PostgresCluster.REQUEST_ROLE));
            List<String> plans = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.executeQuery().close();
                for (SQLWarning warning = query.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                    plans.add(warning.getMessage());
                }
            }
            return String.join("\n", plans);
        }
    }

    private static List<String> courses(TestDatabase database, String terms) throws SQLException {
        return RequestRole.asUser(database, null, connection ->
                list(connection, "SELECT title FROM search_courses(?, 20)", rows -> rows.getString(1), terms));
    }

    private static List<String> lessons(TestDatabase database, UUID user, String terms) throws SQLException {
        return RequestRole.asUser(database, user, connection ->
                list(connection, "SELECT title FROM search_lessons(?, NULL, 20)", rows -> rows.getString(1), terms));
    }

    private static UUID course(Connection connection, String title, String slug, String shortDescription,
            String description, String status) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(connection, """
                INSERT INTO courses (id, title, slug, short_description, description, instructor_id, status, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, CASE WHEN ? = 'published' THEN now() END)
                """, id, title, slug, shortDescription, description, INSTRUCTOR, status, status);
        return id;
    }

    private static void lesson(Connection connection, UUID section, String title, int order, boolean preview, String content)
            throws SQLException {
        execute(connection, """
                INSERT INTO course_lessons (course_id, section_id, title, slug, content, order_index, is_preview)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, tuning, section, title, "lesson-" + order, content, order, preview);
    }
}
