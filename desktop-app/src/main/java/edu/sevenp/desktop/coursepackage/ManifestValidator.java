package edu.sevenp.desktop.coursepackage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
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

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern VERSION = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,3}");
    private static final Set<String> DIFFICULTIES = Set.of("beginner", "intermediate", "advanced");
    private static final Set<String> CONTENT_TYPES = Set.of("video", "text", "quiz", "assignment");

    private static final Set<String> ROOT_FIELDS = Set.of("format", "formatVersion", "course", "sections");
    private static final Set<String> COURSE_FIELDS = Set.of("id", "slug", "title", "shortDescription", "description",
            "difficulty", "language", "version", "instructor", "learningObjectives", "requirements", "targetAudience");
    private static final Set<String> INSTRUCTOR_FIELDS = Set.of("id", "name");
    private static final Set<String> SECTION_FIELDS = Set.of("id", "order", "title", "description", "lessons");
    private static final Set<String> LESSON_FIELDS = Set.of("id", "order", "slug", "title", "contentType", "body",
            "readingTimeMinutes", "preview");

    private final JsonLocations locations;
    private final List<PackageProblem> problems = new ArrayList<>();
    private final Map<UUID, String> idsSeen = new HashMap<>();
    private final Map<String, String> slugsSeen = new HashMap<>();

    private ManifestValidator(JsonLocations locations) {
        this.locations = locations;
    }

    static List<PackageProblem> validate(JsonNode root, JsonLocations locations) {
        ManifestValidator validator = new ManifestValidator(locations);
        validator.checkRoot(root);
        return List.copyOf(validator.problems);
    }

    private void checkRoot(JsonNode root) {
        if (!root.isObject()) {
            problem("", "must be a JSON object with format, formatVersion, course and sections");
            return;
        }
        onlyKnownFields(root, "", ROOT_FIELDS);
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
        JsonNode sections = root.get("sections");
        if (sections == null || !sections.isArray() || sections.isEmpty()) {
            problem("/sections", "is required and must be a non-empty array");
        } else {
            checkSections(sections);
        }
    }

    private void checkCourse(JsonNode course) {
        String at = "/course";
        onlyKnownFields(course, at, COURSE_FIELDS);
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
            onlyKnownFields(instructor, at + "/instructor", INSTRUCTOR_FIELDS);
            requiredUuid(instructor, at + "/instructor", "id");
            requiredText(instructor, at + "/instructor", "name", 100);
        }
        for (String list : List.of("learningObjectives", "requirements", "targetAudience")) {
            optionalTextList(course, at, list);
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
            onlyKnownFields(section, at, SECTION_FIELDS);
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
            onlyKnownFields(lesson, at, LESSON_FIELDS);
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
            requiredText(lesson, at, "contentType", 20).filter(type -> !CONTENT_TYPES.contains(type))
                    .ifPresent(type -> problem(at + "/contentType", "must be one of video, text, quiz, assignment; was \""
                            + type + "\""));
            requiredText(lesson, at, "body", 500);
            if (lesson.has("readingTimeMinutes") && !lesson.get("readingTimeMinutes").isNull()) {
                requiredInt(lesson, at, "readingTimeMinutes", 0);
            }
            if (lesson.has("preview") && !lesson.get("preview").isBoolean()) {
                problem(at + "/preview", "must be true or false");
            }
        }
    }

    private void uniqueId(JsonNode node, String at, String kind) {
        requiredUuid(node, at, "id").ifPresent(id -> {
            String previous = idsSeen.putIfAbsent(id, at);
            if (previous != null) {
                problem(at + "/id", "the " + kind + " id " + id + " is already used at " + field(previous));
            }
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

    private Optional<String> requiredText(JsonNode node, String at, String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            problem(at + "/" + name, "is required");
            return Optional.empty();
        }
        return text(value, at + "/" + name, maxLength);
    }

    private void optionalText(JsonNode node, String at, String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value != null && !value.isNull()) {
            text(value, at + "/" + name, maxLength);
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
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            problem(at + "/" + name, "must be an array of strings");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            text(value.get(i), at + "/" + name + "/" + i, 1_000);
        }
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

    private void onlyKnownFields(JsonNode node, String at, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(at + "/" + name, "is not a field of this object (known fields: " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
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
