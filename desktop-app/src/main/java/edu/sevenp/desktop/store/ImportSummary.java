package edu.sevenp.desktop.store;

import edu.sevenp.model.CourseId;

/**
 * What importing a course package did.
 *
 * @param previousVersion the version the library held before, or null when the course is new
 */
public record ImportSummary(CourseId courseId, String title, String version, String previousVersion, Outcome outcome,
        int sections, int lessons) {

    public enum Outcome {
        /** The course was not in the library. */
        INSTALLED,
        /** The library held an older version; content now matches the package. */
        UPDATED,
        /** The library already held this version; nothing changed. */
        UNCHANGED,
        /** The library holds a newer version than the package; nothing changed. */
        KEPT_NEWER
    }

    /** One line for people and scripts, such as the output of {@code --import}. */
    public String describe() {
        return switch (outcome) {
            case INSTALLED -> "Installed \"" + title + "\" " + version + ": " + sections + " sections, " + lessons + " lessons.";
            case UPDATED -> "Updated \"" + title + "\" from " + previousVersion + " to " + version + ": " + sections
                    + " sections, " + lessons + " lessons.";
            case UNCHANGED -> "\"" + title + "\" " + version + " is already in the library; nothing changed.";
            case KEPT_NEWER -> "The library already has \"" + title + "\" " + previousVersion + ", newer than the package's "
                    + version + "; nothing changed.";
        };
    }
}
