package edu.sevenp.migrations.schema.rls;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may use a course's content (auth.accessible_course_ids()): its instructor, administrators, and
 * learners with an enrollment in a free course, a completed unexpired purchase, or an enrollment
 * backed by an active subscription. Preview lessons of published courses are open to anyone, and
 * the outline of a published course is public; its content is not.
 */
@PostgresTest
class ContentEntitlementIT {

    private static final String LESSON_CONTENT = "SELECT content FROM course_lessons WHERE id = ?";

    private static RlsFixture fixture;
    private static RequestSession session;

    @BeforeAll
    static void loadFixture(TestDatabase database) throws SQLException {
        fixture = RlsFixture.load(database);
        session = RequestSession.open(database);
    }

    @AfterAll
    static void closeSession() throws SQLException {
        session.close();
    }

    @Test
    void anonymousReadsPreviewLessonsOfAPublishedCourseButNoOtherLesson() throws SQLException {
        List<String> lessons = session.column(null,
                "SELECT title || ': ' || content FROM course_lessons WHERE course_id = ? ORDER BY title", fixture.id("paid"));

        // Intro is a preview lesson, Sampler sits in a preview section; Joins is paid content.
        assertThat(lessons).containsExactly("Intro: intro content", "Sampler: sampler content");
    }

    @Test
    void previewFlagOfAnUnpublishedCourseOpensNothing() throws SQLException {
        assertThat(session.column(null, LESSON_CONTENT, fixture.id("draft.l1"))).isEmpty();
        assertThat(session.column(fixture.id("B"), LESSON_CONTENT, fixture.id("draft.l1"))).isEmpty();
        assertThat(session.column(null, "SELECT lesson_title FROM course_outline_public WHERE course_id = ?",
                fixture.id("draft"))).isEmpty();
    }

    @Test
    void learnerWhoIsNotEntitledSeesTheOutlineButNotTheContent() throws SQLException {
        List<String> outline = session.column(fixture.id("B"), """
                SELECT section_order || '.' || lesson_order || ' ' || lesson_title || (CASE WHEN is_preview THEN ' (preview)' ELSE '' END)
                FROM course_outline_public WHERE course_id = ? ORDER BY section_order, lesson_order""", fixture.id("paid"));
        List<String> outlineColumns = session.column(fixture.id("B"), """
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = 'course_outline_public' ORDER BY ordinal_position""");

        assertThat(outline).containsExactly("1.1 Intro (preview)", "1.2 Joins", "2.1 Sampler (preview)");
        assertThat(outlineColumns).doesNotContain("content", "video_url", "attachments", "external_links");
        assertThat(session.column(fixture.id("B"), LESSON_CONTENT, fixture.id("paid.body"))).isEmpty();
        assertThat(session.column(fixture.id("A"), LESSON_CONTENT, fixture.id("paid.body"))).containsExactly("paid content");
    }

    @Test
    void anyoneReadsPublicProfilesButNoOtherColumnOfUsers() throws SQLException {
        List<String> instructor = session.column(null, "SELECT name || ' / ' || bio FROM public_profiles WHERE id = ?",
                fixture.id("I1"));
        List<String> profileColumns = session.column(null, """
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = 'public_profiles' ORDER BY ordinal_position""");

        assertThat(instructor).containsExactly("Instructor 1 / Teaches SQL");
        assertThat(profileColumns).containsExactly("id", "name", "avatar_url", "bio");
        assertThat(session.column(fixture.id("A"), "SELECT email FROM users WHERE id = ?", fixture.id("I1"))).isEmpty();
    }

    @Test
    void freeCourseOpensWhenTheLearnerEnrolls() throws SQLException {
        Enrolling enrolling = enrollAndRead(fixture.id("A"), fixture.id("free"), fixture.id("free.l1"));

        assertThat(enrolling).isEqualTo(new Enrolling(List.of(), Outcome.OK, List.of("free content")));
    }

    @Test
    void learnerCannotEnrollInAPaidCourseWithoutBuyingOrSubscribing() throws SQLException {
        Outcome outcome = session.write(fixture.id("B"), "INSERT INTO enrollments (user_id, course_id) VALUES (?, ?)",
                fixture.id("B"), fixture.id("paid"));

        assertThat(outcome).isEqualTo(Outcome.RLS);
    }

    @Test
    void nobodyEnrollsInAnUnpublishedCourse() throws SQLException {
        Outcome outcome = session.write(fixture.id("A"), "INSERT INTO enrollments (user_id, course_id) VALUES (?, ?)",
                fixture.id("A"), fixture.id("draft"));

        assertThat(outcome).isEqualTo(Outcome.RLS);
    }

    @Test
    void subscriberReachesAPaidCourseThroughAnEnrollment() throws SQLException {
        UUID learner = newLearner();
        subscribe(learner, null, "-1 day", "29 days");

        Enrolling enrolling = enrollAndRead(learner, fixture.id("paid"), fixture.id("paid.body"));

        assertThat(enrolling).isEqualTo(new Enrolling(List.of(), Outcome.OK, List.of("paid content")));
    }

    @Test
    void lapsedSubscriptionClosesTheContentButKeepsTheLearnersRecords() throws SQLException {
        UUID learner = newLearner();
        subscribe(learner, null, "-40 days", "-10 days");
        fixture.commitAsSuperuser("INSERT INTO enrollments (user_id, course_id) VALUES (?, ?)", learner, fixture.id("paid"));

        assertThat(session.column(learner, LESSON_CONTENT, fixture.id("paid.body"))).isEmpty();
        assertThat(session.column(learner, "SELECT status FROM enrollments WHERE user_id = ?", learner))
                .containsExactly("active");
        assertThat(session.write(learner, "UPDATE enrollments SET status = 'active' WHERE user_id = ?", learner))
                .as("coming back needs an entitlement again").isEqualTo(Outcome.RLS);
    }

    @Test
    void planCourseLimitCapsSubscriptionBackedEnrollments() throws SQLException {
        UUID learner = newLearner();
        subscribe(learner, 1, "-1 day", "29 days");
        UUID secondPaidCourse = newPublishedPaidCourse();
        fixture.commitAsSuperuser("INSERT INTO enrollments (user_id, course_id) VALUES (?, ?)", learner, fixture.id("paid"));

        Outcome second = session.write(learner, "INSERT INTO enrollments (user_id, course_id) VALUES (?, ?)",
                learner, secondPaidCourse);
        Outcome afterDroppingTheFirst = session.as(learner, connection -> {
            try (var drop = RequestSession.prepare(connection,
                    "UPDATE enrollments SET status = 'dropped' WHERE user_id = ? AND course_id = ?", learner, fixture.id("paid"))) {
                drop.executeUpdate();
            }
            return enroll(connection, learner, secondPaidCourse);
        });

        assertThat(second).isEqualTo(Outcome.RLS);
        assertThat(afterDroppingTheFirst).isEqualTo(Outcome.OK);
    }

    @Test
    void expiredOrRefundedPurchaseClosesTheCourse() throws SQLException {
        UUID expiredBuyer = newLearner();
        UUID refundedBuyer = newLearner();
        fixture.commitAsSuperuser("""
                INSERT INTO course_purchases (user_id, course_id, amount, status, purchased_at, expires_at)
                VALUES (?, ?, 49, 'completed', now() - interval '1 year', now() - interval '1 day')""",
                expiredBuyer, fixture.id("paid"));
        fixture.commitAsSuperuser("INSERT INTO course_purchases (user_id, course_id, amount, status) VALUES (?, ?, 49, 'refunded')",
                refundedBuyer, fixture.id("paid"));

        assertThat(session.column(expiredBuyer, LESSON_CONTENT, fixture.id("paid.body"))).isEmpty();
        assertThat(session.column(refundedBuyer, LESSON_CONTENT, fixture.id("paid.body"))).isEmpty();
    }

    @Test
    void archivedCourseStaysOpenToItsBuyersAndDisappearsForEveryoneElse() throws SQLException {
        UUID course = newPublishedPaidCourse();
        UUID lesson = UUID.randomUUID();
        fixture.commitAsSuperuser("""
                INSERT INTO course_lessons (id, course_id, section_id, title, slug, content, order_index)
                SELECT ?, ?, s.id, 'Kept', 'kept', 'kept content', 1 FROM course_sections s WHERE s.course_id = ?""",
                lesson, course, course);
        fixture.commitAsSuperuser("INSERT INTO course_purchases (user_id, course_id, amount, status) VALUES (?, ?, 19, 'completed')",
                fixture.id("A"), course);
        fixture.commitAsSuperuser("UPDATE courses SET status = 'archived' WHERE id = ?", course);

        assertThat(session.column(fixture.id("A"), LESSON_CONTENT, lesson)).containsExactly("kept content");
        assertThat(session.column(fixture.id("B"), "SELECT title FROM courses WHERE id = ?", course)).isEmpty();
        assertThat(session.column(null, "SELECT title FROM courses WHERE id = ?", course)).isEmpty();
    }

    @Test
    void learnerRecordsProgressOnlyOnLessonsOpenToThem() throws SQLException {
        String record = "INSERT INTO lesson_progress (user_id, lesson_id, course_id) VALUES (?, ?, ?)";

        assertThat(session.write(fixture.id("B"), record, fixture.id("B"), fixture.id("paid.body"), fixture.id("paid")))
                .isEqualTo(Outcome.RLS);
        assertThat(session.write(fixture.id("B"), record, fixture.id("B"), fixture.id("paid.bonus"), fixture.id("paid")))
                .as("a lesson of a preview section").isEqualTo(Outcome.OK);
    }

    /** A lesson's content as the learner sees it before and after enrolling in its course, in one request. */
    private record Enrolling(List<String> contentBefore, Outcome enrollment, List<String> contentAfter) {
    }

    private static Enrolling enrollAndRead(UUID learner, UUID course, UUID lesson) throws SQLException {
        return session.as(learner, connection -> new Enrolling(
                RequestSession.firstColumn(connection, LESSON_CONTENT, lesson),
                enroll(connection, learner, course),
                RequestSession.firstColumn(connection, LESSON_CONTENT, lesson)));
    }

    private static Outcome enroll(Connection connection, UUID learner, UUID course) throws SQLException {
        try (var insert = RequestSession.prepare(connection, "INSERT INTO enrollments (user_id, course_id) VALUES (?, ?)",
                learner, course)) {
            return Outcome.ofCount(insert.executeUpdate());
        }
    }

    private static UUID newLearner() throws SQLException {
        UUID learner = UUID.randomUUID();
        fixture.commitAsSuperuser("INSERT INTO users (id, email, name) VALUES (?, ?, 'Learner')",
                learner, learner + "@rls.test");
        return learner;
    }

    /** An active subscription of {@code learner} whose period runs from now + start to now + end. */
    private static void subscribe(UUID learner, Integer courseLimit, String start, String end) throws SQLException {
        UUID plan = UUID.randomUUID();
        fixture.commitAsSuperuser("""
                INSERT INTO subscription_plans (id, name, price, billing_interval, course_limit)
                VALUES (?, 'Plan', 10, 'monthly', ?)""", plan, courseLimit);
        fixture.commitAsSuperuser("""
                INSERT INTO subscriptions (user_id, plan_id, status, current_period_start, current_period_end)
                VALUES (?, ?, 'active', now() + ?::interval, now() + ?::interval)""", learner, plan, start, end);
    }

    private static UUID newPublishedPaidCourse() throws SQLException {
        UUID course = UUID.randomUUID();
        fixture.commitAsSuperuser("""
                INSERT INTO courses (id, title, slug, instructor_id, status, is_free, price)
                VALUES (?, 'Another paid course', ?, ?, 'published', FALSE, 19)""", course, "course-" + course, fixture.id("I1"));
        fixture.commitAsSuperuser("INSERT INTO course_sections (course_id, title, order_index) VALUES (?, 'Only', 1)", course);
        return course;
    }
}
