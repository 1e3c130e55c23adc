package edu.sevenp.desktop.ui.dashboard;

import edu.sevenp.model.CourseId;
import java.util.Objects;

/** A recommended course as the dashboard lists it. @param openable its content is on this computer */
public record RecommendationRow(CourseId course, String title, String description, String detail, boolean openable) {

    public RecommendationRow {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        Objects.requireNonNull(detail, "detail");
    }
}
