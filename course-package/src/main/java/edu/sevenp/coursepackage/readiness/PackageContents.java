package edu.sevenp.coursepackage.readiness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.coursepackage.JsonLocations;
import edu.sevenp.coursepackage.PackageRoot;
import edu.sevenp.model.LessonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the warnings look at: the manifest as a JSON tree with the line of every field, each lesson with its body's
 * text, links and anchors, and the files in the package. Read defensively: a package with errors still gets its
 * warnings, and whatever the errors already cover (a field of the wrong type, a missing file) is simply skipped.
 */
final class PackageContents {

    /** Lesson bodies larger than the format allows (2 MiB) are an error already, and not read here. */
    private static final long MAX_BODY_BYTES = 2L << 20;

    private final Path root;
    private final JsonNode manifest;
    private final String manifestText;
    /** Indexed when an item first needs a line: a package with nothing to report never pays for it. */
    private JsonLocations locations;
    private final long manifestBytes;
    private final List<Lesson> lessons;
    private final Map<String, Lesson> lessonsByBody;
    private final List<String> files;

    private PackageContents(Path root, JsonNode manifest, String manifestText, long manifestBytes,
            List<Lesson> lessons, List<String> files) {
        this.root = root;
        this.manifest = manifest;
        this.manifestText = manifestText;
        this.manifestBytes = manifestBytes;
        this.lessons = List.copyOf(lessons);
        this.files = List.copyOf(files);
        Map<String, Lesson> byBody = new HashMap<>();
        lessons.forEach(lesson -> lesson.bodyPath().ifPresent(path -> byBody.putIfAbsent(path, lesson)));
        this.lessonsByBody = Map.copyOf(byBody);
    }

    /** The package under {@code root}; empty when its manifest cannot be read as a JSON object (an error says why). */
    static Optional<PackageContents> read(Path root, ObjectMapper mapper) throws IOException {
        Path manifestFile = root.resolve(PackageRoot.MANIFEST);
        if (!Files.isRegularFile(manifestFile) || Files.size(manifestFile) > (1L << 20)) {
            return Optional.empty();
        }
        String json = text(Files.readAllBytes(manifestFile));
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (tree == null || !tree.isObject()) {
            return Optional.empty();
        }
        List<Lesson> lessons = new ArrayList<>();
        JsonNode sections = tree.path("sections");
        for (int s = 0; s < sections.size(); s++) {
            JsonNode sectionLessons = sections.get(s).path("lessons");
            for (int l = 0; l < sectionLessons.size(); l++) {
                lessons.add(lesson(root, sectionLessons.get(l), "/sections/" + s + "/lessons/" + l));
            }
        }
        return Optional.of(new PackageContents(root, tree, json, Files.size(manifestFile), lessons, filesUnder(root)));
    }

    private static Lesson lesson(Path root, JsonNode node, String pointer) throws IOException {
        Optional<UUID> id = uuid(node.path("id"));
        Optional<String> bodyPath = Optional.of(node.path("body")).filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(path -> !path.isBlank());
        Optional<String> text = Optional.empty();
        if (bodyPath.isPresent()) {
            Optional<Path> file = file(root, bodyPath.get());
            if (file.isPresent() && Files.size(file.get()) <= MAX_BODY_BYTES) {
                text = Optional.of(text(Files.readAllBytes(file.get())));
            }
        }
        LessonFormat format = bodyPath.map(path -> path.toLowerCase(Locale.ROOT).endsWith(".html"))
                .orElse(false) ? LessonFormat.HTML : LessonFormat.MARKDOWN;
        BodyLinks links = text.map(body -> BodyLinks.of(body, format)).orElse(BodyLinks.NONE);
        return new Lesson(node, pointer, id, bodyPath, text, format, links);
    }

    /** A regular file in the package at {@code relative} (as the manifest writes it); empty when there is none. */
    static Optional<Path> file(Path root, String relative) {
        if (relative.startsWith("/") || relative.contains("\\")) {
            return Optional.empty();
        }
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root.normalize()) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    Optional<Path> file(String relative) {
        return file(root, relative);
    }

    /** The manifest as a tree, for the rules to walk. */
    JsonNode manifest() {
        return manifest;
    }

    long manifestBytes() {
        return manifestBytes;
    }

    List<Lesson> lessons() {
        return lessons;
    }

    /** The lesson whose body is the file {@code path}. */
    Optional<Lesson> lessonWithBody(String path) {
        return Optional.ofNullable(lessonsByBody.get(path));
    }

    /** The lesson at {@code sections[s].lessons[l]} (a JSON pointer to it or to any of its fields). */
    Optional<Lesson> lessonAt(String pointer) {
        return lessons.stream().filter(lesson -> pointer.equals(lesson.pointer()) || pointer.startsWith(lesson.pointer() + "/"))
                .findFirst();
    }

    /** Every regular file in the package, as package paths ({@code lessons/01.md}), in a stable order. */
    List<String> files() {
        return files;
    }

    /** Whether the package holds a regular file at {@code path}. */
    boolean hasFile(String path) {
        return file(path).isPresent();
    }

    /** The {@code file} of every media entry and every file resource (the course's and the lessons'), each once. */
    Set<String> namedFiles() {
        Set<String> named = new LinkedHashSet<>();
        mediaEntries().forEach(entry -> textOf(entry.node().path("file")).ifPresent(named::add));
        resourceEntries().forEach(entry -> textOf(entry.node().path("file")).ifPresent(named::add));
        return named;
    }

    /** The manifest's media entries with their pointers. */
    List<Entry> mediaEntries() {
        return entries(manifest.path("media"), "/media");
    }

    /** Every file or link resource, the course's first, then each lesson's. */
    List<Entry> resourceEntries() {
        List<Entry> resources = new ArrayList<>(entries(manifest.path("resources"), "/resources"));
        for (Lesson lesson : lessons) {
            resources.addAll(entries(lesson.node().path("resources"), lesson.pointer() + "/resources"));
        }
        return resources;
    }

    /** Every quiz, the course's first, then each lesson's. */
    List<Entry> quizzes() {
        List<Entry> quizzes = new ArrayList<>(entries(manifest.path("quizzes"), "/quizzes"));
        for (Lesson lesson : lessons) {
            quizzes.addAll(entries(lesson.node().path("quizzes"), lesson.pointer() + "/quizzes"));
        }
        return quizzes;
    }

    /** An item about the manifest field at {@code pointer}. */
    ReadinessItem item(Check check, String pointer, String message, Optional<UUID> lessonId) {
        return new ReadinessItem(check, PackageRoot.MANIFEST, lineOf(pointer), JsonLocations.fieldOf(pointer), message,
                lessonId);
    }

    private int lineOf(String pointer) {
        if (locations == null) {
            try {
                locations = JsonLocations.index(manifestText);
            } catch (IOException e) {
                throw new UncheckedIOException("The manifest, read once already, cannot be read again", e);
            }
        }
        return locations.lineOf(pointer);
    }

    /** The media entry with {@code id}. */
    Optional<Entry> media(UUID id) {
        return mediaEntries().stream().filter(entry -> uuid(entry.node().path("id")).filter(id::equals).isPresent())
                .findFirst();
    }

    static Optional<String> textOf(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    static Optional<UUID> uuid(JsonNode node) {
        try {
            return textOf(node).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a UUID: an error of the manifest already
        }
    }

    private static List<Entry> entries(JsonNode list, String pointer) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isObject()) {
                entries.add(new Entry(list.get(i), pointer + "/" + i));
            }
        }
        return entries;
    }

    private static List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(file -> packagePath(root, file)).sorted().toList();
        }
    }

    private static String packagePath(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    /** Text as an author's editor wrote it; a body that is not UTF-8 is an error of its own, not a reason to stop. */
    private static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** An object of the manifest and its JSON pointer. */
    record Entry(JsonNode node, String pointer) {
    }

    /**
     * A lesson of the manifest.
     *
     * @param pointer its JSON pointer, {@code /sections/0/lessons/2}
     * @param bodyText its body file's text, when the file is in the package
     */
    record Lesson(JsonNode node, String pointer, Optional<UUID> id, Optional<String> bodyPath, Optional<String> bodyText,
            LessonFormat format, BodyLinks links) {
    }
}
