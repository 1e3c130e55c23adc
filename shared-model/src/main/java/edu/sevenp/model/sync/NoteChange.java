package edu.sevenp.model.sync;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.UserId;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A note written or edited (user_notes, upsert). Notes merge last-writer-wins per note by
 * {@code updatedAt}; the losing text is kept as a conflict copy, never dropped.
 *
 * @param updatedAt when the learner wrote this version, by the device's clock
 * @param baseUpdatedAt the {@code updatedAt} of the version this edit started from, null for a new note: a
 *        server holding a different version knows the two were written concurrently
 */
public record NoteChange(
        NoteId id,
        UserId userId,
        LessonId lessonId,
        CourseId courseId,
        String content,
        Integer timestampInVideo,
        boolean isPrivate,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime baseUpdatedAt) implements LearnerChange {

    public NoteChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public SyncEntity entity() {
        return SyncEntity.USER_NOTES;
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
