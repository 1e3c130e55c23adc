package edu.sevenp.model.learning;

import edu.sevenp.model.BookmarkId;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A place in a lesson the learner wants to find again (user_bookmarks).
 *
 * @param title optional label
 * @param timestampInVideo the second of the lesson's video, or null for the lesson as a whole
 * @param notes optional remark
 */
public record Bookmark(
        BookmarkId id,
        UserId userId,
        LessonId lessonId,
        CourseId courseId,
        String title,
        Integer timestampInVideo,
        String notes,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public Bookmark {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
