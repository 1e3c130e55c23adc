package edu.sevenp.server.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A course package as the rows a publish writes (docs/course-package.md, "Rows written for each part", on the
 * server's schema), with the immutable snapshot of this version (content_versions.content_data).
 */
public record Publication(Course course, List<Section> sections, List<Lesson> lessons, List<Media> media,
        List<Resource> resources, List<Quiz> quizzes, List<Question> questions, JsonNode snapshot, String packageVersion,
        String summary) {

    public Publication {
        Objects.requireNonNull(course, "course");
        sections = List.copyOf(sections);
        lessons = List.copyOf(lessons);
        media = List.copyOf(media);
        resources = List.copyOf(resources);
        quizzes = List.copyOf(quizzes);
        questions = List.copyOf(questions);
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(packageVersion, "packageVersion");
    }

    public record Course(UUID id, String slug, String title, String shortDescription, String description, String difficulty,
            String language, JsonNode learningObjectives, JsonNode requirements, JsonNode targetAudience) {
    }

    public record Section(UUID id, int order, String title, String description) {
    }

    /** @param videoUrl {@code media:<sha256>} or null; @param readingTime minutes */
    public record Lesson(UUID id, UUID sectionId, int order, String slug, String title, String content, String contentFormat,
            String contentType, String videoUrl, Integer videoDuration, Integer readingTime, boolean preview) {
    }

    /** @param filePath the path in the package */
    public record Media(UUID id, String filePath, String sha256, long size, String mimeType, Integer width, Integer height,
            Integer duration) {
    }

    /** @param fileUrl {@code media:<sha256>} or an https address; @param mediaFileId null for a link */
    public record Resource(UUID id, UUID lessonId, UUID mediaFileId, String title, String description, String fileUrl,
            String fileType, Long fileSize) {
    }

    /** @param timeLimit minutes */
    public record Quiz(UUID id, UUID lessonId, String title, String description, String instructions, String mode,
            Integer timeLimit, Integer attemptsAllowed, BigDecimal passingScore) {
    }

    public record Question(UUID id, UUID quizId, int order, String type, String text, JsonNode options, BigDecimal points,
            JsonNode answer, String explanation) {
    }

    /** How many media and resource files the package holds, and their bytes. */
    public long mediaBytes() {
        return media.stream().mapToLong(Media::size).sum();
    }
}
