package edu.sevenp.desktop.coursepackage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.coursepackage.ManifestModel.Manifest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ProviderNotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipException;

/**
 * Reads a course package from a folder or a {@code .zip} file and validates all of it: the manifest
 * and every file it names. A package with any problem is rejected as a whole, with every problem
 * listed ({@link InvalidPackageException}); nothing is half-read.
 */
public final class CoursePackageReader {

    static final long MAX_MANIFEST_BYTES = 1L << 20;
    static final long MAX_BODY_BYTES = 2L << 20;

    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final ObjectMapper mapper;

    /** @param mapper a strict mapper ({@code JsonMapperFactory.createStrict()}) */
    public CoursePackageReader(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    public CoursePackage read(Path location) throws InvalidPackageException, IOException {
        String source = location.toString();
        if (Files.isDirectory(location)) {
            return readRoot(location, source);
        }
        if (!Files.isRegularFile(location)) {
            throw new InvalidPackageException(source, List.of(new PackageProblem(location.getFileName().toString(), "", 0,
                    "does not exist; a course package is a folder or a .zip file")));
        }
        FileSystem zip;
        try {
            zip = FileSystems.newFileSystem(location);
        } catch (ZipException | ProviderNotFoundException e) {
            throw new InvalidPackageException(source, List.of(new PackageProblem(location.getFileName().toString(), "", 0,
                    "is not a readable .zip file (" + e.getMessage() + ")")));
        }
        try (zip) {
            return readRoot(packageRootInZip(zip.getPath("/")), source);
        }
    }

    /** A zip made by compressing a folder holds that folder: accept the manifest one level down. */
    private static Path packageRootInZip(Path zipRoot) throws IOException {
        if (Files.exists(zipRoot.resolve(ManifestValidator.MANIFEST))) {
            return zipRoot;
        }
        try (Stream<Path> children = Files.list(zipRoot)) {
            List<Path> folders = children.filter(Files::isDirectory).toList();
            if (folders.size() == 1 && Files.exists(folders.get(0).resolve(ManifestValidator.MANIFEST))) {
                return folders.get(0);
            }
        }
        return zipRoot;
    }

    private CoursePackage readRoot(Path root, String source) throws InvalidPackageException, IOException {
        Path manifestFile = root.resolve(ManifestValidator.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new InvalidPackageException(source, List.of(new PackageProblem(ManifestValidator.MANIFEST, "", 0,
                    "is missing; a course package needs a manifest.json at its top level")));
        }
        if (Files.size(manifestFile) > MAX_MANIFEST_BYTES) {
            throw new InvalidPackageException(source, List.of(new PackageProblem(ManifestValidator.MANIFEST, "", 0,
                    "is larger than " + MAX_MANIFEST_BYTES + " bytes")));
        }
        String json;
        try {
            json = decodeUtf8(Files.readAllBytes(manifestFile));
        } catch (CharacterCodingException e) {
            throw new InvalidPackageException(source, List.of(new PackageProblem(ManifestValidator.MANIFEST, "", 0,
                    "is not valid UTF-8 text")));
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidPackageException(source, List.of(new PackageProblem(ManifestValidator.MANIFEST, "", line,
                    "is not valid JSON: " + e.getOriginalMessage())));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidPackageException(source, List.of(new PackageProblem(ManifestValidator.MANIFEST, "", 0,
                    "is empty")));
        }
        JsonLocations locations = JsonLocations.index(json);
        List<PackageProblem> problems = new ArrayList<>(ManifestValidator.validate(tree, locations));
        Map<UUID, String> bodies = readBodies(root, tree, locations, problems);
        if (!problems.isEmpty()) {
            throw new InvalidPackageException(source, problems);
        }
        Manifest manifest = mapper.treeToValue(tree, Manifest.class);
        return new CoursePackage(source, manifest, bodies);
    }

    /** Reads each lesson body the manifest names, checking that it stays inside the package. */
    private static Map<UUID, String> readBodies(Path root, JsonNode tree, JsonLocations locations,
            List<PackageProblem> problems) throws IOException {
        Map<UUID, String> bodies = new HashMap<>();
        JsonNode sections = tree.path("sections");
        for (int s = 0; s < sections.size(); s++) {
            JsonNode lessons = sections.get(s).path("lessons");
            for (int l = 0; l < lessons.size(); l++) {
                JsonNode lesson = lessons.get(l);
                JsonNode body = lesson.path("body");
                if (!body.isTextual() || body.asText().isBlank()) {
                    continue; // already reported by the manifest validator
                }
                String pointer = "/sections/" + s + "/lessons/" + l + "/body";
                readBody(root, body.asText(), pointer, locations, problems).ifPresent(text -> {
                    String id = lesson.path("id").asText("");
                    if (ManifestValidator.isUuid(id)) {
                        bodies.put(UUID.fromString(id), text);
                    }
                });
            }
        }
        return bodies;
    }

    private static Optional<String> readBody(Path root, String relative, String pointer, JsonLocations locations,
            List<PackageProblem> problems) throws IOException {
        String field = ManifestValidator.field(pointer);
        int line = locations.lineOf(pointer);
        Consumer<String> report = message ->
                problems.add(new PackageProblem(ManifestValidator.MANIFEST, field, line, message));
        if (relative.contains("\\")) {
            report.accept("must use forward slashes (/), was \"" + relative + "\"");
            return Optional.empty();
        }
        if (relative.startsWith("/") || WINDOWS_DRIVE.matcher(relative).matches()) {
            report.accept("must be a path relative to the package folder, was the absolute path \"" + relative + "\"");
            return Optional.empty();
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root.normalize())) {
            report.accept("points outside the package (\"" + relative + "\"); files must be inside the package folder");
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            report.accept("names \"" + relative + "\", which is not a file in the package");
            return Optional.empty();
        }
        if (root.getFileSystem() == FileSystems.getDefault() && !file.toRealPath().startsWith(root.toRealPath())) {
            report.accept("names \"" + relative + "\", a link that leads outside the package");
            return Optional.empty();
        }
        if (Files.size(file) > MAX_BODY_BYTES) {
            report.accept("names \"" + relative + "\", which is larger than " + MAX_BODY_BYTES + " bytes");
            return Optional.empty();
        }
        try {
            return Optional.of(decodeUtf8(Files.readAllBytes(file)));
        } catch (CharacterCodingException e) {
            problems.add(new PackageProblem(relative, "", 0, "is not valid UTF-8 text"));
            return Optional.empty();
        }
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
