package edu.sevenp.desktop.search;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.SectionId;
import java.util.Objects;
import java.util.UUID;

/**
 * One result. {@code id} is the lesson's, quiz's or note's id (by {@code type}). {@code lesson} is the
 * lesson to open: the lesson itself, the note's lesson, or the quiz's lesson (null for a quiz of the
 * whole course). {@code section} is set for lessons only. {@code title} is what to show as the
 * result's title: the lesson's or quiz's title, or for a note the title of its lesson.
 */
public record SearchHit(HitType type, UUID id, CourseId course, LessonId lesson, SectionId section, String title,
                        Snippet snippet, float score) {

    public SearchHit {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(snippet, "snippet");
    }
}
