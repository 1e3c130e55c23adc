package edu.sevenp.desktop.coursepackage;

import java.util.List;
import java.util.UUID;

/** The manifest of a course package ({@code manifest.json}), as documented in docs/course-package.md. */
public final class ManifestModel {

    /** The value of the manifest's {@code format} field. */
    public static final String FORMAT = "sevenp-course-package";

    /** The newest format version this player reads. */
    public static final int FORMAT_VERSION = 1;

    private ManifestModel() {
    }

    public record Manifest(String format, int formatVersion, CourseEntry course, List<SectionEntry> sections) {
        public Manifest {
            sections = List.copyOf(sections);
        }
    }

    public record CourseEntry(UUID id, String slug, String title, String shortDescription, String description,
            String difficulty, String language, String version, Instructor instructor, List<String> learningObjectives,
            List<String> requirements, List<String> targetAudience) {
        public CourseEntry {
            learningObjectives = learningObjectives == null ? List.of() : List.copyOf(learningObjectives);
            requirements = requirements == null ? List.of() : List.copyOf(requirements);
            targetAudience = targetAudience == null ? List.of() : List.copyOf(targetAudience);
        }
    }

    public record Instructor(UUID id, String name) {
    }

    public record SectionEntry(UUID id, int order, String title, String description, List<LessonEntry> lessons) {
        public SectionEntry {
            lessons = List.copyOf(lessons);
        }
    }

    /** @param body path of the lesson's Markdown file, relative to the package root, with forward slashes */
    public record LessonEntry(UUID id, int order, String slug, String title, String contentType, String body,
            Integer readingTimeMinutes, boolean preview) {
    }
}
