package edu.sevenp.desktop.ui.catalog;

import edu.sevenp.model.CourseId;
import java.util.Objects;

/**
 * A published course as the catalog lists it.
 *
 * @param details difficulty, category, lessons and download size in words
 * @param state where the course stands on this computer in words ("On this computer", "Downloading …"), or empty
 * @param fraction how far its download is, 0 to 1, while it downloads; -1 otherwise
 */
public record CatalogRow(CourseId courseId, String title, String description, String details, long downloadBytes,
        String state, double fraction, boolean onThisComputer) {

    public CatalogRow {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(state, "state");
    }

    CatalogRow withState(String now, double nowFraction, boolean here) {
        return new CatalogRow(courseId, title, description, details, downloadBytes, now, nowFraction, here);
    }
}
