package edu.sevenp.desktop.coursepackage;

import edu.sevenp.desktop.coursepackage.ManifestModel.Manifest;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A course package that passed validation: its manifest and the Markdown body of every lesson.
 *
 * @param source where it was read from, for messages and the local package registry
 * @param lessonBodies lesson id to Markdown text
 */
public record CoursePackage(String source, Manifest manifest, Map<UUID, String> lessonBodies) {

    public CoursePackage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(manifest, "manifest");
        lessonBodies = Map.copyOf(lessonBodies);
    }

    public String body(UUID lessonId) {
        String body = lessonBodies.get(lessonId);
        if (body == null) {
            throw new IllegalArgumentException("no lesson " + lessonId + " in package " + source);
        }
        return body;
    }

    public int lessonCount() {
        return lessonBodies.size();
    }
}
