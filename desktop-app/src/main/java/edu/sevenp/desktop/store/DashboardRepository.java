package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_COMPLETIONS;
import static edu.sevenp.desktop.store.schema.Tables.ENROLLMENTS;
import static edu.sevenp.desktop.store.schema.Tables.LESSON_PROGRESS;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_ATTEMPTS;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;
import static edu.sevenp.desktop.store.schema.Tables.USERS;
import static edu.sevenp.desktop.store.schema.Tables.USER_ACHIEVEMENTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.store.schema.tables.records.UserAchievementsRecord;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.Difficulty;
import edu.sevenp.model.UserId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.learning.Dashboard;
import edu.sevenp.model.learning.EnrollmentStatus;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The learner's dashboard from the local store, with the content and order of the server's
 * {@code get_user_dashboard} (R__user_dashboard_and_recommendations.sql).
 */
public final class DashboardRepository {

    private static final ObjectMapper JSON_MAPPER = JsonMapperFactory.create();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final int RECENT_COURSES = 5;

    private final DSLContext dsl;

    DashboardRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    public Dashboard dashboard(UserId user) {
        Dashboard.User profile = dsl.select(USERS.ID, USERS.NAME, USERS.AVATAR_URL, USERS.BIO, USERS.CREATED_AT)
                .from(USERS).where(USERS.ID.eq(user.value()))
                .fetchOne(row -> new Dashboard.User(new UserId(row.value1()), row.value2(), row.value3(), row.value4(),
                        row.value5()));
        // Never-opened enrollments after opened ones; ties broken so that the five are always the same.
        List<Dashboard.ActiveEnrollment> recent = dsl
                .select(COURSES.ID, COURSES.TITLE, COURSES.SLUG, COURSES.THUMBNAIL_URL, COURSES.DIFFICULTY,
                        ENROLLMENTS.PROGRESS, ENROLLMENTS.LAST_ACCESSED_AT)
                .from(ENROLLMENTS)
                .join(COURSES).on(COURSES.ID.eq(ENROLLMENTS.COURSE_ID))
                .where(ENROLLMENTS.USER_ID.eq(user.value()), ENROLLMENTS.STATUS.eq(EnrollmentStatus.ACTIVE.code()),
                        COURSES.STATUS.eq("published"))
                .orderBy(ENROLLMENTS.LAST_ACCESSED_AT.desc().nullsLast(), ENROLLMENTS.ENROLLED_AT.desc(), COURSES.ID)
                .limit(RECENT_COURSES)
                .fetch(row -> new Dashboard.ActiveEnrollment(
                        new Dashboard.CourseSummary(new CourseId(row.value1()), row.value2(), row.value3(), row.value4(),
                                Difficulty.fromCode(row.value5())),
                        row.value6(), row.value7()));
        int completed = dsl.fetchCount(COURSE_COMPLETIONS, COURSE_COMPLETIONS.USER_ID.eq(user.value()));
        BigDecimal studyTime = dsl.select(coalesce(sum(LESSON_PROGRESS.TOTAL_TIME_SPENT), BigDecimal.ZERO))
                .from(LESSON_PROGRESS).where(LESSON_PROGRESS.USER_ID.eq(user.value()))
                .fetchSingle().value1();
        List<Dashboard.Achievement> achievements = dsl.selectFrom(USER_ACHIEVEMENTS)
                .where(USER_ACHIEVEMENTS.USER_ID.eq(user.value()))
                .orderBy(USER_ACHIEVEMENTS.EARNED_AT.desc(), USER_ACHIEVEMENTS.ID)
                .fetch(DashboardRepository::achievement);
        return new Dashboard(profile, recent, completed, studyTime.longValueExact(), achievements);
    }

    /** What the learner has done, for the milestones the player computes itself. */
    public LearningTally tally(UserId user) {
        UUID id = user.value();
        int active = dsl.fetchCount(ENROLLMENTS, ENROLLMENTS.USER_ID.eq(id),
                ENROLLMENTS.STATUS.eq(EnrollmentStatus.ACTIVE.code()));
        int lessons = dsl.fetchCount(LESSON_PROGRESS, LESSON_PROGRESS.USER_ID.eq(id),
                LESSON_PROGRESS.STATUS.eq("completed"));
        int courses = dsl.fetchCount(COURSE_COMPLETIONS, COURSE_COMPLETIONS.USER_ID.eq(id));
        int passed = dsl.select(countDistinct(QUIZ_ATTEMPTS.QUIZ_ID)).from(QUIZ_ATTEMPTS)
                .where(QUIZ_ATTEMPTS.USER_ID.eq(id), QUIZ_ATTEMPTS.PASSED.isTrue()).fetchSingle().value1();
        int perfect = dsl.fetchCount(QUIZ_ATTEMPTS, QUIZ_ATTEMPTS.USER_ID.eq(id),
                QUIZ_ATTEMPTS.PERCENTAGE.ge(new BigDecimal("100")));
        long seconds = dsl.select(coalesce(sum(LESSON_PROGRESS.TOTAL_TIME_SPENT), BigDecimal.ZERO))
                .from(LESSON_PROGRESS).where(LESSON_PROGRESS.USER_ID.eq(id)).fetchSingle().value1().longValueExact();
        int notes = dsl.fetchCount(USER_NOTES, USER_NOTES.USER_ID.eq(id));
        return new LearningTally(active, lessons, courses, passed, perfect, seconds, notes);
    }

    /**
     * Published courses here that {@code user} never enrolled in, and the categories of the courses they did: the
     * same inputs as the server's get_course_recommendations, limited to what this device holds.
     */
    public CourseCandidates candidates(UserId user) {
        UUID id = user.value();
        List<CourseCandidate> courses = dsl.select(COURSES.ID, COURSES.TITLE, COURSES.SHORT_DESCRIPTION,
                        COURSES.DIFFICULTY, COURSES.CATEGORY_ID, COURSES.AVERAGE_RATING, COURSES.ENROLLMENT_COUNT,
                        coalesce(COURSES.PUBLISHED_AT, COURSES.CREATED_AT))
                .from(COURSES)
                .where(COURSES.STATUS.eq("published"), COURSES.INSTRUCTOR_ID.ne(id),
                        COURSES.ID.notIn(select(ENROLLMENTS.COURSE_ID).from(ENROLLMENTS).where(ENROLLMENTS.USER_ID.eq(id))))
                .orderBy(COURSES.ID)
                .fetch(row -> new CourseCandidate(new CourseId(row.value1()), row.value2(), row.value3(),
                        Difficulty.fromCode(row.value4()), row.value5(), row.value6(), row.value7(), row.value8()));
        Map<UUID, Integer> byCategory = new LinkedHashMap<>();
        dsl.select(COURSES.CATEGORY_ID, count())
                .from(ENROLLMENTS).join(COURSES).on(COURSES.ID.eq(ENROLLMENTS.COURSE_ID))
                .where(ENROLLMENTS.USER_ID.eq(id), COURSES.CATEGORY_ID.isNotNull())
                .groupBy(COURSES.CATEGORY_ID)
                .forEach(row -> byCategory.put(row.value1(), row.value2()));
        int enrollments = dsl.fetchCount(ENROLLMENTS, ENROLLMENTS.USER_ID.eq(id));
        return new CourseCandidates(courses, byCategory, enrollments);
    }

    /** Which of {@code courses} this device holds. */
    public Set<CourseId> present(Collection<CourseId> courses) {
        if (courses.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(dsl.select(COURSES.ID).from(COURSES)
                .where(COURSES.ID.in(courses.stream().map(CourseId::value).toList()))
                .fetch(row -> new CourseId(row.value1())));
    }

    private static Dashboard.Achievement achievement(UserAchievementsRecord row) {
        Map<String, Object> metadata;
        try {
            metadata = JSON_MAPPER.readValue(row.getMetadata().data(), OBJECT);
        } catch (JsonProcessingException e) {
            throw new StoreException(StoreException.WORDS.text("damaged.achievement"), e);
        }
        return new Dashboard.Achievement(row.getId(), row.getAchievementCode(), row.getTitle(), row.getDescription(),
                row.getIconUrl(), row.getCourseId() == null ? null : new CourseId(row.getCourseId()), metadata,
                row.getEarnedAt());
    }
}
