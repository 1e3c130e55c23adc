package edu.sevenp.coursepackage;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The manifest of a course package ({@code manifest.json}), as documented in docs/course-package.md. */
public final class ManifestModel {

    /** The value of the manifest's {@code format} field. */
    public static final String FORMAT = "sevenp-course-package";

    /** The newest format version this player reads; it reads every older one too. */
    public static final int FORMAT_VERSION = 3;

    /** Format 2 added media, videos, HTML bodies, resources and quizzes. */
    public static final int MEDIA_AND_QUIZZES_VERSION = 2;

    /** Format 3 added captions to video lessons. */
    public static final int CAPTIONS_VERSION = 3;

    private ManifestModel() {
    }

    public record Manifest(String format, int formatVersion, CourseEntry course, List<MediaEntry> media,
            List<SectionEntry> sections, List<ResourceEntry> resources, List<QuizEntry> quizzes) {
        public Manifest {
            media = listOf(media);
            sections = List.copyOf(sections);
            resources = listOf(resources);
            quizzes = listOf(quizzes);
        }

        public List<LessonEntry> lessons() {
            return sections.stream().flatMap(section -> section.lessons().stream()).toList();
        }

        public Headline headline() {
            return new Headline(course.id(), course.title(), course.version(), sections.size(), lessons().size());
        }
    }

    /** What an import summary tells of a package: its course, version and size. */
    public record Headline(UUID courseId, String title, String version, int sections, int lessons) {
    }

    public record CourseEntry(UUID id, String slug, String title, String shortDescription, String description,
            String difficulty, String language, String version, Instructor instructor, List<String> learningObjectives,
            List<String> requirements, List<String> targetAudience) {
        public CourseEntry {
            learningObjectives = listOf(learningObjectives);
            requirements = listOf(requirements);
            targetAudience = listOf(targetAudience);
        }
    }

    public record Instructor(UUID id, String name) {
    }

    /**
     * A file the course shows or plays, such as a lesson's video. The player keeps it by content, under
     * its SHA-256.
     *
     * @param file path within the package, with forward slashes
     * @param sha256 lower-case hexadecimal SHA-256 of the file's bytes
     * @param size the file's size in bytes
     */
    public record MediaEntry(UUID id, String file, String sha256, long size, String mimeType, Integer width,
            Integer height, Integer durationSeconds) {
    }

    public record SectionEntry(UUID id, int order, String title, String description, List<LessonEntry> lessons) {
        public SectionEntry {
            lessons = List.copyOf(lessons);
        }
    }

    /**
     * @param body path of the lesson's body, relative to the package root, with forward slashes:
     *             Markdown ({@code .md}) or, from format 2 on, HTML ({@code .html})
     * @param video the id of the lesson's video in the manifest's media, or null
     * @param captions the video's caption tracks (format 3), one per language
     */
    public record LessonEntry(UUID id, int order, String slug, String title, String contentType, String body, UUID video,
            Integer readingTimeMinutes, boolean preview, List<ResourceEntry> resources, List<QuizEntry> quizzes,
            List<CaptionEntry> captions) {
        public LessonEntry {
            resources = listOf(resources);
            quizzes = listOf(quizzes);
            captions = listOf(captions);
        }
    }

    /**
     * Captions of a lesson's video in one language: a WebVTT file among the manifest's media.
     *
     * @param media the id of the caption file's media entry ({@code text/vtt})
     * @param language a language code such as {@code en} or {@code pt-BR}
     * @param label what the player calls the track, such as "English"; null to show the language code
     */
    public record CaptionEntry(UUID media, String language, String label) {
    }

    /** Something to download or open: a file in the package ({@link #file} with its hash and size) or a web page ({@link #url}). */
    public record ResourceEntry(UUID id, String title, String description, String file, String sha256, Long size,
            String mimeType, String url) {

        public boolean isFile() {
            return file != null;
        }
    }

    /**
     * @param mode {@code graded} (answers stay on the server) or {@code practice} (answers travel, the player grades)
     * @param passingScore percentage needed to pass, 0 to 100; null for the default of 70
     * @param attemptsAllowed null for unlimited
     */
    public record QuizEntry(UUID id, String title, String description, String instructions, String mode,
            BigDecimal passingScore, Integer timeLimitMinutes, Integer attemptsAllowed, List<QuestionEntry> questions) {
        public QuizEntry {
            questions = List.copyOf(questions);
        }

        public boolean graded() {
            return "graded".equals(mode);
        }
    }

    /**
     * @param options the choices of a multiple_choice question, otherwise null
     * @param points null for the default of 1
     * @param answer the correct option (multiple_choice), true or false (true_false), the accepted answers
     *               (short_answer) or a model answer (essay, optional). Practice quizzes carry it; graded
     *               quizzes only in a package read for {@link PackagePurpose#PUBLISH}, otherwise it is null
     * @param explanation shown after answering; in graded quizzes, like answer, only when read for publishing
     */
    public record QuestionEntry(UUID id, int order, String type, String text, List<String> options, BigDecimal points,
            JsonNode answer, String explanation) {
        public QuestionEntry {
            options = options == null ? null : List.copyOf(options);
            answer = answer == null || answer.isNull() ? null : answer;
        }
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
