package edu.sevenp.coursepackage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.coursepackage.ManifestModel.Manifest;
import edu.sevenp.coursepackage.captions.WebVtt;
import edu.sevenp.coursepackage.html.SafeHtml;
import edu.sevenp.coursepackage.problem.ProblemCode;
import edu.sevenp.model.LessonFormat;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a course package from a folder or a {@code .zip} file and validates all of it: the manifest
 * and every file it names (lesson bodies read, media and resource files checked against their size
 * and SHA-256). A package with any problem is rejected as a whole, with every problem listed
 * ({@link InvalidPackageException}); nothing is half-read. The package returned must be closed.
 * The player and the server read packages here alike, each for its {@link PackagePurpose}.
 */
public final class CoursePackageReader {

    static final long MAX_MANIFEST_BYTES = 1L << 20;
    static final long MAX_BODY_BYTES = 2L << 20;
    /** The largest caption file: hours of speech take far less. */
    static final long MAX_CAPTIONS_BYTES = 5L << 20;

    private final ObjectMapper mapper;

    /** @param mapper a strict mapper ({@code JsonMapperFactory.createStrict()}) */
    public CoursePackageReader(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Reads and checks the package at {@code location} for a player to import ({@link PackagePurpose#IMPORT});
     * close the result when its files are no longer needed.
     */
    public CoursePackage read(Path location) throws InvalidPackageException, IOException {
        return read(location, PackagePurpose.IMPORT);
    }

    /**
     * Reads and checks the package at {@code location} by the rules of {@code purpose}; close the result when
     * its files are no longer needed.
     */
    public CoursePackage read(Path location, PackagePurpose purpose) throws InvalidPackageException, IOException {
        Objects.requireNonNull(purpose, "purpose");
        PackageRoot packageRoot = PackageRoot.open(location);
        try {
            return readRoot(packageRoot.root(), location.toString(), purpose, packageRoot);
        } catch (InvalidPackageException | IOException | RuntimeException e) {
            closeAfterFailure(packageRoot, e);
            throw e;
        }
    }

    /**
     * The manifest's headline, read but not checked, for a package known to be valid (the bundled sample,
     * checked by its tests and by {@link #read} whenever it is imported). Read from the JSON tree: mapping
     * the whole manifest costs about 100 ms more in a new JVM.
     */
    public ManifestModel.Headline readHeadlineUnchecked(InputStream manifest) throws IOException {
        JsonNode tree = mapper.readTree(manifest);
        JsonNode course = tree.path("course");
        int lessons = 0;
        for (JsonNode section : tree.path("sections")) {
            lessons += section.path("lessons").size();
        }
        return new ManifestModel.Headline(UUID.fromString(course.path("id").asText()), course.path("title").asText(),
                course.path("version").asText(), tree.path("sections").size(), lessons);
    }

    private static void closeAfterFailure(Closeable container, Exception failure) {
        try {
            container.close();
        } catch (IOException closing) {
            failure.addSuppressed(closing);
        }
    }

    /**
     * Every problem {@link #read(Path, PackagePurpose)} would refuse the package for, without reading it into a
     * {@link CoursePackage}: empty when it would be accepted. The readiness report's errors come from here. It skips
     * only the mapping of the checked manifest into records, which the checks leave nothing to fail on, and which
     * costs about 200 ms in a new JVM.
     */
    public List<PackageProblem> problems(Path location, PackagePurpose purpose) throws IOException {
        Objects.requireNonNull(purpose, "purpose");
        try (PackageRoot packageRoot = PackageRoot.open(location)) {
            return check(packageRoot.root(), location.toString(), purpose).problems();
        } catch (InvalidPackageException e) {
            return e.problems();
        }
    }

    private CoursePackage readRoot(Path root, String source, PackagePurpose purpose, Closeable container)
            throws InvalidPackageException, IOException {
        Checked checked = check(root, source, purpose);
        if (!checked.problems().isEmpty()) {
            throw new InvalidPackageException(source, checked.problems());
        }
        Manifest manifest = mapper.treeToValue(checked.tree(), Manifest.class);
        return new CoursePackage(source, purpose, manifest, checked.bodies(), root, checked.files(), container);
    }

    /** What checking a package found: its problems, and for a package without any, what it is read into. */
    private record Checked(JsonNode tree, Map<UUID, LessonBody> bodies, Set<String> files, List<PackageProblem> problems) {
    }

    /** Checks all of a package; a problem that stops the check early (no manifest, not JSON) is thrown. */
    private Checked check(Path root, String source, PackagePurpose purpose) throws InvalidPackageException, IOException {
        Path manifestFile = root.resolve(ManifestValidator.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new InvalidPackageException(source, List.of(PackageProblem.of(ManifestValidator.MANIFEST, "", 0,
                    ProblemCode.MANIFEST_MISSING)));
        }
        if (Files.size(manifestFile) > MAX_MANIFEST_BYTES) {
            throw new InvalidPackageException(source, List.of(PackageProblem.of(ManifestValidator.MANIFEST, "", 0,
                    ProblemCode.FILE_TOO_LARGE, MAX_MANIFEST_BYTES)));
        }
        String json;
        try {
            json = decodeUtf8(Files.readAllBytes(manifestFile));
        } catch (CharacterCodingException e) {
            throw new InvalidPackageException(source, List.of(PackageProblem.of(ManifestValidator.MANIFEST, "", 0,
                    ProblemCode.NOT_UTF8)));
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidPackageException(source, List.of(PackageProblem.of(ManifestValidator.MANIFEST, "", line,
                    ProblemCode.NOT_JSON, e.getOriginalMessage())));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidPackageException(source, List.of(PackageProblem.of(ManifestValidator.MANIFEST, "", 0,
                    ProblemCode.EMPTY)));
        }
        JsonLocations locations = JsonLocations.index(json);
        List<PackageProblem> problems = new ArrayList<>(ManifestValidator.validate(tree, locations, purpose));
        PackageFiles files = new PackageFiles(root, locations, problems);
        Map<UUID, LessonBody> bodies = readBodies(files, tree, ManifestValidator.formatVersionOf(tree));
        checkMediaAndResources(files, tree);
        checkCaptionFiles(files, tree, problems);
        return new Checked(tree, bodies, files.checked(), List.copyOf(problems));
    }

    /** Reads each lesson body the manifest names, checking that it stays inside the package. */
    private static Map<UUID, LessonBody> readBodies(PackageFiles files, JsonNode tree, int formatVersion)
            throws IOException {
        Map<UUID, LessonBody> bodies = new HashMap<>();
        JsonNode sections = tree.path("sections");
        for (int s = 0; s < sections.size(); s++) {
            JsonNode lessons = sections.get(s).path("lessons");
            for (int l = 0; l < lessons.size(); l++) {
                JsonNode lesson = lessons.get(l);
                JsonNode body = lesson.path("body");
                if (!body.isTextual() || body.asText().isBlank()) {
                    continue; // already reported by the manifest validator
                }
                // Format 1 knew Markdown only, whatever the file was called.
                Optional<LessonFormat> format = formatVersion < ManifestModel.MEDIA_AND_QUIZZES_VERSION
                        ? Optional.of(LessonFormat.MARKDOWN) : LessonBody.formatOf(body.asText());
                if (format.isEmpty()) {
                    continue; // reported by the manifest validator
                }
                String pointer = "/sections/" + s + "/lessons/" + l + "/body";
                files.readText(body.asText(), pointer, MAX_BODY_BYTES).ifPresent(text -> {
                    String id = lesson.path("id").asText("");
                    if (JsonFields.isUuid(id)) {
                        bodies.put(UUID.fromString(id), format.get() == LessonFormat.HTML
                                ? new LessonBody(SafeHtml.clean(text), LessonFormat.HTML)
                                : new LessonBody(text, LessonFormat.MARKDOWN));
                    }
                });
            }
        }
        return bodies;
    }

    /** Every media file and every resource file: inside the package, of the size and SHA-256 the manifest gives. */
    private static void checkMediaAndResources(PackageFiles files, JsonNode tree) throws IOException {
        JsonNode media = tree.path("media");
        for (int i = 0; i < media.size(); i++) {
            files.checkHashed(media.get(i), "/media/" + i);
        }
        checkResourceFiles(files, tree.path("resources"), "/resources");
        JsonNode sections = tree.path("sections");
        for (int s = 0; s < sections.size(); s++) {
            JsonNode lessons = sections.get(s).path("lessons");
            for (int l = 0; l < lessons.size(); l++) {
                String at = "/sections/" + s + "/lessons/" + l + "/resources";
                checkResourceFiles(files, lessons.get(l).path("resources"), at);
            }
        }
    }

    /** Every WebVTT media file that passed its checks must read as WebVTT: each problem is reported on its line. */
    private static void checkCaptionFiles(PackageFiles files, JsonNode tree, List<PackageProblem> problems)
            throws IOException {
        JsonNode media = tree.path("media");
        Set<String> checked = files.checked();
        for (int i = 0; i < media.size(); i++) {
            JsonNode entry = media.get(i);
            String file = entry.path("file").asText("");
            if (!CourseRules.CAPTIONS_MIME_TYPE.equals(entry.path("mimeType").asText()) || !checked.contains(file)) {
                continue;
            }
            files.readText(file, "/media/" + i + "/file", MAX_CAPTIONS_BYTES).ifPresent(text -> WebVtt.parse(text).problems()
                    .forEach(problem -> problems.add(new PackageProblem(file, "", problem.line(),
                            problem.code(), problem.arguments()))));
        }
    }

    private static void checkResourceFiles(PackageFiles files, JsonNode resources, String at) throws IOException {
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).path("file").isTextual()) {
                files.checkHashed(resources.get(i), at + "/" + i);
            }
        }
    }

    static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
