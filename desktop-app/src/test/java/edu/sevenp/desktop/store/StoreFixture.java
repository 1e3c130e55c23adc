package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_CATEGORIES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_SECTIONS;
import static edu.sevenp.desktop.store.schema.Tables.OUTBOX;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_QUESTIONS;
import static edu.sevenp.desktop.store.schema.Tables.USERS;
import static edu.sevenp.desktop.store.schema.Tables.USER_ACHIEVEMENTS;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.quiz.QuestionType;
import edu.sevenp.model.quiz.QuizMode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Table;

/**
 * Rows for tests of the store and the learning services, written straight into a store (as a course
 * package or a pull from the server would put them there). Every builder makes the smallest valid row
 * and returns its id; ids may be given, so one fixture can be written into H2 and PostgreSQL alike.
 */
public final class StoreFixture {

    /** A course and its lessons in teaching order. */
    public record FixtureCourse(CourseId id, List<LessonId> lessons) {
        public LessonId lesson(int index) {
            return lessons.get(index);
        }
    }

    private final LocalStore store;
    private final DSLContext dsl;
    private UUID instructor;

    public StoreFixture(LocalStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.dsl = store.dsl();
    }

    public LocalStore store() {
        return store;
    }

    /** The profile's own learner. */
    public UserId learner() {
        return store.identity().userId();
    }

    public UserId user(String name) {
        return user(UUID.randomUUID(), name, null, null, OffsetDateTime.parse("2024-01-01T00:00:00Z"));
    }

    public UserId user(UUID id, String name, String avatarUrl, String bio, OffsetDateTime createdAt) {
        dsl.insertInto(USERS).set(USERS.ID, id).set(USERS.NAME, name).set(USERS.AVATAR_URL, avatarUrl).set(USERS.BIO, bio)
                .set(USERS.CREATED_AT, createdAt).execute();
        return new UserId(id);
    }

    /** A published course of {@code sections} sections with {@code lessonsPerSection} lessons each. */
    public FixtureCourse course(String title, int sections, int lessonsPerSection) {
        List<List<UUID>> lessonIds = new ArrayList<>();
        for (int s = 0; s < sections; s++) {
            List<UUID> ids = new ArrayList<>();
            for (int l = 0; l < lessonsPerSection; l++) {
                ids.add(UUID.randomUUID());
            }
            lessonIds.add(ids);
        }
        return course(UUID.randomUUID(), title, null, "beginner", lessonIds);
    }

    /** A published course with the given ids: one list of lesson ids per section. */
    public FixtureCourse course(UUID id, String title, String thumbnailUrl, String difficulty, List<List<UUID>> lessonIds) {
        String slug = slug(title, id);
        dsl.insertInto(COURSES).set(COURSES.ID, id).set(COURSES.TITLE, title).set(COURSES.SLUG, slug)
                .set(COURSES.INSTRUCTOR_ID, instructor()).set(COURSES.STATUS, "published").set(COURSES.DIFFICULTY, difficulty)
                .set(COURSES.THUMBNAIL_URL, thumbnailUrl).execute();
        List<LessonId> lessons = new ArrayList<>();
        for (int s = 0; s < lessonIds.size(); s++) {
            UUID section = UUID.randomUUID();
            dsl.insertInto(COURSE_SECTIONS).set(COURSE_SECTIONS.ID, section).set(COURSE_SECTIONS.COURSE_ID, id)
                    .set(COURSE_SECTIONS.TITLE, "Section " + (s + 1)).set(COURSE_SECTIONS.ORDER_INDEX, s + 1).execute();
            for (int l = 0; l < lessonIds.get(s).size(); l++) {
                lessons.add(new LessonId(lesson(id, section, lessonIds.get(s).get(l), "Lesson " + (s + 1) + "." + (l + 1), l + 1)));
            }
        }
        return new FixtureCourse(new CourseId(id), List.copyOf(lessons));
    }

    /** The slug {@link #course} gives a course. */
    public static String slug(String title, UUID id) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + id.toString().substring(0, 8);
    }

    /** One more lesson at the end of the course's last section, as a newer package version would add it. */
    public LessonId addLesson(CourseId course) {
        UUID section = dsl.select(COURSE_SECTIONS.ID).from(COURSE_SECTIONS).where(COURSE_SECTIONS.COURSE_ID.eq(course.value()))
                .orderBy(COURSE_SECTIONS.ORDER_INDEX.desc()).limit(1).fetchSingle().value1();
        int order = dsl.fetchCount(COURSE_LESSONS, COURSE_LESSONS.SECTION_ID.eq(section)) + 1;
        return new LessonId(lesson(course.value(), section, UUID.randomUUID(), "Added lesson " + order, order));
    }

    private UUID lesson(UUID course, UUID section, UUID id, String title, int order) {
        dsl.insertInto(COURSE_LESSONS).set(COURSE_LESSONS.ID, id).set(COURSE_LESSONS.COURSE_ID, course)
                .set(COURSE_LESSONS.SECTION_ID, section).set(COURSE_LESSONS.TITLE, title)
                .set(COURSE_LESSONS.SLUG, "lesson-" + id).set(COURSE_LESSONS.CONTENT, "# " + title + "\n\nBody of " + title + ".")
                .set(COURSE_LESSONS.CONTENT_TYPE, "text").set(COURSE_LESSONS.ORDER_INDEX, order).execute();
        return id;
    }

    /** A quiz on a lesson; questions are added with {@link #question}. */
    /** A quiz of {@code lesson}, or of the whole course when {@code lesson} is null. */
    public QuizId quiz(FixtureCourse course, LessonId lesson, String title, QuizMode mode, Integer attemptsAllowed) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(COURSE_QUIZZES).set(COURSE_QUIZZES.ID, id).set(COURSE_QUIZZES.COURSE_ID, course.id().value())
                .set(COURSE_QUIZZES.LESSON_ID, lesson == null ? null : lesson.value()).set(COURSE_QUIZZES.TITLE, title)
                .set(COURSE_QUIZZES.QUIZ_MODE, mode.code()).set(COURSE_QUIZZES.ATTEMPTS_ALLOWED, attemptsAllowed).execute();
        return new QuizId(id);
    }

    /**
     * A question at the end of the quiz.
     *
     * @param options JSON array of the choices, or null
     * @param correctAnswer JSON of the key (practice quizzes only), or null
     */
    public QuestionId question(QuizId quiz, String text, QuestionType type, String points, String options,
            String correctAnswer, String explanation) {
        UUID id = UUID.randomUUID();
        int order = dsl.fetchCount(QUIZ_QUESTIONS, QUIZ_QUESTIONS.QUIZ_ID.eq(quiz.value())) + 1;
        dsl.insertInto(QUIZ_QUESTIONS).set(QUIZ_QUESTIONS.ID, id).set(QUIZ_QUESTIONS.QUIZ_ID, quiz.value())
                .set(QUIZ_QUESTIONS.QUESTION_TEXT, text).set(QUIZ_QUESTIONS.QUESTION_TYPE, type.code())
                .set(QUIZ_QUESTIONS.POINTS, new BigDecimal(points)).set(QUIZ_QUESTIONS.ORDER_INDEX, order)
                .set(QUIZ_QUESTIONS.OPTIONS, options == null ? null : JSON.json(options))
                .set(QUIZ_QUESTIONS.CORRECT_ANSWER, correctAnswer == null ? null : JSON.json(correctAnswer))
                .set(QUIZ_QUESTIONS.EXPLANATION, explanation).execute();
        return new QuestionId(id);
    }

    public void category(UUID id, String slug, String name) {
        dsl.insertInto(COURSE_CATEGORIES).set(COURSE_CATEGORIES.ID, id).set(COURSE_CATEGORIES.SLUG, slug)
                .set(COURSE_CATEGORIES.NAME, name).execute();
    }

    public void closeQuiz(QuizId quiz) {
        dsl.update(COURSE_QUIZZES).set(COURSE_QUIZZES.IS_ACTIVE, false).where(COURSE_QUIZZES.ID.eq(quiz.value())).execute();
    }

    public void achievement(UUID id, UserId user, String code, String title, String description, String iconUrl,
            CourseId course, String metadata, OffsetDateTime earnedAt) {
        dsl.insertInto(USER_ACHIEVEMENTS).set(USER_ACHIEVEMENTS.ID, id).set(USER_ACHIEVEMENTS.USER_ID, user.value())
                .set(USER_ACHIEVEMENTS.ACHIEVEMENT_CODE, code).set(USER_ACHIEVEMENTS.TITLE, title)
                .set(USER_ACHIEVEMENTS.DESCRIPTION, description).set(USER_ACHIEVEMENTS.ICON_URL, iconUrl)
                .set(USER_ACHIEVEMENTS.COURSE_ID, course == null ? null : course.value())
                .set(USER_ACHIEVEMENTS.METADATA, JSON.json(metadata)).set(USER_ACHIEVEMENTS.EARNED_AT, earnedAt).execute();
    }

    /** Every outbox entry, in sequence order, whatever its state. */
    public List<Outbox.Entry> outbox() {
        return dsl.selectFrom(OUTBOX).orderBy(OUTBOX.SEQ).fetch(Outbox::entry);
    }

    /** Every search-queue entry, oldest first. */
    public List<SearchQueue.Entry> searchQueue() {
        return store.searchQueue().next(Integer.MAX_VALUE);
    }

    public int count(Table<?> table) {
        return dsl.fetchCount(table);
    }

    /** Runs a statement of a test's own, for what no builder covers. */
    public DSLContext dsl() {
        return dsl;
    }

    private UUID instructor() {
        if (instructor == null) {
            instructor = user("Instructor").value();
        }
        return instructor;
    }
}
