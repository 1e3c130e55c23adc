package edu.sevenp.desktop.ui.common;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;

/**
 * Shows a lesson in the player, switching course when needed. Panels (notes, bookmarks, search) take one
 * so they can open a lesson without knowing the player; the player's view model is the real one.
 */
public interface LessonOpener {

    void openLesson(CourseId course, LessonId lesson);

    /** Shows {@code lesson} with its video at {@code seconds} (a note's or a bookmark's time). */
    default void openLessonAt(CourseId course, LessonId lesson, int seconds) {
        openLesson(course, lesson);
    }
}
