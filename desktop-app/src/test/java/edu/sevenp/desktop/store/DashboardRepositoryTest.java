package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_ATTEMPTS;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.Difficulty;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Dashboard;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's content and order, as get_user_dashboard has them (UserDashboardIT's fixture, made on
 * the device through the store): the five most recently studied active enrollments in published courses,
 * completions, total study time, achievements newest first.
 */
class DashboardRepositoryTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2024-01-02T03:04:05Z");
    private static final OffsetDateTime ENROLLED = OffsetDateTime.parse("2024-04-01T10:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("dashboard-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final UserId ana = fixture.user(UUID.randomUUID(), "Ana Lima", "https://cdn.example.org/ana.png",
            "Learning every day", CREATED);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theDashboardShowsProfileRecentCoursesCompletionsStudyTimeAndAchievements() {
        List<FixtureCourse> p = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            p.add(fixture.course(UUID.randomUUID(), "Course P" + n, n == 5 ? "https://cdn.example.org/p5.png" : null,
                    n == 3 ? "advanced" : "beginner", List.of(List.of(UUID.randomUUID(), UUID.randomUUID()))));
        }
        FixtureCourse draft = fixture.course("Course D", 1, 1);
        fixture.dsl().update(COURSES).set(COURSES.STATUS, "draft").where(COURSES.ID.eq(draft.id().value())).execute();
        // P1-P5 studied on May 1-5, P6 in April, P7 dropped after studying last, P8 never opened, D a draft
        // studied in June, P9 completed.
        for (int n = 1; n <= 8; n++) {
            store.enrollments().enroll(ana, p.get(n - 1).id(), ENROLLED);
        }
        store.enrollments().enroll(ana, draft.id(), ENROLLED);
        for (int n = 1; n <= 5; n++) {
            visit(p.get(n - 1), may(n), 60);
        }
        store.progress().record(ana, p.get(1).lesson(1), ProgressEntry.completion(may(2).minusHours(1), 0));
        visit(p.get(5), may(1).minusDays(10), 60);
        visit(p.get(6), may(31), 60);
        store.enrollments().drop(ana, p.get(6).id(), may(31));
        visit(draft, may(31).plusDays(1), 600);
        store.enrollments().enroll(ana, p.get(8).id(), ENROLLED);
        p.get(8).lessons().forEach(lesson -> store.progress().record(ana, lesson, ProgressEntry.completion(may(10), 30)));
        UUID streak = UUID.randomUUID();
        UUID quiz = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        fixture.achievement(first, ana, "first_lesson", "First lesson", null, null, null, "{}", may(1).minusMonths(4));
        fixture.achievement(streak, ana, "streak_30", "30-day streak", null, null, null, "{}", may(1).minusMonths(2));
        fixture.achievement(quiz, ana, "first_quiz", "First quiz", "Passed a quiz", "https://cdn.example.org/quiz.svg",
                p.get(0).id(), "{\"score\": 90, \"note\": null}", may(1).minusMonths(3));

        Dashboard dashboard = store.dashboards().dashboard(ana);

        Map<String, Object> quizMetadata = new HashMap<>();
        quizMetadata.put("score", 90);
        quizMetadata.put("note", null);
        assertThat(dashboard).isEqualTo(new Dashboard(
                new Dashboard.User(ana, "Ana Lima", "https://cdn.example.org/ana.png", "Learning every day", CREATED),
                List.of(recent(p.get(4), "Course P5", "https://cdn.example.org/p5.png", Difficulty.BEGINNER, "0.00", may(5)),
                        recent(p.get(3), "Course P4", null, Difficulty.BEGINNER, "0.00", may(4)),
                        recent(p.get(2), "Course P3", null, Difficulty.ADVANCED, "0.00", may(3)),
                        recent(p.get(1), "Course P2", null, Difficulty.BEGINNER, "50.00", may(2)),
                        recent(p.get(0), "Course P1", null, Difficulty.BEGINNER, "0.00", may(1))),
                1, 5 * 60 + 60 + 60 + 600 + 2 * 30,
                List.of(new Dashboard.Achievement(streak, "streak_30", "30-day streak", null, null, null, Map.of(),
                                may(1).minusMonths(2)),
                        new Dashboard.Achievement(quiz, "first_quiz", "First quiz", "Passed a quiz",
                                "https://cdn.example.org/quiz.svg", p.get(0).id(), quizMetadata, may(1).minusMonths(3)),
                        new Dashboard.Achievement(first, "first_lesson", "First lesson", null, null, null, Map.of(),
                                may(1).minusMonths(4)))));
    }

    @Test
    void aLearnerWithNothingGetsEmptyListsAndZeros() {
        assertThat(store.dashboards().dashboard(ana)).isEqualTo(new Dashboard(
                new Dashboard.User(ana, "Ana Lima", "https://cdn.example.org/ana.png", "Learning every day", CREATED),
                List.of(), 0, 0, List.of()));
    }

    @Test
    void theTallyCountsWhatTheLearnerDidAndNobodyElse() {
        FixtureCourse joins = fixture.course("Joins", 1, 3);
        FixtureCourse keys = fixture.course("Keys", 1, 1);
        UserId bo = fixture.user("Bo");
        store.enrollments().enroll(ana, joins.id(), ENROLLED);
        store.enrollments().enroll(ana, keys.id(), ENROLLED);
        store.enrollments().enroll(bo, joins.id(), ENROLLED);
        joins.lessons().forEach(lesson -> store.progress().record(ana, lesson, ProgressEntry.completion(may(2), 600)));
        store.progress().record(bo, joins.lesson(0), ProgressEntry.completion(may(2), 900));
        store.notes().create(ana, joins.lesson(0), "Inner joins drop unmatched rows", null, may(2));
        store.notes().create(bo, joins.lesson(0), "Bo's note", null, may(2));
        QuizId quiz = fixture.quiz(joins, joins.lesson(0), "Join check", QuizMode.PRACTICE, null);
        attempt(quiz, ana, 1, "60.00", false);
        attempt(quiz, ana, 2, "100.00", true);
        attempt(quiz, ana, 3, "100.00", true);
        attempt(quiz, bo, 1, "100.00", true);

        LearningTally tally = store.dashboards().tally(ana);

        assertThat(tally).isEqualTo(new LearningTally(tally.activeCourses(), 3, tally.coursesCompleted(), 1, 2, 1800, 1));
        assertThat(tally.activeCourses() + tally.coursesCompleted()).isEqualTo(2);
        assertThat(store.dashboards().tally(fixture.user("Cy"))).isEqualTo(LearningTally.NOTHING);
    }

    @Test
    void candidatesArePublishedCoursesTheLearnerNeverTookWithTheirCategoriesCounted() {
        UUID databases = UUID.randomUUID();
        FixtureCourse taken = fixture.course("Joins", 1, 1);
        FixtureCourse dropped = fixture.course("Keys", 1, 1);
        FixtureCourse other = fixture.course("Indexes", 1, 1);
        FixtureCourse draft = fixture.course("Draft", 1, 1);
        fixture.category(databases, "databases", "Databases");
        fixture.dsl().update(COURSES).set(COURSES.CATEGORY_ID, databases)
                .where(COURSES.ID.in(taken.id().value(), other.id().value())).execute();
        fixture.dsl().update(COURSES).set(COURSES.STATUS, "draft").where(COURSES.ID.eq(draft.id().value())).execute();
        store.enrollments().enroll(ana, taken.id(), ENROLLED);
        store.enrollments().enroll(ana, dropped.id(), ENROLLED);
        store.enrollments().drop(ana, dropped.id(), may(3));

        CourseCandidates candidates = store.dashboards().candidates(ana);

        assertThat(candidates.courses()).extracting(CourseCandidate::title).containsExactly("Indexes");
        assertThat(candidates.courses().get(0).category()).isEqualTo(databases);
        assertThat(candidates.enrollmentsByCategory()).isEqualTo(Map.of(databases, 1));
        assertThat(candidates.enrollments()).isEqualTo(2);
    }

    @Test
    void presentNamesTheCoursesThisDeviceHolds() {
        FixtureCourse joins = fixture.course("Joins", 1, 1);
        CourseId elsewhere = CourseId.random();

        assertThat(store.dashboards().present(List.of(joins.id(), elsewhere))).containsExactly(joins.id());
        assertThat(store.dashboards().present(List.of())).isEmpty();
    }

    private void attempt(QuizId quiz, UserId user, int number, String percentage, boolean passed) {
        fixture.dsl().insertInto(QUIZ_ATTEMPTS).set(QUIZ_ATTEMPTS.ID, UUID.randomUUID())
                .set(QUIZ_ATTEMPTS.QUIZ_ID, quiz.value()).set(QUIZ_ATTEMPTS.USER_ID, user.value())
                .set(QUIZ_ATTEMPTS.ATTEMPT_NUMBER, number).set(QUIZ_ATTEMPTS.STATUS, "graded").set(QUIZ_ATTEMPTS.STARTED_AT, may(3).minusMinutes(5))
                .set(QUIZ_ATTEMPTS.COMPLETED_AT, may(3)).set(QUIZ_ATTEMPTS.SCORE, new BigDecimal(percentage))
                .set(QUIZ_ATTEMPTS.MAX_SCORE, new BigDecimal("100")).set(QUIZ_ATTEMPTS.PERCENTAGE, new BigDecimal(percentage))
                .set(QUIZ_ATTEMPTS.PASSED, passed).execute();
    }

    private void visit(FixtureCourse course, OffsetDateTime at, int seconds) {
        store.progress().record(ana, course.lesson(0), ProgressEntry.visit(at, 0, BigDecimal.TEN, seconds));
    }

    private static Dashboard.ActiveEnrollment recent(FixtureCourse course, String title, String thumbnail,
            Difficulty difficulty, String progress, OffsetDateTime lastAccessed) {
        return new Dashboard.ActiveEnrollment(new Dashboard.CourseSummary(course.id(), title,
                StoreFixture.slug(title, course.id().value()), thumbnail, difficulty),
                new BigDecimal(progress), lastAccessed);
    }

    private static OffsetDateTime may(int day) {
        return OffsetDateTime.parse("2024-05-01T10:00:00Z").plusDays(day - 1L);
    }
}
