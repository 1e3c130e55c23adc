package edu.sevenp.server.db;

import static edu.sevenp.server.db.schema.Tables.COURSES;
import static edu.sevenp.server.db.schema.Tables.COURSE_COMPLETIONS;
import static edu.sevenp.server.db.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.server.db.schema.Tables.DEVICES;
import static edu.sevenp.server.db.schema.Tables.ENROLLMENTS;
import static edu.sevenp.server.db.schema.Tables.LESSON_PROGRESS;
import static edu.sevenp.server.db.schema.Tables.QUIZ_ATTEMPTS;
import static edu.sevenp.server.db.schema.Tables.SYNC_REJECTIONS;
import static edu.sevenp.server.db.schema.Tables.USER_BOOKMARKS;
import static edu.sevenp.server.db.schema.Tables.USER_NOTES;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.model.DeviceId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.Rejection;
import edu.sevenp.model.protocol.rows.BookmarkRow;
import edu.sevenp.model.protocol.rows.CompletionRow;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import edu.sevenp.model.protocol.rows.LessonProgressRow;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.model.protocol.rows.QuizAttemptRow;
import edu.sevenp.model.protocol.rows.SyncRow;
import edu.sevenp.model.quiz.QuestionType;
import edu.sevenp.server.db.schema.tables.records.LessonProgressRecord;
import edu.sevenp.server.db.schema.tables.records.UserBookmarksRecord;
import edu.sevenp.server.db.schema.tables.records.UserNotesRecord;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.sync.AttemptRows;
import edu.sevenp.server.sync.BookmarkRows;
import edu.sevenp.server.sync.CompletionRows;
import edu.sevenp.server.sync.EnrollmentRows;
import edu.sevenp.server.sync.NoteRows;
import edu.sevenp.server.sync.ProgressRows;
import edu.sevenp.server.sync.PushSession;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * One push's transaction as the user: the device's row locked first (so pushes from one device queue up), each
 * change in a savepoint of its own, and every row written through row-level security.
 */
final class JooqPushSession implements PushSession {

    private final DSLContext tx;
    private final UserId user;
    private final DeviceId device;
    private final long lastAppliedSeq;
    private final byte[] lastAppliedDigest;

    private JooqPushSession(DSLContext tx, UserId user, DeviceId device, long lastAppliedSeq, byte[] lastAppliedDigest) {
        this.tx = tx;
        this.user = user;
        this.device = device;
        this.lastAppliedSeq = lastAppliedSeq;
        this.lastAppliedDigest = lastAppliedDigest;
    }

    static JooqPushSession open(DSLContext tx, UserId user, DeviceId device) {
        var last = tx.select(DEVICES.LAST_APPLIED_SEQ, DEVICES.LAST_APPLIED_DIGEST).from(DEVICES)
                .where(DEVICES.ID.eq(device.value()), DEVICES.USER_ID.eq(user.value()), DEVICES.REVOKED_AT.isNull())
                .forUpdate().fetchOne();
        if (last == null) {
            throw ApiProblem.unauthenticated("device_revoked", "This device was signed out of the account; sign in again.");
        }
        return new JooqPushSession(tx, user, device, last.value1(), last.value2());
    }

    @Override
    public long lastAppliedSeq() {
        return lastAppliedSeq;
    }

    @Override
    public Optional<byte[]> lastAppliedDigest() {
        return Optional.ofNullable(lastAppliedDigest).map(byte[]::clone);
    }

    @Override
    public void recordProgress(long last, byte[] lastDigest, long clockOffsetMillis) {
        tx.update(DEVICES).set(DEVICES.LAST_APPLIED_SEQ, last).set(DEVICES.LAST_APPLIED_DIGEST, lastDigest)
                .set(DEVICES.CLOCK_OFFSET_MS, clockOffsetMillis)
                .set(DEVICES.LAST_SEEN_AT, DSL.currentOffsetDateTime())
                .where(DEVICES.ID.eq(device.value())).execute();
    }

    @Override
    public <T> T isolated(Supplier<T> change) {
        try {
            return tx.transactionResult(savepoint -> change.get());
        } catch (DataAccessException e) {
            throw DatabaseErrors.problem(e);
        }
    }

    @Override
    public <T> T direct(Supplier<T> change) {
        try {
            return change.get();
        } catch (DataAccessException e) {
            throw DatabaseErrors.problem(e);
        }
    }

    @Override
    public void recordRejection(long seq, Rejection rejection) {
        tx.insertInto(SYNC_REJECTIONS)
                .set(SYNC_REJECTIONS.DEVICE_ID, device.value())
                .set(SYNC_REJECTIONS.SEQ, seq)
                .set(SYNC_REJECTIONS.USER_ID, user.value())
                .set(SYNC_REJECTIONS.CODE, rejection.code())
                .set(SYNC_REJECTIONS.MESSAGE, rejection.message())
                .set(SYNC_REJECTIONS.FIELD, rejection.field())
                .execute();
    }

    @Override
    public Optional<Rejection> rejectionOf(long seq) {
        return tx.select(SYNC_REJECTIONS.CODE, SYNC_REJECTIONS.MESSAGE, SYNC_REJECTIONS.FIELD).from(SYNC_REJECTIONS)
                .where(SYNC_REJECTIONS.DEVICE_ID.eq(device.value()), SYNC_REJECTIONS.SEQ.eq(seq))
                .fetchOptional(row -> new Rejection(row.value1(), row.value2(), row.value3()));
    }

    @Override
    public Optional<SyncRow> current(String table, UUID id) {
        return new RowReader(tx).byIds(table, List.of(id)).stream().findFirst();
    }

    @Override
    public NoteRows notes() {
        return new Notes();
    }

    @Override
    public BookmarkRows bookmarks() {
        return new Bookmarks();
    }

    @Override
    public ProgressRows progress() {
        return new Progress();
    }

    @Override
    public EnrollmentRows enrollments() {
        return new Enrollments();
    }

    @Override
    public CompletionRows completions() {
        return new Completions();
    }

    @Override
    public AttemptRows attempts() {
        return new Attempts();
    }

    private final class Notes implements NoteRows {
        @Override
        public Optional<Stored> lock(UUID id) {
            return tx.select(WireRows.NOTE).select(USER_NOTES.EDITED_BY).from(USER_NOTES).where(USER_NOTES.ID.eq(id))
                    .forUpdate().fetchOptional(row -> new Stored(WireRows.note(row), row.get(USER_NOTES.EDITED_BY)));
        }

        @Override
        public NoteRow insert(New note) {
            return WireRows.note(insertOf(note).returningResult(WireRows.NOTE).fetchSingle());
        }

        @Override
        public Optional<NoteRow> insertIfAbsent(New note) {
            return insertOf(note).onConflict(USER_NOTES.ID).doNothing()
                    .returningResult(WireRows.NOTE).fetchOptional().map(WireRows::note);
        }

        private InsertSetMoreStep<UserNotesRecord> insertOf(New note) {
            return tx.insertInto(USER_NOTES)
                    .set(USER_NOTES.ID, note.id())
                    .set(USER_NOTES.USER_ID, note.userId())
                    .set(USER_NOTES.LESSON_ID, note.lessonId())
                    .set(USER_NOTES.COURSE_ID, note.courseId())
                    .set(columnsOf(note.text()))
                    .set(USER_NOTES.CONFLICT_OF, note.conflictOf());
        }

        @Override
        public Map<UUID, NoteRow> insertAllIfAbsent(List<New> notes) {
            Map<UUID, NoteRow> inserted = new HashMap<>();
            if (notes.isEmpty()) {
                return inserted;
            }
            var insert = tx.insertInto(USER_NOTES, USER_NOTES.ID, USER_NOTES.USER_ID, USER_NOTES.LESSON_ID,
                    USER_NOTES.COURSE_ID, USER_NOTES.CONTENT, USER_NOTES.TIMESTAMP_IN_VIDEO, USER_NOTES.IS_PRIVATE,
                    USER_NOTES.EDITED_AT, USER_NOTES.EDITED_BY, USER_NOTES.CONFLICT_OF);
            for (New note : notes) {
                insert = insert.values(note.id(), note.userId(), note.lessonId(), note.courseId(), note.text().content(),
                        note.text().timestampInVideo(), note.text().isPrivate(), note.text().editedAt(),
                        note.text().editedBy(), note.conflictOf());
            }
            insert.onConflict(USER_NOTES.ID).doNothing().returningResult(WireRows.NOTE).fetch()
                    .forEach(row -> {
                        NoteRow note = WireRows.note(row);
                        inserted.put(note.id(), note);
                    });
            return inserted;
        }

        @Override
        public NoteRow update(UUID id, Text text) {
            return WireRows.note(tx.update(USER_NOTES)
                    .set(columnsOf(text))
                    .where(USER_NOTES.ID.eq(id))
                    .returningResult(WireRows.NOTE).fetchSingle());
        }

        @Override
        public void delete(UUID id) {
            tx.deleteFrom(USER_NOTES).where(USER_NOTES.ID.eq(id)).execute();
        }

        /**
         * The columns a note's text writes, the same for an insert and an edit. A new record counts every column set
         * on it as changed, null included, so the statement writes all of them.
         */
        private static UserNotesRecord columnsOf(Text text) {
            var columns = new UserNotesRecord();
            columns.setContent(text.content());
            columns.setTimestampInVideo(text.timestampInVideo());
            columns.setIsPrivate(text.isPrivate());
            columns.setEditedAt(text.editedAt());
            columns.setEditedBy(text.editedBy());
            return columns;
        }
    }

    private final class Bookmarks implements BookmarkRows {
        @Override
        public Optional<Stored> lock(UUID id) {
            return tx.select(WireRows.BOOKMARK).select(USER_BOOKMARKS.EDITED_BY).from(USER_BOOKMARKS)
                    .where(USER_BOOKMARKS.ID.eq(id)).forUpdate()
                    .fetchOptional(row -> new Stored(WireRows.bookmark(row), row.get(USER_BOOKMARKS.EDITED_BY)));
        }

        @Override
        public BookmarkRow insert(UUID id, UUID userId, UUID lessonId, UUID courseId, Fields fields, OffsetDateTime createdAt) {
            return WireRows.bookmark(tx.insertInto(USER_BOOKMARKS)
                    .set(USER_BOOKMARKS.ID, id)
                    .set(USER_BOOKMARKS.USER_ID, userId)
                    .set(USER_BOOKMARKS.LESSON_ID, lessonId)
                    .set(USER_BOOKMARKS.COURSE_ID, courseId)
                    .set(columnsOf(fields))
                    .returningResult(WireRows.BOOKMARK).fetchSingle());
        }

        @Override
        public BookmarkRow update(UUID id, Fields fields) {
            return WireRows.bookmark(tx.update(USER_BOOKMARKS)
                    .set(columnsOf(fields))
                    .where(USER_BOOKMARKS.ID.eq(id))
                    .returningResult(WireRows.BOOKMARK).fetchSingle());
        }

        @Override
        public void delete(UUID id) {
            tx.deleteFrom(USER_BOOKMARKS).where(USER_BOOKMARKS.ID.eq(id)).execute();
        }

        /** The columns a bookmark's fields write, the same for an insert and an edit. */
        private static UserBookmarksRecord columnsOf(Fields fields) {
            var columns = new UserBookmarksRecord();
            columns.setTitle(fields.title());
            columns.setTimestampInVideo(fields.timestampInVideo());
            columns.setNotes(fields.notes());
            columns.setEditedAt(fields.editedAt());
            columns.setEditedBy(fields.editedBy());
            return columns;
        }
    }

    private final class Progress implements ProgressRows {
        @Override
        public Optional<LessonProgressRow> lock(UUID lessonId) {
            return tx.select(WireRows.PROGRESS).from(LESSON_PROGRESS)
                    .where(LESSON_PROGRESS.USER_ID.eq(user.value()), LESSON_PROGRESS.LESSON_ID.eq(lessonId))
                    .forUpdate().fetchOptional(WireRows::progress);
        }

        @Override
        public Optional<LessonProgressRow> insert(UUID id, UUID lessonId, UUID courseId, State state) {
            return tx.insertInto(LESSON_PROGRESS)
                    .set(LESSON_PROGRESS.ID, id)
                    .set(LESSON_PROGRESS.USER_ID, user.value())
                    .set(LESSON_PROGRESS.LESSON_ID, lessonId)
                    .set(LESSON_PROGRESS.COURSE_ID, courseId)
                    .set(columnsOf(state))
                    .onConflict(LESSON_PROGRESS.USER_ID, LESSON_PROGRESS.LESSON_ID).doNothing()
                    .returningResult(WireRows.PROGRESS).fetchOptional().map(WireRows::progress);
        }

        @Override
        public LessonProgressRow update(UUID id, State state) {
            return WireRows.progress(tx.update(LESSON_PROGRESS)
                    .set(columnsOf(state))
                    .where(LESSON_PROGRESS.ID.eq(id))
                    .returningResult(WireRows.PROGRESS).fetchSingle());
        }

        /** The columns a progress state writes, the same for an insert and an update. */
        private static LessonProgressRecord columnsOf(State state) {
            var columns = new LessonProgressRecord();
            columns.setStatus(state.status());
            columns.setProgressPercentage(state.progressPercentage());
            columns.setLastPosition(state.lastPosition());
            columns.setTotalTimeSpent(state.totalTimeSpent());
            columns.setStartedAt(state.startedAt());
            columns.setCompletedAt(state.completedAt());
            columns.setLastAccessedAt(state.lastAccessedAt());
            return columns;
        }
    }

    private final class Enrollments implements EnrollmentRows {
        @Override
        public Optional<EnrollmentRow> lock(UUID courseId) {
            return tx.select(WireRows.ENROLLMENT).from(ENROLLMENTS)
                    .where(ENROLLMENTS.USER_ID.eq(user.value()), ENROLLMENTS.COURSE_ID.eq(courseId))
                    .forUpdate().fetchOptional(WireRows::enrollment);
        }

        @Override
        public boolean courseVisible(UUID courseId) {
            return tx.fetchExists(COURSES, COURSES.ID.eq(courseId));
        }

        @Override
        public Optional<EnrollmentRow> find(UUID courseId) {
            return tx.select(WireRows.ENROLLMENT).from(ENROLLMENTS)
                    .where(ENROLLMENTS.USER_ID.eq(user.value()), ENROLLMENTS.COURSE_ID.eq(courseId))
                    .fetchOptional(WireRows::enrollment);
        }

        @Override
        public EnrollmentRow insert(UUID id, UUID courseId, OffsetDateTime statusChangedAt) {
            return WireRows.enrollment(tx.insertInto(ENROLLMENTS)
                    .set(ENROLLMENTS.ID, id)
                    .set(ENROLLMENTS.USER_ID, user.value())
                    .set(ENROLLMENTS.COURSE_ID, courseId)
                    .set(ENROLLMENTS.STATUS_CHANGED_AT, statusChangedAt)
                    .returningResult(WireRows.ENROLLMENT).fetchSingle());
        }

        @Override
        public EnrollmentRow setStatus(UUID id, String status, OffsetDateTime statusChangedAt) {
            return WireRows.enrollment(tx.update(ENROLLMENTS)
                    .set(ENROLLMENTS.STATUS, status)
                    .set(ENROLLMENTS.STATUS_CHANGED_AT, statusChangedAt)
                    .where(ENROLLMENTS.ID.eq(id))
                    .returningResult(WireRows.ENROLLMENT).fetchSingle());
        }
    }

    private final class Completions implements CompletionRows {
        @Override
        public Optional<CompletionRow> lock(UUID courseId) {
            return tx.select(WireRows.COMPLETION).from(COURSE_COMPLETIONS)
                    .where(COURSE_COMPLETIONS.USER_ID.eq(user.value()), COURSE_COMPLETIONS.COURSE_ID.eq(courseId))
                    .forUpdate().fetchOptional(WireRows::completion);
        }

        @Override
        public CompletionRow review(UUID id, Integer rating, String review, Boolean wouldRecommend, OffsetDateTime reviewedAt) {
            return WireRows.completion(tx.update(COURSE_COMPLETIONS)
                    .set(COURSE_COMPLETIONS.RATING, rating)
                    .set(COURSE_COMPLETIONS.REVIEW, review)
                    .set(COURSE_COMPLETIONS.WOULD_RECOMMEND, wouldRecommend)
                    .set(COURSE_COMPLETIONS.REVIEWED_AT, reviewedAt)
                    .where(COURSE_COMPLETIONS.ID.eq(id))
                    .returningResult(WireRows.COMPLETION).fetchSingle());
        }
    }

    private final class Attempts implements AttemptRows {
        @Override
        public Optional<QuizAttemptRow> find(UUID id) {
            return tx.select(WireRows.ATTEMPT).from(QUIZ_ATTEMPTS).where(QUIZ_ATTEMPTS.ID.eq(id))
                    .fetchOptional(WireRows::attempt);
        }

        @Override
        public Optional<Quiz> quiz(UUID quizId) {
            return tx.select(COURSE_QUIZZES.ID, COURSE_QUIZZES.IS_ACTIVE, COURSE_QUIZZES.TIME_LIMIT, COURSE_QUIZZES.PASSING_SCORE)
                    .from(COURSE_QUIZZES).where(COURSE_QUIZZES.ID.eq(quizId))
                    .fetchOptional(row -> new Quiz(row.value1(), row.value2(), row.value3(), row.value4()));
        }

        @Override
        public void lockNumbering(UUID quizId) {
            tx.fetch("select pg_advisory_xact_lock(hashtextextended(?, 0))", "quiz_attempts:" + user.value() + ":" + quizId);
        }

        @Override
        public QuizAttemptRow insert(UUID id, UUID quizId, OffsetDateTime startedAt, OffsetDateTime completedAt, int timeTaken,
                JsonNode responses) {
            return WireRows.attempt(tx.insertInto(QUIZ_ATTEMPTS)
                    .set(QUIZ_ATTEMPTS.ID, id)
                    .set(QUIZ_ATTEMPTS.QUIZ_ID, quizId)
                    .set(QUIZ_ATTEMPTS.USER_ID, user.value())
                    .set(QUIZ_ATTEMPTS.STATUS, "submitted")
                    .set(QUIZ_ATTEMPTS.STARTED_AT, startedAt)
                    .set(QUIZ_ATTEMPTS.COMPLETED_AT, completedAt.isBefore(startedAt) ? startedAt : completedAt)
                    .set(QUIZ_ATTEMPTS.TIME_TAKEN, timeTaken)
                    .set(QUIZ_ATTEMPTS.RESPONSES, WireRows.jsonb(responses))
                    .returningResult(WireRows.ATTEMPT).fetchSingle());
        }

        @Override
        public List<KeyedQuestion> gradingKey(UUID attemptId) {
            return tx.fetch("select question_id, question_type, points, correct_answer::text from quiz_grading_key(?)", attemptId)
                    .map(row -> new KeyedQuestion(row.get(0, UUID.class), QuestionType.fromCode(row.get(1, String.class)),
                            row.get(2, BigDecimal.class), 0, WireRows.json(row.get(3, String.class) == null ? null
                                    : org.jooq.JSONB.jsonb(row.get(3, String.class)))));
        }

        @Override
        public QuizAttemptRow recordGrade(UUID attemptId, BigDecimal score, BigDecimal maxScore, BigDecimal percentage,
                boolean passed) {
            tx.fetch("select record_quiz_grade(?, ?, ?, ?, ?)", attemptId, score, maxScore, percentage, passed);
            return find(attemptId).orElseThrow(() -> new IllegalStateException("a graded attempt vanished: " + attemptId));
        }
    }
}
