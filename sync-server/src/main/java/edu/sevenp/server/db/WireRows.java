package edu.sevenp.server.db;

import static edu.sevenp.server.db.schema.Tables.COURSES;
import static edu.sevenp.server.db.schema.Tables.COURSE_CATEGORIES;
import static edu.sevenp.server.db.schema.Tables.COURSE_COMPLETIONS;
import static edu.sevenp.server.db.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.server.db.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.server.db.schema.Tables.COURSE_RESOURCES;
import static edu.sevenp.server.db.schema.Tables.COURSE_SECTIONS;
import static edu.sevenp.server.db.schema.Tables.ENROLLMENTS;
import static edu.sevenp.server.db.schema.Tables.LESSON_PROGRESS;
import static edu.sevenp.server.db.schema.Tables.MEDIA_FILES;
import static edu.sevenp.server.db.schema.Tables.PUBLIC_PROFILES;
import static edu.sevenp.server.db.schema.Tables.QUIZ_ATTEMPTS;
import static edu.sevenp.server.db.schema.Tables.QUIZ_QUESTIONS;
import static edu.sevenp.server.db.schema.Tables.USER_ACHIEVEMENTS;
import static edu.sevenp.server.db.schema.Tables.USER_BOOKMARKS;
import static edu.sevenp.server.db.schema.Tables.USER_NOTES;
import static edu.sevenp.server.db.schema.Tables.USER_PREFERENCES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.protocol.rows.AchievementRow;
import edu.sevenp.model.protocol.rows.BookmarkRow;
import edu.sevenp.model.protocol.rows.CategoryRow;
import edu.sevenp.model.protocol.rows.CompletionRow;
import edu.sevenp.model.protocol.rows.CourseRow;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import edu.sevenp.model.protocol.rows.LessonProgressRow;
import edu.sevenp.model.protocol.rows.LessonRow;
import edu.sevenp.model.protocol.rows.MediaFileRow;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.model.protocol.rows.PreferenceRow;
import edu.sevenp.model.protocol.rows.PublicProfileRow;
import edu.sevenp.model.protocol.rows.QuestionRow;
import edu.sevenp.model.protocol.rows.QuizAttemptRow;
import edu.sevenp.model.protocol.rows.QuizRow;
import edu.sevenp.model.protocol.rows.ResourceRow;
import edu.sevenp.model.protocol.rows.SectionRow;
import java.util.List;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;

/**
 * The columns of each table a user may read, and how a row becomes its wire record (docs/sync-protocol.md,
 * section 14). Projections are explicit: the request role may not read every column (quiz_questions'
 * answer keys), so a {@code SELECT *} would be refused.
 */
final class WireRows {

    private static final ObjectMapper JSON = JsonMapperFactory.create();

    static final List<Field<?>> PROFILE = List.of(PUBLIC_PROFILES.ID, PUBLIC_PROFILES.NAME, PUBLIC_PROFILES.BIO,
            PUBLIC_PROFILES.AVATAR_URL);
    static final List<Field<?>> CATEGORY = List.of(COURSE_CATEGORIES.ID, COURSE_CATEGORIES.NAME, COURSE_CATEGORIES.SLUG,
            COURSE_CATEGORIES.DESCRIPTION, COURSE_CATEGORIES.PARENT_ID, COURSE_CATEGORIES.ICON_URL, COURSE_CATEGORIES.COLOR,
            COURSE_CATEGORIES.SORT_ORDER, COURSE_CATEGORIES.IS_ACTIVE, COURSE_CATEGORIES.CREATED_AT, COURSE_CATEGORIES.UPDATED_AT);
    static final List<Field<?>> COURSE = List.of(COURSES.ID, COURSES.TITLE, COURSES.SLUG, COURSES.SHORT_DESCRIPTION,
            COURSES.DESCRIPTION, COURSES.INSTRUCTOR_ID, COURSES.CATEGORY_ID, COURSES.PRICE, COURSES.ORIGINAL_PRICE,
            COURSES.CURRENCY, COURSES.DIFFICULTY, COURSES.LANGUAGE, COURSES.DURATION_HOURS, COURSES.STATUS,
            COURSES.IS_FEATURED, COURSES.IS_FREE, COURSES.THUMBNAIL_URL, COURSES.PREVIEW_VIDEO_URL, COURSES.META_TITLE,
            COURSES.META_DESCRIPTION, COURSES.LEARNING_OBJECTIVES, COURSES.REQUIREMENTS, COURSES.TARGET_AUDIENCE,
            COURSES.ENROLLMENT_COUNT, COURSES.AVERAGE_RATING, COURSES.REVIEW_COUNT, COURSES.COMPLETION_RATE,
            COURSES.PUBLISHED_AT, COURSES.CREATED_AT, COURSES.UPDATED_AT, COURSES.PACKAGE_VERSION, COURSES.VERSION_NUMBER);
    static final List<Field<?>> SECTION = List.of(COURSE_SECTIONS.ID, COURSE_SECTIONS.COURSE_ID, COURSE_SECTIONS.TITLE,
            COURSE_SECTIONS.DESCRIPTION, COURSE_SECTIONS.ORDER_INDEX, COURSE_SECTIONS.IS_PREVIEW, COURSE_SECTIONS.CREATED_AT,
            COURSE_SECTIONS.UPDATED_AT);
    static final List<Field<?>> LESSON = List.of(COURSE_LESSONS.ID, COURSE_LESSONS.COURSE_ID, COURSE_LESSONS.SECTION_ID,
            COURSE_LESSONS.TITLE, COURSE_LESSONS.SLUG, COURSE_LESSONS.CONTENT, COURSE_LESSONS.CONTENT_FORMAT,
            COURSE_LESSONS.CONTENT_TYPE, COURSE_LESSONS.VIDEO_URL, COURSE_LESSONS.VIDEO_DURATION, COURSE_LESSONS.VIDEO_QUALITY,
            COURSE_LESSONS.READING_TIME, COURSE_LESSONS.ORDER_INDEX, COURSE_LESSONS.IS_PREVIEW, COURSE_LESSONS.IS_DOWNLOADABLE,
            COURSE_LESSONS.ATTACHMENTS, COURSE_LESSONS.EXTERNAL_LINKS, COURSE_LESSONS.CREATED_AT, COURSE_LESSONS.UPDATED_AT);
    static final List<Field<?>> MEDIA = List.of(MEDIA_FILES.ID, MEDIA_FILES.COURSE_ID, MEDIA_FILES.FILENAME,
            MEDIA_FILES.ORIGINAL_FILENAME, MEDIA_FILES.FILE_PATH, MEDIA_FILES.FILE_SIZE, MEDIA_FILES.MIME_TYPE,
            MEDIA_FILES.FILE_HASH, MEDIA_FILES.WIDTH, MEDIA_FILES.HEIGHT, MEDIA_FILES.DURATION, MEDIA_FILES.VISIBILITY,
            MEDIA_FILES.CREATED_AT, MEDIA_FILES.UPDATED_AT);
    static final List<Field<?>> RESOURCE = List.of(COURSE_RESOURCES.ID, COURSE_RESOURCES.COURSE_ID, COURSE_RESOURCES.LESSON_ID,
            COURSE_RESOURCES.MEDIA_FILE_ID, COURSE_RESOURCES.TITLE, COURSE_RESOURCES.DESCRIPTION, COURSE_RESOURCES.FILE_URL,
            COURSE_RESOURCES.FILE_TYPE, COURSE_RESOURCES.FILE_SIZE, COURSE_RESOURCES.DOWNLOAD_COUNT,
            COURSE_RESOURCES.IS_DOWNLOADABLE, COURSE_RESOURCES.CREATED_AT, COURSE_RESOURCES.UPDATED_AT);
    static final List<Field<?>> QUIZ = List.of(COURSE_QUIZZES.ID, COURSE_QUIZZES.COURSE_ID, COURSE_QUIZZES.LESSON_ID,
            COURSE_QUIZZES.TITLE, COURSE_QUIZZES.DESCRIPTION, COURSE_QUIZZES.INSTRUCTIONS, COURSE_QUIZZES.QUIZ_MODE,
            COURSE_QUIZZES.TIME_LIMIT, COURSE_QUIZZES.ATTEMPTS_ALLOWED, COURSE_QUIZZES.PASSING_SCORE,
            COURSE_QUIZZES.RANDOMIZE_QUESTIONS, COURSE_QUIZZES.SHOW_CORRECT_ANSWERS, COURSE_QUIZZES.IS_REQUIRED,
            COURSE_QUIZZES.IS_ACTIVE, COURSE_QUIZZES.CREATED_AT, COURSE_QUIZZES.UPDATED_AT);
    /** Without correct_answer and explanation, which the request role may not read; practice keys come separately. */
    static final List<Field<?>> QUESTION = List.of(QUIZ_QUESTIONS.ID, QUIZ_QUESTIONS.QUIZ_ID, QUIZ_QUESTIONS.QUESTION_TEXT,
            QUIZ_QUESTIONS.QUESTION_TYPE, QUIZ_QUESTIONS.POINTS, QUIZ_QUESTIONS.ORDER_INDEX, QUIZ_QUESTIONS.OPTIONS,
            QUIZ_QUESTIONS.CREATED_AT, QUIZ_QUESTIONS.UPDATED_AT);
    static final List<Field<?>> ENROLLMENT = List.of(ENROLLMENTS.ID, ENROLLMENTS.USER_ID, ENROLLMENTS.COURSE_ID,
            ENROLLMENTS.STATUS, ENROLLMENTS.ENROLLED_AT, ENROLLMENTS.COMPLETED_AT, ENROLLMENTS.PROGRESS,
            ENROLLMENTS.LAST_ACCESSED_AT, ENROLLMENTS.STATUS_CHANGED_AT, ENROLLMENTS.UPDATED_AT, ENROLLMENTS.ROW_VERSION);
    static final List<Field<?>> PROGRESS = List.of(LESSON_PROGRESS.ID, LESSON_PROGRESS.USER_ID, LESSON_PROGRESS.LESSON_ID,
            LESSON_PROGRESS.COURSE_ID, LESSON_PROGRESS.STATUS, LESSON_PROGRESS.PROGRESS_PERCENTAGE,
            LESSON_PROGRESS.TOTAL_TIME_SPENT, LESSON_PROGRESS.LAST_POSITION, LESSON_PROGRESS.STARTED_AT,
            LESSON_PROGRESS.COMPLETED_AT, LESSON_PROGRESS.LAST_ACCESSED_AT, LESSON_PROGRESS.INTERACTION_COUNT,
            LESSON_PROGRESS.NOTES_COUNT, LESSON_PROGRESS.BOOKMARKS_COUNT, LESSON_PROGRESS.CREATED_AT,
            LESSON_PROGRESS.UPDATED_AT, LESSON_PROGRESS.ROW_VERSION);
    static final List<Field<?>> ATTEMPT = List.of(QUIZ_ATTEMPTS.ID, QUIZ_ATTEMPTS.QUIZ_ID, QUIZ_ATTEMPTS.USER_ID,
            QUIZ_ATTEMPTS.ATTEMPT_NUMBER, QUIZ_ATTEMPTS.STATUS, QUIZ_ATTEMPTS.STARTED_AT, QUIZ_ATTEMPTS.COMPLETED_AT,
            QUIZ_ATTEMPTS.TIME_TAKEN, QUIZ_ATTEMPTS.SCORE, QUIZ_ATTEMPTS.MAX_SCORE, QUIZ_ATTEMPTS.PERCENTAGE,
            QUIZ_ATTEMPTS.PASSED, QUIZ_ATTEMPTS.RESPONSES, QUIZ_ATTEMPTS.UPDATED_AT, QUIZ_ATTEMPTS.ROW_VERSION);
    static final List<Field<?>> COMPLETION = List.of(COURSE_COMPLETIONS.ID, COURSE_COMPLETIONS.USER_ID,
            COURSE_COMPLETIONS.COURSE_ID, COURSE_COMPLETIONS.COMPLETED_AT, COURSE_COMPLETIONS.COMPLETION_PERCENTAGE,
            COURSE_COMPLETIONS.TOTAL_TIME_SPENT, COURSE_COMPLETIONS.FINAL_SCORE, COURSE_COMPLETIONS.CERTIFICATE_ISSUED,
            COURSE_COMPLETIONS.CERTIFICATE_URL, COURSE_COMPLETIONS.RATING, COURSE_COMPLETIONS.REVIEW,
            COURSE_COMPLETIONS.WOULD_RECOMMEND, COURSE_COMPLETIONS.REVIEWED_AT, COURSE_COMPLETIONS.UPDATED_AT,
            COURSE_COMPLETIONS.ROW_VERSION);
    static final List<Field<?>> ACHIEVEMENT = List.of(USER_ACHIEVEMENTS.ID, USER_ACHIEVEMENTS.USER_ID,
            USER_ACHIEVEMENTS.ACHIEVEMENT_CODE, USER_ACHIEVEMENTS.TITLE, USER_ACHIEVEMENTS.DESCRIPTION,
            USER_ACHIEVEMENTS.ICON_URL, USER_ACHIEVEMENTS.COURSE_ID, USER_ACHIEVEMENTS.METADATA, USER_ACHIEVEMENTS.EARNED_AT);
    static final List<Field<?>> NOTE = List.of(USER_NOTES.ID, USER_NOTES.USER_ID, USER_NOTES.LESSON_ID, USER_NOTES.COURSE_ID,
            USER_NOTES.CONTENT, USER_NOTES.TIMESTAMP_IN_VIDEO, USER_NOTES.IS_PRIVATE, USER_NOTES.CONFLICT_OF,
            USER_NOTES.CREATED_AT, USER_NOTES.UPDATED_AT, USER_NOTES.EDITED_AT, USER_NOTES.ROW_VERSION,
            USER_NOTES.REMOVED_LESSON_TITLE);
    static final List<Field<?>> BOOKMARK = List.of(USER_BOOKMARKS.ID, USER_BOOKMARKS.USER_ID, USER_BOOKMARKS.LESSON_ID,
            USER_BOOKMARKS.COURSE_ID, USER_BOOKMARKS.TITLE, USER_BOOKMARKS.TIMESTAMP_IN_VIDEO, USER_BOOKMARKS.NOTES,
            USER_BOOKMARKS.CREATED_AT, USER_BOOKMARKS.UPDATED_AT, USER_BOOKMARKS.EDITED_AT, USER_BOOKMARKS.ROW_VERSION);
    static final List<Field<?>> PREFERENCE = List.of(USER_PREFERENCES.ID, USER_PREFERENCES.USER_ID, USER_PREFERENCES.CATEGORY,
            USER_PREFERENCES.KEY, USER_PREFERENCES.VALUE, USER_PREFERENCES.UPDATED_AT, USER_PREFERENCES.ROW_VERSION);

    private WireRows() {
    }

    static PublicProfileRow profile(Record r) {
        return new PublicProfileRow(r.get(PUBLIC_PROFILES.ID), r.get(PUBLIC_PROFILES.NAME), r.get(PUBLIC_PROFILES.BIO),
                r.get(PUBLIC_PROFILES.AVATAR_URL), null);
    }

    static CategoryRow category(Record r) {
        return new CategoryRow(r.get(COURSE_CATEGORIES.ID), r.get(COURSE_CATEGORIES.NAME), r.get(COURSE_CATEGORIES.SLUG),
                r.get(COURSE_CATEGORIES.DESCRIPTION), r.get(COURSE_CATEGORIES.PARENT_ID), r.get(COURSE_CATEGORIES.ICON_URL),
                r.get(COURSE_CATEGORIES.COLOR), r.get(COURSE_CATEGORIES.SORT_ORDER), r.get(COURSE_CATEGORIES.IS_ACTIVE),
                r.get(COURSE_CATEGORIES.CREATED_AT), r.get(COURSE_CATEGORIES.UPDATED_AT));
    }

    static CourseRow course(Record r) {
        return new CourseRow(r.get(COURSES.ID), r.get(COURSES.TITLE), r.get(COURSES.SLUG), r.get(COURSES.SHORT_DESCRIPTION),
                r.get(COURSES.DESCRIPTION), r.get(COURSES.INSTRUCTOR_ID), r.get(COURSES.CATEGORY_ID), r.get(COURSES.PRICE),
                r.get(COURSES.ORIGINAL_PRICE), r.get(COURSES.CURRENCY), r.get(COURSES.DIFFICULTY), r.get(COURSES.LANGUAGE),
                r.get(COURSES.DURATION_HOURS), r.get(COURSES.STATUS), r.get(COURSES.IS_FEATURED), r.get(COURSES.IS_FREE),
                r.get(COURSES.THUMBNAIL_URL), r.get(COURSES.PREVIEW_VIDEO_URL), r.get(COURSES.META_TITLE),
                r.get(COURSES.META_DESCRIPTION), json(r.get(COURSES.LEARNING_OBJECTIVES)), json(r.get(COURSES.REQUIREMENTS)),
                json(r.get(COURSES.TARGET_AUDIENCE)), r.get(COURSES.ENROLLMENT_COUNT), r.get(COURSES.AVERAGE_RATING),
                r.get(COURSES.REVIEW_COUNT), r.get(COURSES.COMPLETION_RATE), r.get(COURSES.PUBLISHED_AT),
                r.get(COURSES.CREATED_AT), r.get(COURSES.UPDATED_AT), r.get(COURSES.PACKAGE_VERSION),
                r.get(COURSES.VERSION_NUMBER));
    }

    static SectionRow section(Record r) {
        return new SectionRow(r.get(COURSE_SECTIONS.ID), r.get(COURSE_SECTIONS.COURSE_ID), r.get(COURSE_SECTIONS.TITLE),
                r.get(COURSE_SECTIONS.DESCRIPTION), r.get(COURSE_SECTIONS.ORDER_INDEX), r.get(COURSE_SECTIONS.IS_PREVIEW),
                r.get(COURSE_SECTIONS.CREATED_AT), r.get(COURSE_SECTIONS.UPDATED_AT));
    }

    static LessonRow lesson(Record r) {
        return new LessonRow(r.get(COURSE_LESSONS.ID), r.get(COURSE_LESSONS.COURSE_ID), r.get(COURSE_LESSONS.SECTION_ID),
                r.get(COURSE_LESSONS.TITLE), r.get(COURSE_LESSONS.SLUG), r.get(COURSE_LESSONS.CONTENT),
                r.get(COURSE_LESSONS.CONTENT_FORMAT), r.get(COURSE_LESSONS.CONTENT_TYPE), r.get(COURSE_LESSONS.VIDEO_URL),
                r.get(COURSE_LESSONS.VIDEO_DURATION), json(r.get(COURSE_LESSONS.VIDEO_QUALITY)),
                r.get(COURSE_LESSONS.READING_TIME), r.get(COURSE_LESSONS.ORDER_INDEX), r.get(COURSE_LESSONS.IS_PREVIEW),
                r.get(COURSE_LESSONS.IS_DOWNLOADABLE), json(r.get(COURSE_LESSONS.ATTACHMENTS)),
                json(r.get(COURSE_LESSONS.EXTERNAL_LINKS)), r.get(COURSE_LESSONS.CREATED_AT), r.get(COURSE_LESSONS.UPDATED_AT));
    }

    static MediaFileRow media(Record r) {
        return new MediaFileRow(r.get(MEDIA_FILES.ID), r.get(MEDIA_FILES.COURSE_ID), r.get(MEDIA_FILES.FILENAME),
                r.get(MEDIA_FILES.ORIGINAL_FILENAME), r.get(MEDIA_FILES.FILE_PATH), r.get(MEDIA_FILES.FILE_SIZE),
                r.get(MEDIA_FILES.MIME_TYPE), r.get(MEDIA_FILES.FILE_HASH), r.get(MEDIA_FILES.WIDTH), r.get(MEDIA_FILES.HEIGHT),
                r.get(MEDIA_FILES.DURATION), r.get(MEDIA_FILES.VISIBILITY), r.get(MEDIA_FILES.CREATED_AT),
                r.get(MEDIA_FILES.UPDATED_AT));
    }

    static ResourceRow resource(Record r) {
        return new ResourceRow(r.get(COURSE_RESOURCES.ID), r.get(COURSE_RESOURCES.COURSE_ID), r.get(COURSE_RESOURCES.LESSON_ID),
                r.get(COURSE_RESOURCES.MEDIA_FILE_ID), r.get(COURSE_RESOURCES.TITLE), r.get(COURSE_RESOURCES.DESCRIPTION),
                r.get(COURSE_RESOURCES.FILE_URL), r.get(COURSE_RESOURCES.FILE_TYPE), r.get(COURSE_RESOURCES.FILE_SIZE),
                r.get(COURSE_RESOURCES.DOWNLOAD_COUNT), r.get(COURSE_RESOURCES.IS_DOWNLOADABLE),
                r.get(COURSE_RESOURCES.CREATED_AT), r.get(COURSE_RESOURCES.UPDATED_AT));
    }

    static QuizRow quiz(Record r) {
        return new QuizRow(r.get(COURSE_QUIZZES.ID), r.get(COURSE_QUIZZES.COURSE_ID), r.get(COURSE_QUIZZES.LESSON_ID),
                r.get(COURSE_QUIZZES.TITLE), r.get(COURSE_QUIZZES.DESCRIPTION), r.get(COURSE_QUIZZES.INSTRUCTIONS),
                r.get(COURSE_QUIZZES.QUIZ_MODE), r.get(COURSE_QUIZZES.TIME_LIMIT), r.get(COURSE_QUIZZES.ATTEMPTS_ALLOWED),
                r.get(COURSE_QUIZZES.PASSING_SCORE), r.get(COURSE_QUIZZES.RANDOMIZE_QUESTIONS),
                r.get(COURSE_QUIZZES.SHOW_CORRECT_ANSWERS), r.get(COURSE_QUIZZES.IS_REQUIRED), r.get(COURSE_QUIZZES.IS_ACTIVE),
                r.get(COURSE_QUIZZES.CREATED_AT), r.get(COURSE_QUIZZES.UPDATED_AT));
    }

    /** A question with its practice key, or with none (graded quizzes: the key never leaves the server). */
    static QuestionRow question(Record r, JsonNode correctAnswer, String explanation) {
        return new QuestionRow(r.get(QUIZ_QUESTIONS.ID), r.get(QUIZ_QUESTIONS.QUIZ_ID), r.get(QUIZ_QUESTIONS.QUESTION_TEXT),
                r.get(QUIZ_QUESTIONS.QUESTION_TYPE), r.get(QUIZ_QUESTIONS.POINTS), r.get(QUIZ_QUESTIONS.ORDER_INDEX),
                json(r.get(QUIZ_QUESTIONS.OPTIONS)), correctAnswer, explanation, r.get(QUIZ_QUESTIONS.CREATED_AT),
                r.get(QUIZ_QUESTIONS.UPDATED_AT));
    }

    static EnrollmentRow enrollment(Record r) {
        return new EnrollmentRow(r.get(ENROLLMENTS.ID), r.get(ENROLLMENTS.USER_ID), r.get(ENROLLMENTS.COURSE_ID),
                r.get(ENROLLMENTS.STATUS), r.get(ENROLLMENTS.ENROLLED_AT), r.get(ENROLLMENTS.COMPLETED_AT),
                r.get(ENROLLMENTS.PROGRESS), r.get(ENROLLMENTS.LAST_ACCESSED_AT), r.get(ENROLLMENTS.STATUS_CHANGED_AT),
                r.get(ENROLLMENTS.UPDATED_AT), r.get(ENROLLMENTS.ROW_VERSION));
    }

    static LessonProgressRow progress(Record r) {
        return new LessonProgressRow(r.get(LESSON_PROGRESS.ID), r.get(LESSON_PROGRESS.USER_ID), r.get(LESSON_PROGRESS.LESSON_ID),
                r.get(LESSON_PROGRESS.COURSE_ID), r.get(LESSON_PROGRESS.STATUS), r.get(LESSON_PROGRESS.PROGRESS_PERCENTAGE),
                r.get(LESSON_PROGRESS.TOTAL_TIME_SPENT), r.get(LESSON_PROGRESS.LAST_POSITION),
                r.get(LESSON_PROGRESS.STARTED_AT), r.get(LESSON_PROGRESS.COMPLETED_AT), r.get(LESSON_PROGRESS.LAST_ACCESSED_AT),
                r.get(LESSON_PROGRESS.INTERACTION_COUNT), r.get(LESSON_PROGRESS.NOTES_COUNT),
                r.get(LESSON_PROGRESS.BOOKMARKS_COUNT), r.get(LESSON_PROGRESS.CREATED_AT), r.get(LESSON_PROGRESS.UPDATED_AT),
                r.get(LESSON_PROGRESS.ROW_VERSION));
    }

    static QuizAttemptRow attempt(Record r) {
        return new QuizAttemptRow(r.get(QUIZ_ATTEMPTS.ID), r.get(QUIZ_ATTEMPTS.QUIZ_ID), r.get(QUIZ_ATTEMPTS.USER_ID),
                r.get(QUIZ_ATTEMPTS.ATTEMPT_NUMBER), r.get(QUIZ_ATTEMPTS.STATUS), r.get(QUIZ_ATTEMPTS.STARTED_AT),
                r.get(QUIZ_ATTEMPTS.COMPLETED_AT), r.get(QUIZ_ATTEMPTS.TIME_TAKEN), r.get(QUIZ_ATTEMPTS.SCORE),
                r.get(QUIZ_ATTEMPTS.MAX_SCORE), r.get(QUIZ_ATTEMPTS.PERCENTAGE), r.get(QUIZ_ATTEMPTS.PASSED),
                json(r.get(QUIZ_ATTEMPTS.RESPONSES)), r.get(QUIZ_ATTEMPTS.UPDATED_AT), r.get(QUIZ_ATTEMPTS.ROW_VERSION));
    }

    static CompletionRow completion(Record r) {
        return new CompletionRow(r.get(COURSE_COMPLETIONS.ID), r.get(COURSE_COMPLETIONS.USER_ID),
                r.get(COURSE_COMPLETIONS.COURSE_ID), r.get(COURSE_COMPLETIONS.COMPLETED_AT),
                r.get(COURSE_COMPLETIONS.COMPLETION_PERCENTAGE), r.get(COURSE_COMPLETIONS.TOTAL_TIME_SPENT),
                r.get(COURSE_COMPLETIONS.FINAL_SCORE), r.get(COURSE_COMPLETIONS.CERTIFICATE_ISSUED),
                r.get(COURSE_COMPLETIONS.CERTIFICATE_URL), r.get(COURSE_COMPLETIONS.RATING), r.get(COURSE_COMPLETIONS.REVIEW),
                r.get(COURSE_COMPLETIONS.WOULD_RECOMMEND), r.get(COURSE_COMPLETIONS.REVIEWED_AT),
                r.get(COURSE_COMPLETIONS.UPDATED_AT), r.get(COURSE_COMPLETIONS.ROW_VERSION));
    }

    static AchievementRow achievement(Record r) {
        return new AchievementRow(r.get(USER_ACHIEVEMENTS.ID), r.get(USER_ACHIEVEMENTS.USER_ID),
                r.get(USER_ACHIEVEMENTS.ACHIEVEMENT_CODE), r.get(USER_ACHIEVEMENTS.TITLE), r.get(USER_ACHIEVEMENTS.DESCRIPTION),
                r.get(USER_ACHIEVEMENTS.ICON_URL), r.get(USER_ACHIEVEMENTS.COURSE_ID), json(r.get(USER_ACHIEVEMENTS.METADATA)),
                r.get(USER_ACHIEVEMENTS.EARNED_AT));
    }

    static NoteRow note(Record r) {
        return new NoteRow(r.get(USER_NOTES.ID), r.get(USER_NOTES.USER_ID), r.get(USER_NOTES.LESSON_ID),
                r.get(USER_NOTES.COURSE_ID), r.get(USER_NOTES.CONTENT), r.get(USER_NOTES.TIMESTAMP_IN_VIDEO),
                r.get(USER_NOTES.IS_PRIVATE), r.get(USER_NOTES.CONFLICT_OF), r.get(USER_NOTES.CREATED_AT),
                r.get(USER_NOTES.UPDATED_AT), r.get(USER_NOTES.EDITED_AT), r.get(USER_NOTES.ROW_VERSION),
                r.get(USER_NOTES.REMOVED_LESSON_TITLE));
    }

    static BookmarkRow bookmark(Record r) {
        return new BookmarkRow(r.get(USER_BOOKMARKS.ID), r.get(USER_BOOKMARKS.USER_ID), r.get(USER_BOOKMARKS.LESSON_ID),
                r.get(USER_BOOKMARKS.COURSE_ID), r.get(USER_BOOKMARKS.TITLE), r.get(USER_BOOKMARKS.TIMESTAMP_IN_VIDEO),
                r.get(USER_BOOKMARKS.NOTES), r.get(USER_BOOKMARKS.CREATED_AT), r.get(USER_BOOKMARKS.UPDATED_AT),
                r.get(USER_BOOKMARKS.EDITED_AT), r.get(USER_BOOKMARKS.ROW_VERSION));
    }

    static PreferenceRow preference(Record r) {
        return new PreferenceRow(r.get(USER_PREFERENCES.ID), r.get(USER_PREFERENCES.USER_ID), r.get(USER_PREFERENCES.CATEGORY),
                r.get(USER_PREFERENCES.KEY), json(r.get(USER_PREFERENCES.VALUE)), r.get(USER_PREFERENCES.UPDATED_AT),
                r.get(USER_PREFERENCES.ROW_VERSION));
    }

    static JsonNode json(JSONB value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(value.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the database returned JSON it cannot parse: " + e.getOriginalMessage(), e);
        }
    }

    static JSONB jsonb(JsonNode value) {
        if (value == null) {
            return null;
        }
        try {
            return JSONB.jsonb(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a JSON value could not be written: " + e.getOriginalMessage(), e);
        }
    }
}
