package edu.sevenp.coursepackage;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.coursepackage.problem.ProblemCode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files of one package as its manifest names them: each path must be relative, with forward
 * slashes, and lead to a regular file inside the package (not out of it with {@code ../}, nor by a
 * link). Problems go to the shared list, located at the manifest field that names the file.
 */
final class PackageFiles {

    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final Path root;
    private final JsonLocations locations;
    private final List<PackageProblem> problems;
    /** Path as written in the manifest to its SHA-256, so a file named twice is read once. */
    private final Map<String, String> hashes = new HashMap<>();
    private final Set<String> checked = new HashSet<>();

    PackageFiles(Path root, JsonLocations locations, List<PackageProblem> problems) {
        this.root = root;
        this.locations = locations;
        this.problems = problems;
    }

    /** The media and resource files that passed every check, as the manifest writes them. */
    Set<String> checked() {
        return Set.copyOf(checked);
    }

    /** Reads a UTF-8 text file of at most {@code maxBytes} (a lesson body). */
    Optional<String> readText(String relative, String pointer, long maxBytes) throws IOException {
        Optional<Path> file = resolve(relative, pointer);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        if (Files.size(file.get()) > maxBytes) {
            report(pointer, ProblemCode.NAMED_FILE_TOO_LARGE, relative, maxBytes);
            return Optional.empty();
        }
        try {
            return Optional.of(CoursePackageReader.decodeUtf8(Files.readAllBytes(file.get())));
        } catch (CharacterCodingException e) {
            problems.add(PackageProblem.of(relative, "", 0, ProblemCode.NOT_UTF8));
            return Optional.empty();
        }
    }

    /**
     * Checks the file of a media or resource entry at {@code at} against the entry's {@code size} and
     * {@code sha256}. Fields the manifest validator already found wrong are not compared.
     */
    void checkHashed(JsonNode entry, String at) throws IOException {
        JsonNode fileField = entry.path("file");
        if (!fileField.isTextual() || fileField.asText().isBlank()) {
            return;
        }
        String relative = fileField.asText();
        Optional<Path> file = resolve(relative, at + "/file");
        if (file.isEmpty()) {
            return;
        }
        JsonNode size = entry.path("size");
        JsonNode sha256 = entry.path("sha256");
        if (!size.isIntegralNumber() || !sha256.isTextual() || !ContentHash.isSha256(sha256.asText())) {
            return;
        }
        long actualSize = Files.size(file.get());
        if (actualSize != size.longValue()) {
            report(at + "/size", ProblemCode.WRONG_SIZE, relative, actualSize, size.longValue());
            return;
        }
        String actual = hashes.get(relative);
        if (actual == null) {
            actual = ContentHash.sha256(file.get());
            hashes.put(relative, actual);
        }
        if (!actual.equals(sha256.asText())) {
            report(at + "/sha256", ProblemCode.WRONG_SHA256, relative, actual, sha256.asText());
            return;
        }
        checked.add(relative);
    }

    private Optional<Path> resolve(String relative, String pointer) throws IOException {
        if (relative.startsWith("/") || relative.startsWith("\\") || WINDOWS_DRIVE.matcher(relative).matches()) {
            report(pointer, ProblemCode.ABSOLUTE_PATH, relative);
            return Optional.empty();
        }
        if (relative.contains("\\")) {
            report(pointer, ProblemCode.BACKSLASH_PATH, relative);
            return Optional.empty();
        }
        Path file = root.resolve(relative).normalize();
        if (climbsOut(relative) || !file.startsWith(root.normalize())) {
            report(pointer, ProblemCode.PATH_OUTSIDE, relative);
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            report(pointer, ProblemCode.NOT_A_FILE, relative);
            return Optional.empty();
        }
        if (root.getFileSystem() == FileSystems.getDefault() && !file.toRealPath().startsWith(root.toRealPath())) {
            report(pointer, ProblemCode.LINK_OUTSIDE, relative);
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** Whether {@code ../} segments climb above the package folder, judged on the text (a zip's root has no parent). */
    private static boolean climbsOut(String relative) {
        int depth = 0;
        for (String segment : relative.split("/")) {
            if (segment.equals("..")) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    private void report(String pointer, ProblemCode code, Object... arguments) {
        problems.add(PackageProblem.of(ManifestValidator.MANIFEST, ManifestProblems.field(pointer),
                locations.lineOf(pointer), code, arguments));
    }
}
