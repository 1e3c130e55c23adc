package edu.sevenp.desktop.ui.dashboard;

import edu.sevenp.model.CourseId;
import java.util.Objects;

/** A course in progress as the dashboard lists it. @param progress 0 to 1 */
public record ActiveCourseRow(CourseId course, String title, double progress, String detail) {

    public ActiveCourseRow {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
    }
}
