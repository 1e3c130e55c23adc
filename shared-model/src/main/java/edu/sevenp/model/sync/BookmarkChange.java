package edu.sevenp.model.sync;

import edu.sevenp.model.BookmarkId;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A bookmark added or edited (user_bookmarks, upsert). Bookmarks merge last-writer-wins per bookmark by
 * {@code updatedAt}.
 *
 * @param baseUpdatedAt the {@code updatedAt} of the version this edit started from, null for a new bookmark
 */
public record BookmarkChange(
        BookmarkId id,
        UserId userId,
        LessonId lessonId,
        CourseId courseId,
        String title,
        Integer timestampInVideo,
        String notes,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime baseUpdatedAt) implements LearnerChange {

    public BookmarkChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public SyncEntity entity() {
        return SyncEntity.USER_BOOKMARKS;
    }

    @Override
    public UUID entityId() {
        return id.value();
    }

    @Override
    public ChangeOperation operation() {
        return ChangeOperation.UPSERT;
    }
}
