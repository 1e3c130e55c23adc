package edu.sevenp.migrations.schema.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.migrations.schema.LearningData;
import edu.sevenp.migrations.schema.RequestRole;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * get_user_dashboard(uuid) on a fixture written out below, compared as whole JSON documents.
 *
 * <p>Ana has nine enrollments: six active ones in published courses (P1-P5 opened in May, P6 in
 * April), one never opened (P8), one dropped (P7, opened last) and one active in a draft course
 * (D, opened most recently of all). Her dashboard shows P5, P4, P3, P2, P1. She completed two other
 * courses (P9, P10), spent 600 + 1200 seconds on lessons of D, and earned three achievements, written
 * in an order that is not the order they were earned in. Her encrypted phone and date of birth are
 * set, and must not appear. Ben has an account and nothing else.
 */
@PostgresTest
class UserDashboardIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID INSTRUCTOR = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    private static final String ANA_DASHBOARD = """
            {
              "user": {
                "id": "00000000-0000-0000-0000-0000000000a1",
                "email": "ana@example.org",
                "name": "Ana Lima",
                "first_name": "Ana",
                "last_name": "Lima",
                "avatar_url": "https://cdn.example.org/ana.png",
                "bio": "Learning every day",
                "timezone": "Europe/Lisbon",
                "language": "pt",
                "status": "active",
                "email_verified": true,
                "created_at": "2024-01-02T03:04:05+00:00",
                "last_login_at": "2024-06-01T08:00:00+00:00"
              },
              "active_enrollments": [
                {"course": {"id": "00000000-0000-0000-0000-00000000c005", "title": "Course P5", "slug": "course-p5",
                            "thumbnail_url": "https://cdn.example.org/p5.png", "difficulty": "beginner"},
                 "progress": 50.00, "last_accessed": "2024-05-05T10:00:00+00:00"},
                {"course": {"id": "00000000-0000-0000-0000-00000000c004", "title": "Course P4", "slug": "course-p4",
                            "thumbnail_url": null, "difficulty": "beginner"},
                 "progress": 40.00, "last_accessed": "2024-05-04T10:00:00+00:00"},
                {"course": {"id": "00000000-0000-0000-0000-00000000c003", "title": "Course P3", "slug": "course-p3",
                            "thumbnail_url": null, "difficulty": "advanced"},
                 "progress": 30.00, "last_accessed": "2024-05-03T10:00:00+00:00"},
                {"course": {"id": "00000000-0000-0000-0000-00000000c002", "title": "Course P2", "slug": "course-p2",
                            "thumbnail_url": null, "difficulty": "beginner"},
                 "progress": 20.50, "last_accessed": "2024-05-02T10:00:00+00:00"},
                {"course": {"id": "00000000-0000-0000-0000-00000000c001", "title": "Course P1", "slug": "course-p1",
                            "thumbnail_url": null, "difficulty": "beginner"},
                 "progress": 10.00, "last_accessed": "2024-05-01T10:00:00+00:00"}
              ],
              "completed_courses": 2,
              "total_study_time": 1800,
              "achievements": [
                {"id": "00000000-0000-0000-0000-00000000e003", "achievement_code": "streak_30", "title": "30-day streak",
                 "description": null, "icon_url": null, "course_id": null, "metadata": {},
                 "earned_at": "2024-03-01T00:00:00+00:00"},
                {"id": "00000000-0000-0000-0000-00000000e002", "achievement_code": "first_quiz", "title": "First quiz",
                 "description": "Passed a quiz", "icon_url": "https://cdn.example.org/quiz.svg",
                 "course_id": "00000000-0000-0000-0000-00000000c001", "metadata": {"score": 90},
                 "earned_at": "2024-02-10T12:30:00+00:00"},
                {"id": "00000000-0000-0000-0000-00000000e001", "achievement_code": "first_lesson", "title": "First lesson",
                 "description": null, "icon_url": null, "course_id": null, "metadata": {},
                 "earned_at": "2024-01-15T09:00:00+00:00"}
              ]
            }
            """;

    private static final String BEN_DASHBOARD = """
            {
              "user": {
                "id": "00000000-0000-0000-0000-0000000000b1",
                "email": "ben@example.org",
                "name": "Ben",
                "first_name": null,
                "last_name": null,
                "avatar_url": null,
                "bio": null,
                "timezone": "UTC",
                "language": "en",
                "status": "active",
                "email_verified": false,
                "created_at": "2024-02-01T00:00:00+00:00",
                "last_login_at": null
              },
              "active_enrollments": [],
              "completed_courses": 0,
              "total_study_time": 0,
              "achievements": []
            }
            """;

    private static UUID admin;

    @BeforeAll
    static void writeFixture(TestDatabase database) throws SQLException {
        try (LearningData data = LearningData.asSuperuser(database)) {
            data.execute("""
                    INSERT INTO users (id, email, name, first_name, last_name, phone_encrypted, date_of_birth_encrypted,
                                       gender, bio, avatar_url, timezone, language, email_verified, created_at,
                                       last_login_at)
                    VALUES (?, 'ana@example.org', 'Ana Lima', 'Ana', 'Lima', '\\x0102'::bytea, '\\x0304'::bytea,
                            'female', 'Learning every day', 'https://cdn.example.org/ana.png', 'Europe/Lisbon', 'pt',
                            TRUE, '2024-01-02T03:04:05Z', '2024-06-01T08:00:00Z')""", ANA);
            data.execute("INSERT INTO users (id, email, name, created_at) VALUES (?, 'ben@example.org', 'Ben', '2024-02-01Z')",
                    BEN);
            data.user(INSTRUCTOR, "Instructor");
            admin = data.userWithRole("Admin", "admin");

            for (int p = 1; p <= 10; p++) {
                data.course(INSTRUCTOR).id(course(p)).title("Course P" + p).slug("course-p" + p)
                        .difficulty(p == 3 ? "advanced" : "beginner").create();
            }
            data.execute("UPDATE courses SET thumbnail_url = 'https://cdn.example.org/p5.png' WHERE id = ?", course(5));
            UUID draft = data.course(INSTRUCTOR).title("Course D").status("draft").create();

            data.enroll(ANA, course(1), "active", new BigDecimal("10.00"), may(1));
            data.enroll(ANA, course(2), "active", new BigDecimal("20.50"), may(2));
            data.enroll(ANA, course(3), "active", new BigDecimal("30.00"), may(3));
            data.enroll(ANA, course(4), "active", new BigDecimal("40.00"), may(4));
            data.enroll(ANA, course(5), "active", new BigDecimal("50.00"), may(5));
            data.enroll(ANA, course(6), "active", new BigDecimal("60.00"), OffsetDateTime.parse("2024-04-01T10:00:00Z"));
            data.enroll(ANA, course(8), "active", new BigDecimal("0.00"), null);
            data.enroll(ANA, course(7), "dropped", new BigDecimal("70.00"), may(31));
            data.enroll(ANA, draft, "active", new BigDecimal("80.00"), OffsetDateTime.parse("2024-06-01T10:00:00Z"));

            data.completion(ANA, course(9), 5);
            data.completion(ANA, course(10), null);
            data.lessonProgress(ANA, data.lesson(draft), draft, "in_progress", new BigDecimal("50.00"), 600);
            data.lessonProgress(ANA, data.lesson(draft), draft, "in_progress", new BigDecimal("25.00"), 1200);

            String achievement = """
                    INSERT INTO user_achievements (id, user_id, achievement_code, title, description, icon_url, course_id,
                                                   metadata, earned_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""";
            data.execute(achievement, achievementId(1), ANA, "first_lesson", "First lesson", null, null, null, "{}",
                    OffsetDateTime.parse("2024-01-15T09:00:00Z"));
            data.execute(achievement, achievementId(3), ANA, "streak_30", "30-day streak", null, null, null, "{}",
                    OffsetDateTime.parse("2024-03-01T00:00:00Z"));
            data.execute(achievement, achievementId(2), ANA, "first_quiz", "First quiz", "Passed a quiz",
                    "https://cdn.example.org/quiz.svg", course(1), "{\"score\": 90}",
                    OffsetDateTime.parse("2024-02-10T12:30:00Z"));
        }
    }

    @Test
    void dashboardShowsProfileRecentActiveEnrollmentsCompletionsStudyTimeAndAchievements(TestDatabase database)
            throws Exception {
        JsonNode dashboard = dashboard(database, ANA, ANA);

        assertThat(dashboard).isEqualTo(JSON.readTree(ANA_DASHBOARD));
    }

    @Test
    void activeEnrollmentsAreTheFiveMostRecentlyOpenedInPublishedCourses(TestDatabase database) throws Exception {
        JsonNode enrollments = dashboard(database, ANA, ANA).get("active_enrollments");

        assertThat(courseIds(enrollments)).containsExactly(
                course(5).toString(), course(4).toString(), course(3).toString(), course(2).toString(),
                course(1).toString());
    }

    @Test
    void achievementsAreNewestFirst(TestDatabase database) throws Exception {
        JsonNode achievements = dashboard(database, ANA, ANA).get("achievements");

        List<String> codes = new ArrayList<>();
        achievements.forEach(achievement -> codes.add(achievement.get("achievement_code").asText()));
        assertThat(codes).containsExactly("streak_30", "first_quiz", "first_lesson");
    }

    @Test
    void userHasTheListedProfileFieldsOnlyAndNoEncryptedOnes(TestDatabase database) throws Exception {
        JsonNode user = dashboard(database, ANA, ANA).get("user");

        List<String> fields = new ArrayList<>();
        user.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "email", "name", "first_name", "last_name", "avatar_url",
                "bio", "timezone", "language", "status", "email_verified", "created_at", "last_login_at");
    }

    @Test
    void aUserWithNothingGetsEmptyListsAndZeros(TestDatabase database) throws Exception {
        JsonNode dashboard = dashboard(database, BEN, BEN);

        assertThat(dashboard).isEqualTo(JSON.readTree(BEN_DASHBOARD));
    }

    @Test
    void anotherUsersDashboardIsRefused(TestDatabase database) {
        assertThatThrownBy(() -> dashboard(database, BEN, ANA))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("only the user themselves or an administrator may read a user's dashboard")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
    }

    @Test
    void anAnonymousRequestIsRefused(TestDatabase database) {
        assertThatThrownBy(() -> dashboard(database, null, ANA))
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
    }

    @Test
    void anAdministratorMayReadAnotherUsersDashboard(TestDatabase database) throws Exception {
        JsonNode dashboard = dashboard(database, admin, ANA);

        assertThat(dashboard).isEqualTo(JSON.readTree(ANA_DASHBOARD));
    }

    /** get_user_dashboard(user) through the request role, acting for {@code caller}. */
    private static JsonNode dashboard(TestDatabase database, UUID caller, UUID user) throws Exception {
        String json = RequestRole.asUser(database, caller, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT get_user_dashboard(?)")) {
                statement.setObject(1, user);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        });
        return JSON.readTree(json);
    }

    private static List<String> courseIds(JsonNode enrollments) {
        List<String> ids = new ArrayList<>();
        enrollments.forEach(enrollment -> ids.add(enrollment.get("course").get("id").asText()));
        return ids;
    }

    private static UUID course(int number) {
        return UUID.fromString(String.format("00000000-0000-0000-0000-00000000c%03d", number));
    }

    private static UUID achievementId(int number) {
        return UUID.fromString(String.format("00000000-0000-0000-0000-00000000e%03d", number));
    }

    private static OffsetDateTime may(int day) {
        return OffsetDateTime.parse(String.format("2024-05-%02dT10:00:00Z", day));
    }
}
