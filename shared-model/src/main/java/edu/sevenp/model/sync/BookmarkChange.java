package edu.sevenp.model.sync;

import edu.sevenp.model.BookmarkId;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A bookmark added or edited (user_bookmarks, upsert). A conflict is detected by the server's row version;
 * inside a true conflict the later edit wins (docs/sync-protocol.md, section 8.2).
 *
 * @param baseVersion the server version of the row this edit started from; null while the server has never
 *        answered for the bookmark
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
        Long baseVersion) implements LearnerChange {

    public BookmarkChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (baseVersion != null && baseVersion < 1) {
            throw new IllegalArgumentException("baseVersion starts at 1, was " + baseVersion);
        }
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
