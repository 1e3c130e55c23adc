package edu.sevenp.desktop.learning;

import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonContent;
import edu.sevenp.model.learning.Bookmark;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.LessonProgress;
import edu.sevenp.model.learning.Note;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the player shows when a lesson opens: the lesson and its body, the learner's progress in it
 * (not started when never opened), their notes and bookmarks on it, and their enrollment in its course.
 */
public record OpenedLesson(Lesson lesson, LessonContent content, LessonProgress progress, List<Note> notes,
        List<Bookmark> bookmarks, Optional<Enrollment> enrollment) {

    public OpenedLesson {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(progress, "progress");
        notes = List.copyOf(notes);
        bookmarks = List.copyOf(bookmarks);
        Objects.requireNonNull(enrollment, "enrollment");
    }

    /** The same lesson with the learner's enrollment as it is now. */
    public OpenedLesson withEnrollment(Enrollment current) {
        return new OpenedLesson(lesson, content, progress, notes, bookmarks, Optional.of(current));
    }
}
