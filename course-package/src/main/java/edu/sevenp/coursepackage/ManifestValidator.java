package edu.sevenp.coursepackage;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.model.LessonFormat;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks a parsed manifest against docs/course-package.md and reports every problem it finds, not just
 * the first, each with its field and line. It looks at the manifest only; files are checked by
 * {@link CoursePackageReader}.
 */
final class ManifestValidator {

    static final String MANIFEST = "manifest.json";

    /** The largest media or resource file a package may hold. */
    static final long MAX_FILE_BYTES = 10L << 30;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern VERSION = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,3}");
    private static final Pattern MIME_TYPE = Pattern.compile("[a-z]+/[a-z0-9][a-z0-9.+-]*");
    private static final Set<String> DIFFICULTIES = Set.of("beginner", "intermediate", "advanced");
    private static final Set<String> CONTENT_TYPES = Set.of("video", "text", "quiz", "assignment");
    private static final Set<String> QUIZ_MODES = Set.of("graded", "practice");
    private static final List<String> QUESTION_TYPES = List.of("multiple_choice", "true_false", "short_answer", "essay");
    /** Question types the player can grade from an answer key; practice quizzes must carry one for them. */
    private static final Set<String> AUTO_GRADED = Set.of("multiple_choice", "true_false", "short_answer");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_POINTS = new BigDecimal("999.99");

    private static final Set<String> ROOT_FIELDS = Set.of("format", "formatVersion", "course", "media", "sections",
            "resources", "quizzes");
    private static final Set<String> COURSE_FIELDS = Set.of("id", "slug", "title", "shortDescription", "description",
            "difficulty", "language", "version", "instructor", "learningObjectives", "requirements", "targetAudience");
    private static final Set<String> INSTRUCTOR_FIELDS = Set.of("id", "name");
    private static final Set<String> MEDIA_FIELDS = Set.of("id", "file", "sha256", "size", "mimeType", "width", "height",
            "durationSeconds");
    private static final Set<String> SECTION_FIELDS = Set.of("id", "order", "title", "description", "lessons");
    private static final Set<String> LESSON_FIELDS = Set.of("id", "order", "slug", "title", "contentType", "body", "video",
            "readingTimeMinutes", "preview", "resources", "quizzes");
    private static final Set<String> RESOURCE_FIELDS = Set.of("id", "title", "description", "file", "sha256", "size",
            "mimeType", "url");
    private static final Set<String> QUIZ_FIELDS = Set.of("id", "title", "description", "instructions", "mode",
            "passingScore", "timeLimitMinutes", "attemptsAllowed", "questions");
    private static final Set<String> QUESTION_FIELDS = Set.of("id", "order", "type", "text", "options", "points", "answer",
            "explanation");
    /** Fields that format 1 did not have: a format 1 manifest using them would confuse a format 1 player. */
    private static final Set<String> ROOT_FIELDS_SINCE_2 = Set.of("media", "resources", "quizzes");
    private static final Set<String> LESSON_FIELDS_SINCE_2 = Set.of("video", "resources", "quizzes");

    private final JsonLocations locations;
    private final List<PackageProblem> problems = new ArrayList<>();
    private final Map<UUID, String> idsSeen = new HashMap<>();
    private final Map<String, String> slugsSeen = new HashMap<>();
    /** Media id to MIME type, for lessons' videos. */
    private final Map<UUID, String> mediaTypes = new HashMap<>();
    private int formatVersion = ManifestModel.FORMAT_VERSION;

    private ManifestValidator(JsonLocations locations) {
        this.locations = locations;
    }

    static List<PackageProblem> validate(JsonNode root, JsonLocations locations) {
        ManifestValidator validator = new ManifestValidator(locations);
        validator.checkRoot(root);
        return List.copyOf(validator.problems);
    }

    /** The format version a manifest declares, or the newest when it declares none that this player reads. */
    static int formatVersionOf(JsonNode root) {
        JsonNode version = root.path("formatVersion");
        if (version.isIntegralNumber() && version.canConvertToInt() && version.intValue() >= 1
                && version.intValue() <= ManifestModel.FORMAT_VERSION) {
            return version.intValue();
        }
        return ManifestModel.FORMAT_VERSION;
    }

    private void checkRoot(JsonNode root) {
        if (!root.isObject()) {
            problem("", "must be a JSON object with format, formatVersion, course and sections");
            return;
        }
        formatVersion = formatVersionOf(root);
        onlyKnownFields(root, "", ROOT_FIELDS, ROOT_FIELDS_SINCE_2);
        requiredText(root, "", "format", 100).filter(format -> !format.equals(ManifestModel.FORMAT))
                .ifPresent(format -> problem("/format", "must be \"" + ManifestModel.FORMAT + "\", was \"" + format + "\""));
        requiredInt(root, "", "formatVersion", 1).ifPresent(version -> {
            if (version > ManifestModel.FORMAT_VERSION) {
                problem("/formatVersion", "this package needs a newer player (format " + version
                        + "); this player reads format " + ManifestModel.FORMAT_VERSION + " - update the player");
            }
        });
        JsonNode course = root.get("course");
        if (course == null || !course.isObject()) {
            problem("/course", "is required and must be an object");
        } else {
            checkCourse(course);
        }
        optionalArray(root, "", "media").ifPresent(this::checkMedia);
        JsonNode sections = root.get("sections");
        if (sections == null || !sections.isArray() || sections.isEmpty()) {
            problem("/sections", "is required and must be a non-empty array");
        } else {
            checkSections(sections);
        }
        optionalArray(root, "", "resources").ifPresent(resources -> checkResources(resources, "/resources"));
        optionalArray(root, "", "quizzes").ifPresent(quizzes -> checkQuizzes(quizzes, "/quizzes"));
    }

    private void checkCourse(JsonNode course) {
        String at = "/course";
        onlyKnownFields(course, at, COURSE_FIELDS, Set.of());
        uniqueId(course, at, "course");
        requiredText(course, at, "slug", 200).filter(slug -> !SLUG.matcher(slug).matches())
                .ifPresent(slug -> problem(at + "/slug", "must be lower-case words joined by hyphens, was \"" + slug + "\""));
        requiredText(course, at, "title", 200);
        optionalText(course, at, "shortDescription", 500);
        optionalText(course, at, "description", 20_000);
        requiredText(course, at, "difficulty", 20).filter(difficulty -> !DIFFICULTIES.contains(difficulty))
                .ifPresent(difficulty -> problem(at + "/difficulty", "must be one of beginner, intermediate, advanced; was \""
                        + difficulty + "\""));
        requiredText(course, at, "language", 10).filter(language -> !LANGUAGE.matcher(language).matches())
                .ifPresent(language -> problem(at + "/language", "must be a language code such as en or pt-BR, was \""
                        + language + "\""));
        requiredText(course, at, "version", 50).filter(version -> !VERSION.matcher(version).matches())
                .ifPresent(version -> problem(at + "/version", "must be numbers separated by dots, such as 1.2.0, was \""
                        + version + "\""));
        JsonNode instructor = course.get("instructor");
        if (instructor == null || !instructor.isObject()) {
            problem(at + "/instructor", "is required and must be an object with id and name");
        } else {
            onlyKnownFields(instructor, at + "/instructor", INSTRUCTOR_FIELDS, Set.of());
            requiredUuid(instructor, at + "/instructor", "id");
            requiredText(instructor, at + "/instructor", "name", 100);
        }
        for (String list : List.of("learningObjectives", "requirements", "targetAudience")) {
            optionalTextList(course, at, list);
        }
    }

    private void checkMedia(JsonNode media) {
        for (int i = 0; i < media.size(); i++) {
            JsonNode entry = media.get(i);
            String at = "/media/" + i;
            if (!entry.isObject()) {
                problem(at, "must be an object");
                continue;
            }
            onlyKnownFields(entry, at, MEDIA_FIELDS, Set.of());
            Optional<UUID> id = uniqueId(entry, at, "media");
            requiredText(entry, at, "file", 500);
            requiredSha256(entry, at);
            requiredLong(entry, at, "size", 1, MAX_FILE_BYTES);
            Optional<String> mimeType = requiredMimeType(entry, at, 100);
            optionalInt(entry, at, "width", 1);
            optionalInt(entry, at, "height", 1);
            optionalInt(entry, at, "durationSeconds", 0);
            id.ifPresent(mediaId -> mediaTypes.put(mediaId, mimeType.orElse("")));
        }
    }

    private void checkSections(JsonNode sections) {
        Map<Integer, Integer> orders = new HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            JsonNode section = sections.get(i);
            String at = "/sections/" + i;
            if (!section.isObject()) {
                problem(at, "must be an object");
                continue;
            }
            onlyKnownFields(section, at, SECTION_FIELDS, Set.of());
            uniqueId(section, at, "section");
            int index = i;
            requiredInt(section, at, "order", 1).ifPresent(order -> {
                Integer previous = orders.putIfAbsent(order, index);
                if (previous != null) {
                    problem(at + "/order", "duplicate section order " + order + " (also used by sections[" + previous + "])");
                }
            });
            requiredText(section, at, "title", 200);
            optionalText(section, at, "description", 5_000);
            JsonNode lessons = section.get("lessons");
            if (lessons == null || !lessons.isArray()) {
                problem(at + "/lessons", "is required and must be an array");
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
                problem(at, "must be an object");
                continue;
            }
            onlyKnownFields(lesson, at, LESSON_FIELDS, LESSON_FIELDS_SINCE_2);
            uniqueId(lesson, at, "lesson");
            int index = i;
            requiredInt(lesson, at, "order", 1).ifPresent(order -> {
                Integer previous = orders.putIfAbsent(order, index);
                if (previous != null) {
                    problem(at + "/order", "duplicate lesson order " + order + " in this section (also used by lessons["
                            + previous + "])");
                }
            });
            requiredText(lesson, at, "slug", 200).ifPresent(slug -> {
                if (!SLUG.matcher(slug).matches()) {
                    problem(at + "/slug", "must be lower-case words joined by hyphens, was \"" + slug + "\"");
                }
                String previous = slugsSeen.putIfAbsent(slug, at);
                if (previous != null) {
                    problem(at + "/slug", "duplicate lesson slug \"" + slug + "\" (also used at " + field(previous) + ")");
                }
            });
            requiredText(lesson, at, "title", 200);
            Optional<String> contentType = requiredText(lesson, at, "contentType", 20);
            contentType.filter(type -> !CONTENT_TYPES.contains(type))
                    .ifPresent(type -> problem(at + "/contentType", "must be one of video, text, quiz, assignment; was \""
                            + type + "\""));
            requiredText(lesson, at, "body", 500).ifPresent(body -> {
                if (formatVersion >= ManifestModel.MEDIA_AND_QUIZZES_VERSION && bodyFormat(body).isEmpty()) {
                    problem(at + "/body", "must name a Markdown (.md) or HTML (.html) file, was \"" + body + "\"");
                }
            });
            checkVideo(lesson, at, contentType.orElse(""));
            optionalInt(lesson, at, "readingTimeMinutes", 0);
            if (lesson.has("preview") && !lesson.get("preview").isBoolean()) {
                problem(at + "/preview", "must be true or false");
            }
            optionalArray(lesson, at, "resources").ifPresent(resources -> checkResources(resources, at + "/resources"));
            optionalArray(lesson, at, "quizzes").ifPresent(quizzes -> checkQuizzes(quizzes, at + "/quizzes"));
        }
    }

    private void checkVideo(JsonNode lesson, String at, String contentType) {
        JsonNode video = lesson.get("video");
        if (video == null || video.isNull()) {
            if (contentType.equals("video") && formatVersion >= ManifestModel.MEDIA_AND_QUIZZES_VERSION) {
                problem(at + "/video", "is required for a video lesson: the id of a video in media");
            }
            return;
        }
        requiredUuid(lesson, at, "video").ifPresent(mediaId -> {
            String mimeType = mediaTypes.get(mediaId);
            if (mimeType == null) {
                problem(at + "/video", "names " + mediaId + ", which is not the id of an entry in media");
            } else if (!mimeType.isEmpty() && !mimeType.startsWith("video/")) {
                problem(at + "/video", "names " + mediaId + ", which is not a video (its mimeType is " + mimeType + ")");
            }
        });
    }

    private void checkResources(JsonNode resources, String listAt) {
        for (int i = 0; i < resources.size(); i++) {
            JsonNode resource = resources.get(i);
            String at = listAt + "/" + i;
            if (!resource.isObject()) {
                problem(at, "must be an object");
                continue;
            }
            onlyKnownFields(resource, at, RESOURCE_FIELDS, Set.of());
            uniqueId(resource, at, "resource");
            requiredText(resource, at, "title", 200);
            optionalText(resource, at, "description", 5_000);
            boolean file = present(resource, "file");
            boolean url = present(resource, "url");
            if (file == url) {
                problem(at, "must have either a file (with sha256, size and mimeType) or a url, not "
                        + (file ? "both" : "neither"));
            }
            if (file) {
                requiredText(resource, at, "file", 500);
                requiredSha256(resource, at);
                requiredLong(resource, at, "size", 1, MAX_FILE_BYTES);
                requiredMimeType(resource, at, 50);
            } else {
                for (String name : List.of("sha256", "size", "mimeType")) {
                    if (present(resource, name)) {
                        problem(at + "/" + name, "belongs to a file resource; a url resource has only title,"
                                + " description and url");
                    }
                }
            }
            if (url) {
                requiredText(resource, at, "url", 2_000).filter(address -> !isHttps(address))
                        .ifPresent(address -> problem(at + "/url", "must be an https:// address, was \"" + address + "\""));
            }
        }
    }

    private void checkQuizzes(JsonNode quizzes, String listAt) {
        for (int i = 0; i < quizzes.size(); i++) {
            JsonNode quiz = quizzes.get(i);
            String at = listAt + "/" + i;
            if (!quiz.isObject()) {
                problem(at, "must be an object");
                continue;
            }
            onlyKnownFields(quiz, at, QUIZ_FIELDS, Set.of());
            uniqueId(quiz, at, "quiz");
            requiredText(quiz, at, "title", 200);
            optionalText(quiz, at, "description", 5_000);
            optionalText(quiz, at, "instructions", 10_000);
            Optional<String> mode = requiredText(quiz, at, "mode", 20);
            mode.filter(value -> !QUIZ_MODES.contains(value))
                    .ifPresent(value -> problem(at + "/mode", "must be graded or practice; was \"" + value + "\""));
            optionalDecimal(quiz, at, "passingScore", BigDecimal.ZERO, true, HUNDRED);
            optionalInt(quiz, at, "timeLimitMinutes", 1);
            optionalInt(quiz, at, "attemptsAllowed", 1);
            JsonNode questions = quiz.get("questions");
            if (questions == null || !questions.isArray() || questions.isEmpty()) {
                problem(at + "/questions", "is required and must be a non-empty array");
            } else {
                checkQuestions(questions, at, mode.filter(QUIZ_MODES::contains).orElse(null));
            }
        }
    }

    /** @param mode graded, practice, or null when the quiz's mode is itself wrong (answers are then not judged) */
    private void checkQuestions(JsonNode questions, String quizAt, String mode) {
        Map<Integer, Integer> orders = new HashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            JsonNode question = questions.get(i);
            String at = quizAt + "/questions/" + i;
            if (!question.isObject()) {
                problem(at, "must be an object");
                continue;
            }
            onlyKnownFields(question, at, QUESTION_FIELDS, Set.of());
            uniqueId(question, at, "question");
            int index = i;
            requiredInt(question, at, "order", 1).ifPresent(order -> {
                Integer previous = orders.putIfAbsent(order, index);
                if (previous != null) {
                    problem(at + "/order", "duplicate question order " + order + " in this quiz (also used by questions["
                            + previous + "])");
                }
            });
            Optional<String> type = requiredText(question, at, "type", 20);
            type.filter(value -> !QUESTION_TYPES.contains(value))
                    .ifPresent(value -> problem(at + "/type", "must be one of " + String.join(", ", QUESTION_TYPES)
                            + "; was \"" + value + "\""));
            requiredText(question, at, "text", 10_000);
            optionalDecimal(question, at, "points", BigDecimal.ZERO, false, MAX_POINTS);
            String knownType = type.filter(QUESTION_TYPES::contains).orElse(null);
            List<String> options = checkOptions(question, at, knownType);
            if ("graded".equals(mode)) {
                for (String name : List.of("answer", "explanation")) {
                    if (present(question, name)) {
                        problem(at + "/" + name, "a graded quiz carries no answer key: its answers and explanations stay"
                                + " on the server, which grades it (ARCHITECTURE.md, principle 8); remove " + name
                                + ", or make the quiz a practice quiz");
                    }
                }
            } else if ("practice".equals(mode)) {
                optionalText(question, at, "explanation", 10_000);
                if (knownType != null) {
                    checkAnswer(question, at, knownType, options);
                }
            }
        }
    }

    /** The options of a multiple-choice question, or null where there are none or they are wrong. */
    private List<String> checkOptions(JsonNode question, String at, String type) {
        JsonNode options = question.get("options");
        boolean present = options != null && !options.isNull();
        if (!"multiple_choice".equals(type)) {
            if (present && type != null) {
                problem(at + "/options", "only multiple_choice questions have options; a " + type + " question has none");
            }
            return null;
        }
        if (!present || !options.isArray() || options.size() < 2) {
            problem(at + "/options", "a multiple_choice question needs options: an array of at least 2 different choices");
            return null;
        }
        if (options.size() > 20) {
            problem(at + "/options", "must have at most 20 choices, had " + options.size());
            return null;
        }
        List<String> choices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String pointer = at + "/options/" + i;
            Optional<String> choice = text(options.get(i), pointer, 1_000);
            if (choice.isEmpty()) {
                return null;
            }
            if (!seen.add(choice.get())) {
                problem(pointer, "repeats the choice \"" + choice.get() + "\"");
                return null;
            }
            choices.add(choice.get());
        }
        return choices;
    }

    private void checkAnswer(JsonNode question, String at, String type, List<String> options) {
        JsonNode answer = question.get("answer");
        String pointer = at + "/answer";
        if (answer == null || answer.isNull()) {
            if (AUTO_GRADED.contains(type)) {
                problem(pointer, "a practice quiz's " + type + " question needs an answer, so the player can grade it");
            }
            return;
        }
        switch (type) {
            case "multiple_choice" -> text(answer, pointer, 1_000).filter(choice -> options != null && !options.contains(choice))
                    .ifPresent(choice -> problem(pointer, "must be one of the options, was \"" + choice + "\""));
            case "true_false" -> {
                if (!answer.isBoolean()) {
                    problem(pointer, "must be true or false, was " + answer);
                }
            }
            case "short_answer" -> {
                if (answer.isArray()) {
                    if (answer.isEmpty()) {
                        problem(pointer, "must list at least one accepted answer");
                    }
                    for (int i = 0; i < answer.size(); i++) {
                        text(answer.get(i), pointer + "/" + i, 1_000);
                    }
                } else {
                    text(answer, pointer, 1_000);
                }
            }
            default -> text(answer, pointer, 10_000); // essay: a model answer, shown after answering
        }
    }

    /** The format a body path names by its extension (format 2); empty when it names neither. */
    static Optional<LessonFormat> bodyFormat(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md")) {
            return Optional.of(LessonFormat.MARKDOWN);
        }
        if (lower.endsWith(".html")) {
            return Optional.of(LessonFormat.HTML);
        }
        return Optional.empty();
    }

    private static boolean isHttps(String address) {
        try {
            URI uri = new URI(address);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private Optional<UUID> uniqueId(JsonNode node, String at, String kind) {
        return requiredUuid(node, at, "id").filter(id -> {
            String previous = idsSeen.putIfAbsent(id, at);
            if (previous != null) {
                problem(at + "/id", "the " + kind + " id " + id + " is already used at " + field(previous));
                return false;
            }
            return true;
        });
    }

    private Optional<UUID> requiredUuid(JsonNode node, String at, String name) {
        return requiredText(node, at, name, 36).flatMap(text -> {
            if (UUID_TEXT.matcher(text).matches()) {
                return Optional.of(UUID.fromString(text));
            }
            problem(at + "/" + name, "must be a UUID such as 3f1c9a2e-5b7d-4c1e-9a8f-2d6b0e4c7a13, was \"" + text + "\"");
            return Optional.empty();
        });
    }

    private void requiredSha256(JsonNode node, String at) {
        requiredText(node, at, "sha256", 64 + 10).filter(hash -> !ContentHash.isSha256(hash))
                .ifPresent(hash -> problem(at + "/sha256", "must be a SHA-256 as 64 lower-case hexadecimal digits, was \""
                        + hash + "\""));
    }

    private Optional<String> requiredMimeType(JsonNode node, String at, int maxLength) {
        return requiredText(node, at, "mimeType", maxLength).filter(type -> {
            if (!MIME_TYPE.matcher(type).matches()) {
                problem(at + "/mimeType", "must be a MIME type such as video/mp4 or application/pdf, was \"" + type + "\"");
                return false;
            }
            return true;
        });
    }

    private Optional<String> requiredText(JsonNode node, String at, String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            problem(at + "/" + name, "is required");
            return Optional.empty();
        }
        return text(value, at + "/" + name, maxLength);
    }

    private void optionalText(JsonNode node, String at, String name, int maxLength) {
        if (present(node, name)) {
            text(node.get(name), at + "/" + name, maxLength);
        }
    }

    private Optional<String> text(JsonNode value, String pointer, int maxLength) {
        if (!value.isTextual()) {
            problem(pointer, "must be a string");
            return Optional.empty();
        }
        String text = value.asText();
        if (text.isBlank()) {
            problem(pointer, "must not be blank");
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            problem(pointer, "must be at most " + maxLength + " characters, was " + text.length());
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private void optionalTextList(JsonNode node, String at, String name) {
        optionalArray(node, at, name).ifPresent(value -> {
            for (int i = 0; i < value.size(); i++) {
                text(value.get(i), at + "/" + name + "/" + i, 1_000);
            }
        });
    }

    private Optional<JsonNode> optionalArray(JsonNode node, String at, String name) {
        if (!present(node, name)) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            problem(at + "/" + name, "must be an array");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<Integer> requiredInt(JsonNode node, String at, String name, int minimum) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            problem(at + "/" + name, "is required");
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(at + "/" + name, "must be a whole number, was " + value);
            return Optional.empty();
        }
        if (value.intValue() < minimum) {
            problem(at + "/" + name, "must be " + minimum + " or more, was " + value.intValue());
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    private void optionalInt(JsonNode node, String at, String name, int minimum) {
        if (present(node, name)) {
            requiredInt(node, at, name, minimum);
        }
    }

    private void requiredLong(JsonNode node, String at, String name, long minimum, long maximum) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            problem(at + "/" + name, "is required");
        } else if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(at + "/" + name, "must be a whole number, was " + value);
        } else if (value.longValue() < minimum || value.longValue() > maximum) {
            problem(at + "/" + name, "must be from " + minimum + " to " + maximum + ", was " + value.longValue());
        }
    }

    /** A number with at most two decimals, above {@code minimum} (or equal to it when inclusive), at most {@code maximum}. */
    private void optionalDecimal(JsonNode node, String at, String name, BigDecimal minimum, boolean minimumIncluded,
            BigDecimal maximum) {
        if (!present(node, name)) {
            return;
        }
        JsonNode value = node.get(name);
        String pointer = at + "/" + name;
        if (!value.isNumber()) {
            problem(pointer, "must be a number, was " + value);
            return;
        }
        BigDecimal number = value.decimalValue();
        int lowest = number.compareTo(minimum);
        if (lowest < 0 || (lowest == 0 && !minimumIncluded) || number.compareTo(maximum) > 0) {
            problem(pointer, "must be " + (minimumIncluded ? "from " : "more than ") + minimum.toPlainString()
                    + (minimumIncluded ? " to " : " and at most ") + maximum.toPlainString() + ", was " + number.toPlainString());
        } else if (number.stripTrailingZeros().scale() > 2) {
            problem(pointer, "must have at most two decimals, was " + number.toPlainString());
        }
    }

    private static boolean present(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    private void onlyKnownFields(JsonNode node, String at, Set<String> known, Set<String> sinceVersion2) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(at + "/" + name, "is not a field of this object (known fields: " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
            } else if (sinceVersion2.contains(name) && formatVersion < ManifestModel.MEDIA_AND_QUIZZES_VERSION) {
                problem(at + "/" + name, "is new in format " + ManifestModel.MEDIA_AND_QUIZZES_VERSION + "; set formatVersion"
                        + " to " + ManifestModel.MEDIA_AND_QUIZZES_VERSION + " (players that read only format 1 would"
                        + " refuse the package)");
            }
        }
    }

    private void problem(String pointer, String message) {
        problems.add(new PackageProblem(MANIFEST, field(pointer), locations.lineOf(pointer), message));
    }

    static boolean isUuid(String text) {
        return UUID_TEXT.matcher(text).matches();
    }

    /** {@code /sections/0/lessons/2/order} reads as {@code sections[0].lessons[2].order}. */
    static String field(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                field.append('[').append(part).append(']');
            } else {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return field.toString();
    }
}
