package edu.sevenp.desktop.store;

import edu.sevenp.desktop.store.schema.tables.records.CourseCompletionsRecord;
import edu.sevenp.desktop.store.schema.tables.records.EnrollmentsRecord;
import edu.sevenp.desktop.store.schema.tables.records.LessonProgressRecord;
import edu.sevenp.desktop.store.schema.tables.records.UserBookmarksRecord;
import edu.sevenp.desktop.store.schema.tables.records.UserNotesRecord;
import edu.sevenp.model.BookmarkId;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Bookmark;
import edu.sevenp.model.learning.CourseCompletion;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.learning.LessonProgress;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.learning.ProgressStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Table rows to the shared model's records, in one place for every repository. */
final class Rows {

    private Rows() {
    }

    /** The server version a local row is based on, for an edit's base; null while the server never answered for it. */
    static Long serverVersion(long rowVersion) {
        return rowVersion == 0 ? null : rowVersion;
    }

    static Enrollment enrollment(EnrollmentsRecord row) {
        return new Enrollment(new UserId(row.getUserId()), new CourseId(row.getCourseId()),
                EnrollmentStatus.fromCode(row.getStatus()), row.getProgress(), row.getEnrolledAt(), row.getCompletedAt(),
                row.getLastAccessedAt());
    }

    static LessonProgress progress(LessonProgressRecord row) {
        return new LessonProgress(new UserId(row.getUserId()), new LessonId(row.getLessonId()),
                new CourseId(row.getCourseId()), ProgressStatus.fromCode(row.getStatus()), row.getProgressPercentage(),
                row.getLastPosition(), row.getTotalTimeSpent(), row.getStartedAt(), row.getCompletedAt(),
                row.getLastAccessedAt());
    }

    static Note note(UserNotesRecord row) {
        UUID lesson = row.getLessonId();
        return new Note(new NoteId(row.getId()), new UserId(row.getUserId()), lesson == null ? null : new LessonId(lesson),
                new CourseId(row.getCourseId()), row.getContent(), row.getTimestampInVideo(), row.getCreatedAt(),
                row.getUpdatedAt(), row.getRemovedLessonTitle());
    }

    static Bookmark bookmark(UserBookmarksRecord row) {
        return new Bookmark(new BookmarkId(row.getId()), new UserId(row.getUserId()), new LessonId(row.getLessonId()),
                new CourseId(row.getCourseId()), row.getTitle(), row.getTimestampInVideo(), row.getNotes(),
                row.getCreatedAt(), row.getUpdatedAt());
    }

    static CourseCompletion completion(CourseCompletionsRecord row) {
        return new CourseCompletion(new UserId(row.getUserId()), new CourseId(row.getCourseId()), row.getCompletedAt(),
                row.getCompletionPercentage(), row.getTotalTimeSpent(), row.getRating(), row.getReview(),
                row.getWouldRecommend());
    }

    /** Now, as the store keeps times: UTC, to the microsecond (what H2 and PostgreSQL hold). */
    static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
