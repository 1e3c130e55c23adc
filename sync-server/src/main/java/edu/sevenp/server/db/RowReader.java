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

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.model.protocol.rows.SyncRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * Reads whole rows as the user may see them (row-level security applies): by id for the change feed, and a
 * table at a time, in id order, for a stream's full copy.
 */
final class RowReader {

    /** One table of a stream: how to read it and map it, and which rows belong to the stream. */
    record Source(String table, Table<?> from, TableField<?, UUID> id, List<Field<?>> fields, Function<Record, SyncRow> mapper) {
    }

    static final Source PROFILES = new Source("users", PUBLIC_PROFILES, PUBLIC_PROFILES.ID, WireRows.PROFILE, WireRows::profile);
    static final Source CATEGORIES = new Source("course_categories", COURSE_CATEGORIES, COURSE_CATEGORIES.ID, WireRows.CATEGORY,
            WireRows::category);
    static final Source COURSE_ROWS = new Source("courses", COURSES, COURSES.ID, WireRows.COURSE, WireRows::course);
    static final Source SECTIONS = new Source("course_sections", COURSE_SECTIONS, COURSE_SECTIONS.ID, WireRows.SECTION,
            WireRows::section);
    static final Source LESSONS = new Source("course_lessons", COURSE_LESSONS, COURSE_LESSONS.ID, WireRows.LESSON,
            WireRows::lesson);
    static final Source MEDIA = new Source("media_files", MEDIA_FILES, MEDIA_FILES.ID, WireRows.MEDIA, WireRows::media);
    static final Source RESOURCES = new Source("course_resources", COURSE_RESOURCES, COURSE_RESOURCES.ID, WireRows.RESOURCE,
            WireRows::resource);
    static final Source QUIZZES = new Source("course_quizzes", COURSE_QUIZZES, COURSE_QUIZZES.ID, WireRows.QUIZ, WireRows::quiz);
    static final Source QUESTIONS = new Source("quiz_questions", QUIZ_QUESTIONS, QUIZ_QUESTIONS.ID, WireRows.QUESTION,
            record -> WireRows.question(record, null, null));
    static final Source ENROLLMENT_ROWS = new Source("enrollments", ENROLLMENTS, ENROLLMENTS.ID, WireRows.ENROLLMENT,
            WireRows::enrollment);
    static final Source PROGRESS = new Source("lesson_progress", LESSON_PROGRESS, LESSON_PROGRESS.ID, WireRows.PROGRESS,
            WireRows::progress);
    static final Source ATTEMPTS = new Source("quiz_attempts", QUIZ_ATTEMPTS, QUIZ_ATTEMPTS.ID, WireRows.ATTEMPT,
            WireRows::attempt);
    static final Source COMPLETIONS = new Source("course_completions", COURSE_COMPLETIONS, COURSE_COMPLETIONS.ID,
            WireRows.COMPLETION, WireRows::completion);
    static final Source ACHIEVEMENTS = new Source("user_achievements", USER_ACHIEVEMENTS, USER_ACHIEVEMENTS.ID,
            WireRows.ACHIEVEMENT, WireRows::achievement);
    static final Source NOTES = new Source("user_notes", USER_NOTES, USER_NOTES.ID, WireRows.NOTE, WireRows::note);
    static final Source BOOKMARKS = new Source("user_bookmarks", USER_BOOKMARKS, USER_BOOKMARKS.ID, WireRows.BOOKMARK,
            WireRows::bookmark);
    static final Source PREFERENCES = new Source("user_preferences", USER_PREFERENCES, USER_PREFERENCES.ID, WireRows.PREFERENCE,
            WireRows::preference);

    /** A course stream's tables, in the order a full copy sends them (what refers to a row comes after it). */
    static final List<Source> COURSE_STREAM = List.of(CATEGORIES, PROFILES, COURSE_ROWS, SECTIONS, LESSONS, MEDIA, RESOURCES,
            QUIZZES, QUESTIONS);
    /** The user stream's tables, in full-copy order. */
    static final List<Source> USER_STREAM = List.of(ENROLLMENT_ROWS, PROGRESS, ATTEMPTS, COMPLETIONS, ACHIEVEMENTS, NOTES,
            BOOKMARKS, PREFERENCES);

    private static final Map<String, Source> BY_TABLE = new HashMap<>();

    static {
        for (Source source : COURSE_STREAM) {
            BY_TABLE.put(source.table(), source);
        }
        for (Source source : USER_STREAM) {
            BY_TABLE.put(source.table(), source);
        }
    }

    private final DSLContext tx;

    RowReader(DSLContext tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    static boolean knows(String table) {
        return BY_TABLE.containsKey(table);
    }

    /** The rows of {@code table} with these ids that the user may see, in no particular order. */
    List<SyncRow> byIds(String table, Collection<UUID> ids) {
        Source source = BY_TABLE.get(table);
        if (source == null || ids.isEmpty()) {
            return List.of();
        }
        return read(source, source.id().in(ids), Integer.MAX_VALUE);
    }

    /**
     * Up to {@code limit} rows of one table of a stream, after {@code afterId} in id order.
     *
     * @param course the course of a course stream, or null for the user stream
     */
    List<SyncRow> page(Source source, UUID course, UUID user, UUID afterId, int limit) {
        Condition after = afterId == null ? org.jooq.impl.DSL.noCondition() : source.id().gt(afterId);
        return read(source, belongs(source, course, user).and(after), limit);
    }

    private List<SyncRow> read(Source source, Condition where, int limit) {
        List<SyncRow> rows = tx.select(source.fields()).from(source.from()).where(where).orderBy(source.id())
                .limit(limit).fetch(record -> source.mapper().apply(record));
        return source == QUESTIONS ? withPracticeKeys(rows) : rows;
    }

    private Condition belongs(Source source, UUID course, UUID user) {
        if (course == null) {
            return source.from().field("user_id", UUID.class).eq(user);
        }
        if (source == COURSE_ROWS) {
            return COURSES.ID.eq(course);
        }
        if (source == CATEGORIES) {
            // The course's category and its ancestors (at most 20 levels, so a cycle cannot loop).
            return COURSE_CATEGORIES.ID.in(org.jooq.impl.DSL.select(org.jooq.impl.DSL.field("id", UUID.class)).from(
                    org.jooq.impl.DSL.table("(with recursive chain (id, parent_id, depth) as (select c.id, c.parent_id, 0"
                            + " from course_categories c join courses k on k.category_id = c.id where k.id = ?"
                            + " union all select p.id, p.parent_id, chain.depth + 1 from course_categories p"
                            + " join chain on p.id = chain.parent_id where chain.depth < 20) select id from chain) ancestors",
                            course)));
        }
        if (source == PROFILES) {
            return PUBLIC_PROFILES.ID.in(org.jooq.impl.DSL.select(COURSES.INSTRUCTOR_ID).from(COURSES).where(COURSES.ID.eq(course)));
        }
        if (source == QUESTIONS) {
            return QUIZ_QUESTIONS.QUIZ_ID.in(org.jooq.impl.DSL.select(COURSE_QUIZZES.ID).from(COURSE_QUIZZES)
                    .where(COURSE_QUIZZES.COURSE_ID.eq(course)));
        }
        return source.from().field("course_id", UUID.class).eq(course);
    }

    /** Practice quizzes' keys, which the request role reads only through practice_quiz_answers(). */
    private List<SyncRow> withPracticeKeys(List<SyncRow> questions) {
        if (questions.isEmpty()) {
            return questions;
        }
        List<UUID> quizIds = questions.stream().map(row -> ((edu.sevenp.model.protocol.rows.QuestionRow) row).quizId())
                .distinct().toList();
        List<UUID> practice = tx.select(COURSE_QUIZZES.ID).from(COURSE_QUIZZES)
                .where(COURSE_QUIZZES.ID.in(quizIds), COURSE_QUIZZES.QUIZ_MODE.eq("practice")).fetch(COURSE_QUIZZES.ID);
        if (practice.isEmpty()) {
            return questions;
        }
        Map<UUID, Record> keys = new HashMap<>();
        for (UUID quiz : practice) {
            for (Record key : tx.fetch("select question_id, correct_answer::text as answer, explanation from practice_quiz_answers(?)",
                    quiz)) {
                keys.put(key.get("question_id", UUID.class), key);
            }
        }
        List<SyncRow> withKeys = new ArrayList<>(questions.size());
        for (SyncRow row : questions) {
            edu.sevenp.model.protocol.rows.QuestionRow question = (edu.sevenp.model.protocol.rows.QuestionRow) row;
            Record key = keys.get(question.id());
            if (key == null) {
                withKeys.add(row);
                continue;
            }
            String answer = key.get("answer", String.class);
            JsonNode correct = answer == null ? null : WireRows.json(org.jooq.JSONB.jsonb(answer));
            withKeys.add(new edu.sevenp.model.protocol.rows.QuestionRow(question.id(), question.quizId(),
                    question.questionText(), question.questionType(), question.points(), question.orderIndex(),
                    question.options(), correct, key.get("explanation", String.class), question.createdAt(),
                    question.updatedAt()));
        }
        return withKeys;
    }
}
