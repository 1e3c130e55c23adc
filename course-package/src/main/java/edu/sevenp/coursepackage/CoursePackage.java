package edu.sevenp.coursepackage;

import edu.sevenp.coursepackage.ManifestModel.Manifest;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A course package that passed validation for its {@link PackagePurpose}: its manifest, the body of
 * every lesson, and access to the media and resource files it names, which were checked against their
 * size and SHA-256. Files stay readable until the package is closed (a zip is open until then). Read
 * for publishing, its manifest holds graded quizzes' answer keys: such a package stays on the server.
 */
public final class CoursePackage implements AutoCloseable {

    private final String source;
    private final PackagePurpose purpose;
    private final Manifest manifest;
    private final Map<UUID, LessonBody> lessonBodies;
    private final Path root;
    private final Set<String> files;
    private final Closeable container;

    /**
     * @param source where it was read from, for messages and the local package registry
     * @param root the package's top folder (inside a zip, a path of the zip's file system)
     * @param files the media and resource files the manifest names, as written there
     * @param container closed with the package: the zip, or nothing for a folder
     */
    CoursePackage(String source, PackagePurpose purpose, Manifest manifest, Map<UUID, LessonBody> lessonBodies, Path root,
            Set<String> files, Closeable container) {
        this.source = Objects.requireNonNull(source, "source");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.lessonBodies = Map.copyOf(lessonBodies);
        this.root = Objects.requireNonNull(root, "root");
        this.files = Set.copyOf(files);
        this.container = Objects.requireNonNull(container, "container");
    }

    public String source() {
        return source;
    }

    /** The rules it was checked by. */
    public PackagePurpose purpose() {
        return purpose;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** Lesson id to body. */
    public Map<UUID, LessonBody> lessonBodies() {
        return lessonBodies;
    }

    public LessonBody body(UUID lessonId) {
        LessonBody body = lessonBodies.get(lessonId);
        if (body == null) {
            throw new IllegalArgumentException("no lesson " + lessonId + " in package " + source);
        }
        return body;
    }

    public int lessonCount() {
        return lessonBodies.size();
    }

    /** The media and resource files the manifest names (their {@code file} fields), each once. */
    public Set<String> files() {
        return files;
    }

    /** A media or resource file the manifest names (its {@code file} field), to read while the package is open. */
    public Path file(String manifestPath) {
        if (!files.contains(manifestPath)) {
            throw new IllegalArgumentException("the package " + source + " names no file \"" + manifestPath + "\"");
        }
        return root.resolve(manifestPath);
    }

    @Override
    public void close() {
        try {
            container.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the course package " + source + ": " + e.getMessage(), e);
        }
    }
}
