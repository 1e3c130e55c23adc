package edu.sevenp.coursepackage.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.InvalidPackageException;
import edu.sevenp.coursepackage.ManifestModel;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds small course packages for tests: a valid manifest as a mutable JSON tree (break it on
 * purpose with {@link #manifest()}) plus lesson, media and resource files, written to a folder. Media
 * and resource entries carry the real size and SHA-256 of the bytes they are given.
 */
public final class PackageFixture {

    private static final ObjectMapper JSON = JsonMapperFactory.create();

    private final ObjectNode manifest = JSON.createObjectNode();
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private PackageFixture(String title, String slug, String version) {
        manifest.put("format", ManifestModel.FORMAT);
        manifest.put("formatVersion", ManifestModel.FORMAT_VERSION);
        ObjectNode course = manifest.putObject("course");
        course.put("id", UUID.randomUUID().toString());
        course.put("slug", slug);
        course.put("title", title);
        course.put("shortDescription", "A course for tests.");
        course.put("description", "Longer text about " + title + ".");
        course.put("difficulty", "beginner");
        course.put("language", "en");
        course.put("version", version);
        ObjectNode instructor = course.putObject("instructor");
        instructor.put("id", UUID.randomUUID().toString());
        instructor.put("name", "Test Instructor");
        course.putArray("learningObjectives").add("Learn things");
        manifest.putArray("sections");
    }

    /** A course with {@code sections} sections of {@code lessonsPerSection} text lessons each. */
    public static PackageFixture course(String title, int sections, int lessonsPerSection) {
        PackageFixture fixture = new PackageFixture(title, slugOf(title), "1.0.0");
        for (int s = 1; s <= sections; s++) {
            ObjectNode section = fixture.addSection("Section " + s);
            for (int l = 1; l <= lessonsPerSection; l++) {
                fixture.addLesson(section, "Lesson " + s + "." + l, "# Lesson " + s + "." + l + "\n\nBody of lesson " + s + "." + l + ".\n");
            }
        }
        return fixture;
    }

    public ObjectNode addSection(String title) {
        ArrayNode sections = (ArrayNode) manifest.get("sections");
        ObjectNode section = sections.addObject();
        section.put("id", UUID.randomUUID().toString());
        section.put("order", sections.size());
        section.put("title", title);
        section.put("description", "About " + title);
        section.putArray("lessons");
        return section;
    }

    public ObjectNode addLesson(ObjectNode section, String title, String markdown) {
        ArrayNode lessons = (ArrayNode) section.get("lessons");
        ObjectNode lesson = lessons.addObject();
        String slug = slugOf(title);
        String body = "lessons/" + slug + ".md";
        lesson.put("id", UUID.randomUUID().toString());
        lesson.put("order", lessons.size());
        lesson.put("slug", slug);
        lesson.put("title", title);
        lesson.put("contentType", "text");
        lesson.put("body", body);
        lesson.put("readingTimeMinutes", 3);
        lesson.put("preview", false);
        files.put(body, markdown.getBytes(StandardCharsets.UTF_8));
        return lesson;
    }

    /** A media entry for {@code content}, stored at {@code path}; returns the entry (its "id" is the media id). */
    public ObjectNode addMedia(String path, byte[] content, String mimeType) {
        ArrayNode media = manifest.has("media") ? (ArrayNode) manifest.get("media") : manifest.putArray("media");
        ObjectNode entry = media.addObject();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("file", path);
        entry.put("sha256", sha256(content));
        entry.put("size", content.length);
        entry.put("mimeType", mimeType);
        files.put(path, content.clone());
        return entry;
    }

    /** Makes {@code lesson} a video lesson playing {@code media}. */
    public PackageFixture video(ObjectNode lesson, ObjectNode media) {
        lesson.put("contentType", "video");
        lesson.put("video", media.get("id").asText());
        return this;
    }

    /**
     * Gives {@code lesson}'s video captions in {@code language}: a WebVTT media entry for {@code vtt} at {@code path};
     * returns the media entry.
     */
    public ObjectNode addCaptions(ObjectNode lesson, String path, String vtt, String language, String label) {
        ObjectNode media = addMedia(path, vtt.getBytes(StandardCharsets.UTF_8), "text/vtt");
        ArrayNode captions = lesson.has("captions") ? (ArrayNode) lesson.get("captions") : lesson.putArray("captions");
        ObjectNode track = captions.addObject();
        track.put("media", media.get("id").asText());
        track.put("language", language);
        if (label != null) {
            track.put("label", label);
        }
        return media;
    }

    /** A file resource of the course ({@code owner} null) or of a lesson. */
    public ObjectNode addResourceFile(ObjectNode owner, String title, String path, byte[] content, String mimeType) {
        ObjectNode resource = resources(owner).addObject();
        resource.put("id", UUID.randomUUID().toString());
        resource.put("title", title);
        resource.put("description", "About " + title);
        resource.put("file", path);
        resource.put("sha256", sha256(content));
        resource.put("size", content.length);
        resource.put("mimeType", mimeType);
        files.put(path, content.clone());
        return resource;
    }

    /** A web link resource of the course ({@code owner} null) or of a lesson. */
    public ObjectNode addResourceLink(ObjectNode owner, String title, String url) {
        ObjectNode resource = resources(owner).addObject();
        resource.put("id", UUID.randomUUID().toString());
        resource.put("title", title);
        resource.put("url", url);
        return resource;
    }

    /** An empty quiz of the course ({@code owner} null) or of a lesson; add questions with the add...Question methods. */
    public ObjectNode addQuiz(ObjectNode owner, String title, String mode) {
        ObjectNode container = owner == null ? manifest : owner;
        ArrayNode quizzes = container.has("quizzes") ? (ArrayNode) container.get("quizzes") : container.putArray("quizzes");
        ObjectNode quiz = quizzes.addObject();
        quiz.put("id", UUID.randomUUID().toString());
        quiz.put("title", title);
        quiz.put("description", "Questions about " + title);
        quiz.put("instructions", "Answer every question.");
        quiz.put("mode", mode);
        quiz.put("passingScore", 70);
        quiz.putArray("questions");
        return quiz;
    }

    /** A multiple-choice question; a practice quiz also gets the answer (the first option) and an explanation. */
    public ObjectNode addChoiceQuestion(ObjectNode quiz, String text, String... options) {
        ObjectNode question = addQuestion(quiz, "multiple_choice", text);
        ArrayNode choices = question.putArray("options");
        for (String option : options) {
            choices.add(option);
        }
        if (isPractice(quiz)) {
            question.put("answer", options[0]);
            question.put("explanation", "Because " + options[0] + ".");
        }
        return question;
    }

    /** A true/false question; a practice quiz also gets the answer {@code true}. */
    public ObjectNode addTrueFalseQuestion(ObjectNode quiz, String text) {
        ObjectNode question = addQuestion(quiz, "true_false", text);
        if (isPractice(quiz)) {
            question.put("answer", true);
        }
        return question;
    }

    /** A short-answer question; a practice quiz also gets the accepted answers. */
    public ObjectNode addShortAnswerQuestion(ObjectNode quiz, String text, String... accepted) {
        ObjectNode question = addQuestion(quiz, "short_answer", text);
        if (isPractice(quiz)) {
            ArrayNode answers = question.putArray("answer");
            for (String answer : accepted) {
                answers.add(answer);
            }
        }
        return question;
    }

    /** An essay question: never graded from a key, so it has no answer in either mode. */
    public ObjectNode addEssayQuestion(ObjectNode quiz, String text) {
        return addQuestion(quiz, "essay", text);
    }

    private ObjectNode addQuestion(ObjectNode quiz, String type, String text) {
        ArrayNode questions = (ArrayNode) quiz.get("questions");
        ObjectNode question = questions.addObject();
        question.put("id", UUID.randomUUID().toString());
        question.put("order", questions.size());
        question.put("type", type);
        question.put("text", text);
        question.put("points", 1);
        return question;
    }

    private static boolean isPractice(ObjectNode quiz) {
        return "practice".equals(quiz.path("mode").asText());
    }

    private ArrayNode resources(ObjectNode owner) {
        ObjectNode container = owner == null ? manifest : owner;
        return container.has("resources") ? (ArrayNode) container.get("resources") : container.putArray("resources");
    }

    /** The manifest as {@link #writeTo} writes it: pretty-printed, one field a line. */
    public String manifestText() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manifest as a tree, to change before {@link #writeTo}. */
    public ObjectNode manifest() {
        return manifest;
    }

    public ObjectNode course() {
        return (ObjectNode) manifest.get("course");
    }

    public ObjectNode section(int index) {
        return (ObjectNode) manifest.get("sections").get(index);
    }

    public ObjectNode lesson(int section, int index) {
        return (ObjectNode) section(section).get("lessons").get(index);
    }

    public PackageFixture version(String version) {
        course().put("version", version);
        return this;
    }

    /** Replaces or adds a text file; manifest hashes are not updated. */
    public PackageFixture file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces or adds a file; manifest hashes are not updated. */
    public PackageFixture file(String path, byte[] content) {
        files.put(path, content.clone());
        return this;
    }

    /** Leaves a file the manifest may name out of the package. */
    public PackageFixture removeFile(String path) {
        files.remove(path);
        return this;
    }

    /** The lower-case hexadecimal SHA-256 of {@code content}, computed here independently of the code under test. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path writeTo(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("manifest.json"), manifestText());
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = folder.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the package to {@code folder} and reads it back for import; a folder package needs no closing. */
    public CoursePackage read(Path folder) {
        return read(folder, PackagePurpose.IMPORT);
    }

    /** Writes the package to {@code folder} and reads it back for {@code purpose}; a folder package needs no closing. */
    public CoursePackage read(Path folder, PackagePurpose purpose) {
        try {
            return new CoursePackageReader(JsonMapperFactory.createStrict()).read(writeTo(folder), purpose);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidPackageException e) {
            throw new AssertionError("fixture package is invalid: " + e.getMessage(), e);
        }
    }

    private static String slugOf(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
