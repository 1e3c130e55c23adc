package edu.sevenp.model.learning;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.UserId;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A learner's note on a lesson (user_notes).
 *
 * @param timestampInVideo the second of the lesson's video the note refers to, or null
 * @param updatedAt when the learner last wrote it, by the device's clock: the time last-writer-wins compares
 */
public record Note(
        NoteId id,
        UserId userId,
        LessonId lessonId,
        CourseId courseId,
        String content,
        Integer timestampInVideo,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
