package edu.sevenp.coursepackage;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.coursepackage.problem.ProblemCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The manifest's rules for the course, its sections and their lessons. A lesson's resources and
 * quizzes are left to {@link MediaRules} and {@link QuizRules}, and its video is looked up in the
 * media they have checked.
 */
final class CourseRules {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");
    private static final Pattern VERSION = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,3}");
    private static final Set<String> DIFFICULTIES = Set.of("beginner", "intermediate", "advanced");
    private static final Set<String> CONTENT_TYPES = Set.of("video", "text", "quiz", "assignment");
    private static final Set<String> COURSE_FIELDS = Set.of("id", "slug", "title", "shortDescription", "description",
            "difficulty", "language", "version", "instructor", "learningObjectives", "requirements", "targetAudience");
    private static final Set<String> INSTRUCTOR_FIELDS = Set.of("id", "name");
    private static final Set<String> SECTION_FIELDS = Set.of("id", "order", "title", "description", "lessons");
    private static final Set<String> LESSON_FIELDS = Set.of("id", "order", "slug", "title", "contentType", "body", "video",
            "readingTimeMinutes", "preview", "resources", "quizzes", "captions");
    /** Fields that older formats did not have: a manifest of an older format using them would confuse its players. */
    private static final Map<String, Integer> LESSON_FIELDS_INTRODUCED = Map.of(
            "video", ManifestModel.MEDIA_AND_QUIZZES_VERSION,
            "resources", ManifestModel.MEDIA_AND_QUIZZES_VERSION,
            "quizzes", ManifestModel.MEDIA_AND_QUIZZES_VERSION,
            "captions", ManifestModel.CAPTIONS_VERSION);
    private static final Set<String> CAPTION_FIELDS = Set.of("media", "language", "label");
    /** The MIME type of a caption file. */
    static final String CAPTIONS_MIME_TYPE = "text/vtt";

    private final ManifestProblems problems;
    private final JsonFields fields;
    private final MediaRules media;
    private final QuizRules quizzes;
    private final int formatVersion;
    /** Lesson slug to the pointer of the lesson that has it: slugs are unique across the course. */
    private final Map<String, String> slugsSeen = new HashMap<>();

    CourseRules(ManifestProblems problems, JsonFields fields, MediaRules media, QuizRules quizzes, int formatVersion) {
        this.problems = problems;
        this.fields = fields;
        this.media = media;
        this.quizzes = quizzes;
        this.formatVersion = formatVersion;
    }

    void checkCourse(JsonNode course) {
        String at = "/course";
        fields.onlyKnownFields(course, at, COURSE_FIELDS, Set.of());
        fields.uniqueId(course, at, "course");
        fields.requiredText(course, at, "slug", 200).filter(slug -> !SLUG.matcher(slug).matches())
                .ifPresent(slug -> problems.report(at + "/slug", ProblemCode.BAD_SLUG, slug));
        fields.requiredText(course, at, "title", 200);
        fields.optionalText(course, at, "shortDescription", 500);
        fields.optionalText(course, at, "description", 20_000);
        fields.requiredText(course, at, "difficulty", 20).filter(difficulty -> !DIFFICULTIES.contains(difficulty))
                .ifPresent(difficulty -> problems.report(at + "/difficulty", ProblemCode.BAD_DIFFICULTY,
                        difficulty));
        fields.requiredText(course, at, "language", 10).filter(language -> !LANGUAGE.matcher(language).matches())
                .ifPresent(language -> problems.report(at + "/language", ProblemCode.BAD_LANGUAGE, language));
        fields.requiredText(course, at, "version", 50).filter(version -> !VERSION.matcher(version).matches())
                .ifPresent(version -> problems.report(at + "/version", ProblemCode.BAD_VERSION, version));
        JsonNode instructor = course.get("instructor");
        if (instructor == null || !instructor.isObject()) {
            problems.report(at + "/instructor", ProblemCode.INSTRUCTOR_REQUIRED);
        } else {
            fields.onlyKnownFields(instructor, at + "/instructor", INSTRUCTOR_FIELDS, Set.of());
            fields.requiredUuid(instructor, at + "/instructor", "id");
            fields.requiredText(instructor, at + "/instructor", "name", 100);
        }
        for (String list : List.of("learningObjectives", "requirements", "targetAudience")) {
            fields.optionalTextList(course, at, list);
        }
    }

    void checkSections(JsonNode sections) {
        Map<Integer, Integer> orders = new HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            JsonNode section = sections.get(i);
            String at = "/sections/" + i;
            if (!section.isObject()) {
                problems.report(at, ProblemCode.NOT_AN_OBJECT);
                continue;
            }
            fields.onlyKnownFields(section, at, SECTION_FIELDS, Set.of());
            fields.uniqueId(section, at, "section");
            int index = i;
            fields.requiredInt(section, at, "order", 1).ifPresent(order -> {
                Integer previous = orders.putIfAbsent(order, index);
                if (previous != null) {
                    problems.report(at + "/order", ProblemCode.DUPLICATE_SECTION_ORDER, order, previous);
                }
            });
            fields.requiredText(section, at, "title", 200);
            fields.optionalText(section, at, "description", 5_000);
            JsonNode lessons = section.get("lessons");
            if (lessons == null || !lessons.isArray()) {
                problems.report(at + "/lessons", ProblemCode.REQUIRED_ARRAY);
            } else {
                checkLessons(lessons, at);
            }
        }
    }

    private void checkLessons(JsonNode lessons, String sectionAt) {
        Map<Integer, Integer> orders = new HashMap<>();
        for (int i = 0; i < lessons.size(); i++) {
            JsonNode lesson = lessons.get(i);
            String at = sectionAt + "/lessons/" + i;
            if (!lesson.isObject()) {
                problems.report(at, ProblemCode.NOT_AN_OBJECT);
                continue;
            }
            fields.onlyKnownFields(lesson, at, LESSON_FIELDS, LESSON_FIELDS_INTRODUCED);
            fields.uniqueId(lesson, at, "lesson");
            int index = i;
            fields.requiredInt(lesson, at, "order", 1).ifPresent(order -> {
                Integer previous = orders.putIfAbsent(order, index);
                if (previous != null) {
                    problems.report(at + "/order", ProblemCode.DUPLICATE_LESSON_ORDER, order, previous);
                }
            });
            fields.requiredText(lesson, at, "slug", 200).ifPresent(slug -> {
                if (!SLUG.matcher(slug).matches()) {
                    problems.report(at + "/slug", ProblemCode.BAD_SLUG, slug);
                }
                String previous = slugsSeen.putIfAbsent(slug, at);
                if (previous != null) {
                    problems.report(at + "/slug", ProblemCode.DUPLICATE_SLUG, slug,
                            ManifestProblems.field(previous));
                }
            });
            fields.requiredText(lesson, at, "title", 200);
            Optional<String> contentType = fields.requiredText(lesson, at, "contentType", 20);
            contentType.filter(type -> !CONTENT_TYPES.contains(type))
                    .ifPresent(type -> problems.report(at + "/contentType", ProblemCode.BAD_CONTENT_TYPE, type));
            fields.requiredText(lesson, at, "body", 500).ifPresent(body -> {
                if (formatVersion >= ManifestModel.MEDIA_AND_QUIZZES_VERSION && LessonBody.formatOf(body).isEmpty()) {
                    problems.report(at + "/body", ProblemCode.BAD_BODY_NAME, body);
                }
            });
            checkVideo(lesson, at, contentType.orElse(""));
            fields.optionalArray(lesson, at, "captions").ifPresent(list -> checkCaptions(lesson, list, at + "/captions"));
            fields.optionalInt(lesson, at, "readingTimeMinutes", 0);
            if (lesson.has("preview") && !lesson.get("preview").isBoolean()) {
                problems.report(at + "/preview", ProblemCode.NOT_A_BOOLEAN);
            }
            fields.optionalArray(lesson, at, "resources").ifPresent(list -> media.checkResources(list, at + "/resources"));
            fields.optionalArray(lesson, at, "quizzes").ifPresent(list -> quizzes.checkQuizzes(list, at + "/quizzes"));
        }
    }

    private void checkVideo(JsonNode lesson, String at, String contentType) {
        JsonNode video = lesson.get("video");
        if (video == null || video.isNull()) {
            if (contentType.equals("video") && formatVersion >= ManifestModel.MEDIA_AND_QUIZZES_VERSION) {
                problems.report(at + "/video", ProblemCode.VIDEO_REQUIRED);
            }
            return;
        }
        fields.requiredUuid(lesson, at, "video").ifPresent(mediaId -> {
            Optional<String> mimeType = media.mimeTypeOf(mediaId);
            if (mimeType.isEmpty()) {
                problems.report(at + "/video", ProblemCode.NOT_A_MEDIA_ID, mediaId);
            } else if (!mimeType.get().isEmpty() && !mimeType.get().startsWith("video/")) {
                problems.report(at + "/video", ProblemCode.NOT_A_VIDEO, mediaId, mimeType.get());
            }
        });
    }

    /** Each caption track names a WebVTT file in media, in a language of its own; only a lesson with a video has any. */
    private void checkCaptions(JsonNode lesson, JsonNode captions, String at) {
        if (!captions.isEmpty() && !JsonFields.present(lesson, "video")) {
            problems.report(at, ProblemCode.CAPTIONS_WITHOUT_VIDEO);
        }
        Map<String, Integer> languages = new HashMap<>();
        for (int i = 0; i < captions.size(); i++) {
            JsonNode track = captions.get(i);
            String trackAt = at + "/" + i;
            if (!track.isObject()) {
                problems.report(trackAt, ProblemCode.BAD_CAPTION_TRACK);
                continue;
            }
            fields.onlyKnownFields(track, trackAt, CAPTION_FIELDS, Set.of());
            fields.requiredUuid(track, trackAt, "media").ifPresent(mediaId -> {
                Optional<String> mimeType = media.mimeTypeOf(mediaId);
                if (mimeType.isEmpty()) {
                    problems.report(trackAt + "/media", ProblemCode.NOT_A_MEDIA_ID, mediaId);
                } else if (!mimeType.get().isEmpty() && !mimeType.get().equals(CAPTIONS_MIME_TYPE)) {
                    problems.report(trackAt + "/media", ProblemCode.NOT_WEBVTT, mediaId, mimeType.get(),
                            CAPTIONS_MIME_TYPE);
                }
            });
            int index = i;
            fields.requiredText(track, trackAt, "language", 10).ifPresent(language -> {
                if (!LANGUAGE.matcher(language).matches()) {
                    problems.report(trackAt + "/language", ProblemCode.BAD_LANGUAGE, language);
                }
                Integer previous = languages.putIfAbsent(language, index);
                if (previous != null) {
                    problems.report(trackAt + "/language", ProblemCode.DUPLICATE_CAPTION_LANGUAGE, language,
                            previous);
                }
            });
            fields.optionalText(track, trackAt, "label", 100);
        }
    }
}
