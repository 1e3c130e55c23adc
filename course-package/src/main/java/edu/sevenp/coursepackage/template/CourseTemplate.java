package edu.sevenp.coursepackage.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.ManifestModel;
import edu.sevenp.coursepackage.PackageRoot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a small course package to start a new course from: a manifest with two sections, a Markdown lesson, a
 * lesson with a practice quiz (every question explained), and a README on the format. It is valid, and its
 * readiness report has no warnings. Every id is new, so two courses made from it never collide.
 */
public final class CourseTemplate {

    static final String WELCOME = "lessons/01-welcome.md";
    static final String QUIZ_LESSON = "lessons/02-check-your-understanding.md";
    static final String README = "README.md";

    private final ObjectMapper mapper;

    public CourseTemplate(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Writes the package into {@code folder}, which must not exist or be empty.
     *
     * @return the files written, as package paths
     * @throws FileAlreadyExistsException when {@code folder} is a file, or a folder with anything in it
     */
    public List<String> write(Path folder) throws IOException {
        refuseUnlessNewOrEmpty(folder);
        Files.createDirectories(folder.resolve("lessons"));
        Files.writeString(folder.resolve(PackageRoot.MANIFEST), mapper.writerWithDefaultPrettyPrinter()
                .writeValueAsString(manifest(folder)) + "\n");
        Files.writeString(folder.resolve(WELCOME), resource("welcome.md"));
        Files.writeString(folder.resolve(QUIZ_LESSON), resource("check-your-understanding.md"));
        Files.writeString(folder.resolve(README), resource("README.md"));
        return List.of(PackageRoot.MANIFEST, WELCOME, QUIZ_LESSON, README);
    }

    private static void refuseUnlessNewOrEmpty(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new FileAlreadyExistsException(folder.toString(), null,
                    "is a file; a new course needs a new or empty folder");
        }
        try (Stream<Path> children = Files.list(folder)) {
            if (children.findAny().isPresent()) {
                throw new FileAlreadyExistsException(folder.toString(), null,
                        "is not empty; a new course is written only into a new or empty folder, so nothing of yours is"
                                + " overwritten");
            }
        }
    }

    private ObjectNode manifest(Path folder) {
        String name = folder.toAbsolutePath().normalize().getFileName() == null ? ""
                : folder.toAbsolutePath().normalize().getFileName().toString();
        String slug = slugOf(name);
        ObjectNode manifest = mapper.createObjectNode();
        manifest.put("format", ManifestModel.FORMAT);
        manifest.put("formatVersion", ManifestModel.FORMAT_VERSION);
        ObjectNode course = manifest.putObject("course");
        course.put("id", newId());
        course.put("slug", slug);
        course.put("title", titleOf(slug));
        course.put("shortDescription", "What learners will be able to do after this course, in one sentence.");
        course.put("description", "A longer description: who the course is for, what it covers, and how long it takes.");
        course.put("difficulty", "beginner");
        course.put("language", "en");
        course.put("version", "0.1.0");
        ObjectNode instructor = course.putObject("instructor");
        instructor.put("id", newId());
        instructor.put("name", "Course author");
        course.putArray("learningObjectives").add("Find their way around a course package");
        course.putArray("requirements").add("A text editor");
        course.putArray("targetAudience").add("Instructors writing their first 7P course");
        ArrayNode sections = manifest.putArray("sections");
        ObjectNode first = section(sections, 1, "Getting started", "What this course is and how it is made.");
        lesson(first, 1, "welcome", "Welcome to your course", "text", WELCOME, 2).put("preview", true);
        ObjectNode second = section(sections, 2, "Check your understanding", "A short practice quiz.");
        ObjectNode quizLesson = lesson(second, 1, "check-your-understanding", "Check your understanding", "quiz",
                QUIZ_LESSON, 3);
        quiz(quizLesson.putArray("quizzes"));
        return manifest;
    }

    private static ObjectNode section(ArrayNode sections, int order, String title, String description) {
        ObjectNode section = sections.addObject();
        section.put("id", newId());
        section.put("order", order);
        section.put("title", title);
        section.put("description", description);
        section.putArray("lessons");
        return section;
    }

    private static ObjectNode lesson(ObjectNode section, int order, String slug, String title, String contentType,
            String body, int minutes) {
        ObjectNode lesson = ((ArrayNode) section.get("lessons")).addObject();
        lesson.put("id", newId());
        lesson.put("order", order);
        lesson.put("slug", slug);
        lesson.put("title", title);
        lesson.put("contentType", contentType);
        lesson.put("body", body);
        lesson.put("readingTimeMinutes", minutes);
        lesson.put("preview", false);
        return lesson;
    }

    private static void quiz(ArrayNode quizzes) {
        ObjectNode quiz = quizzes.addObject();
        quiz.put("id", newId());
        quiz.put("title", "Course packages");
        quiz.put("description", "Two questions about how a course package is made.");
        quiz.put("instructions", "Choose an answer for each question; the player tells you at once whether it is right.");
        quiz.put("mode", "practice");
        quiz.put("passingScore", 50);
        ArrayNode questions = quiz.putArray("questions");
        ObjectNode choice = question(questions, 1, "multiple_choice", "Which file lists a course's sections and lessons?");
        choice.putArray("options").add("manifest.json").add("README.md").add("lessons/01-welcome.md");
        choice.put("answer", "manifest.json");
        choice.put("explanation", "The manifest describes the whole course; lesson files hold only each lesson's text,"
                + " and the player never reads the README.");
        ObjectNode trueFalse = question(questions, 2, "true_false", "A lesson's id may be changed whenever you like.");
        trueFalse.put("answer", false);
        trueFalse.put("explanation", "Ids are made once and kept: the player recognises a course it already has, and"
                + " a learner's progress and notes, by them.");
    }

    private static ObjectNode question(ArrayNode questions, int order, String type, String text) {
        ObjectNode question = questions.addObject();
        question.put("id", newId());
        question.put("order", order);
        question.put("type", type);
        question.put("text", text);
        question.put("points", 1);
        return question;
    }

    /** Lower-case words joined by hyphens, as the format wants slugs; "new-course" when the name has none. */
    static String slugOf(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "new-course" : slug;
    }

    /** "sql-basics" reads "Sql basics": a title to replace, but one that says which folder it came from. */
    private static String titleOf(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static String resource(String name) {
        try (InputStream in = CourseTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the course-package module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the template's " + name, e);
        }
    }
}
