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
 * @param lessonId the note's lesson; null for a note from a lesson the course no longer has
 * @param timestampInVideo the second of the lesson's video the note refers to, or null
 * @param updatedAt when the learner last wrote it, by the device's clock: the time last-writer-wins compares
 * @param removedLessonTitle for a note from a removed lesson, that lesson's title; null for a note on a lesson
 */
public record Note(
        NoteId id,
        UserId userId,
        LessonId lessonId,
        CourseId courseId,
        String content,
        Integer timestampInVideo,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String removedLessonTitle) {

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        if ((lessonId == null) == (removedLessonTitle == null)) {
            throw new IllegalArgumentException("a note is on a lesson or from a removed one, never neither nor both");
        }
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A note on a lesson the course has. */
    public Note(NoteId id, UserId userId, LessonId lessonId, CourseId courseId, String content, Integer timestampInVideo,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        this(id, userId, Objects.requireNonNull(lessonId, "lessonId"), courseId, content, timestampInVideo, createdAt,
                updatedAt, null);
    }

    /** Whether the course no longer has the note's lesson (a republished version removed it): the note stays. */
    public boolean fromRemovedLesson() {
        return lessonId == null;
    }
}
