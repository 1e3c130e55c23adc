package edu.sevenp.desktop.coursepackage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds small course packages for tests: a valid manifest as a mutable JSON tree (break it on
 * purpose with {@link #manifest()}) plus lesson files, written to a folder.
 */
public final class PackageFixture {

    private static final ObjectMapper JSON = JsonMapperFactory.create();

    private final ObjectNode manifest = JSON.createObjectNode();
    private final Map<String, String> files = new LinkedHashMap<>();

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
        files.put(body, markdown);
        return lesson;
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

    /** Replaces or adds a file (null content removes it). */
    public PackageFixture file(String path, String content) {
        if (content == null) {
            files.remove(path);
        } else {
            files.put(path, content);
        }
        return this;
    }

    public Path writeTo(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("manifest.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = folder.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CoursePackage read(Path folder) {
        try {
            return new CoursePackageReader(JsonMapperFactory.createStrict()).read(writeTo(folder));
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
