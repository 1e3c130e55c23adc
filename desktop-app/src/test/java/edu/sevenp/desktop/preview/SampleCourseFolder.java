package edu.sevenp.desktop.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** A copy of the bundled sample course's package folder, for an author to edit as a preview shows it. */
public final class SampleCourseFolder {

    /** The sample's package in the app's resources (BundledCourse). */
    private static final String SAMPLE = "/edu/sevenp/desktop/sample/intro-to-relational-databases/manifest.json";
    /** The first lesson's file and a sentence in it. */
    public static final String FIRST_LESSON_FILE = "lessons/01-why-databases.md";
    public static final String FIRST_LESSON_TEXT = "Almost every application you use";
    /** The second lesson's title in the manifest, on a line of its own. */
    public static final String SECOND_TITLE_LINE = "\"title\": \"Tables, Rows and Columns\",";

    private final Path folder;

    private SampleCourseFolder(Path folder) {
        this.folder = folder;
    }

    /** Copies the sample into {@code folder} (made when missing). */
    public static SampleCourseFolder copyTo(Path folder) {
        URL manifest = SampleCourseFolder.class.getResource(SAMPLE);
        try {
            URI uri = manifest.toURI();
            if ("jar".equals(uri.getScheme())) {
                // The integration tests run on the packaged jar: the sample is read from inside it.
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copy(jar.provider().getPath(uri).getParent(), folder);
                }
            } else {
                copy(Path.of(uri).getParent(), folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new SampleCourseFolder(folder);
    }

    private static void copy(Path source, Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = folder.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    public Path folder() {
        return folder;
    }

    /** Replaces {@code old} with {@code replacement} in {@code file}, as an editor's save does. */
    public void edit(String file, String old, String replacement) {
        Path path = folder.resolve(file);
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            if (!text.contains(old)) {
                throw new IllegalStateException(file + " has no \"" + old + "\"");
            }
            Files.writeString(path, text.replace(old, replacement), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line {@code text} is on in {@code file}, from 1. */
    public int lineOf(String file, String text) {
        try {
            var lines = Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(file + " has no \"" + text + "\"");
    }
}
