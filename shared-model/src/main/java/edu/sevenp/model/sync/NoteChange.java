package edu.sevenp.model.sync;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.UserId;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A note written or edited (user_notes, upsert). A conflict is detected by the server's row version
 * ({@code baseVersion}), never by clocks; inside a true conflict the later edit wins and the losing text is
 * kept as a conflict copy, never dropped (docs/sync-protocol.md, section 8.1).
 *
 * @param lessonId the note's lesson; null for a note from a lesson the course no longer has, which only an edit of a
 *        note the server holds may send (a new note needs its lesson)
 * @param updatedAt when the learner wrote this version, by the device's clock
 * @param baseVersion the server version of the row this edit started from; null while the server has never
 *        answered for the note
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
        Long baseVersion) implements LearnerChange {

    public NoteChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (baseVersion != null && baseVersion < 1) {
            throw new IllegalArgumentException("baseVersion starts at 1, was " + baseVersion);
        }
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
