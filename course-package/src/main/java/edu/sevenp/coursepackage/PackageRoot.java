package edu.sevenp.coursepackage;

import edu.sevenp.coursepackage.problem.ProblemCode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ProviderNotFoundException;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipException;

/**
 * The top folder of a course package: the folder itself, or the root of its {@code .zip} (or the one folder a zip
 * made by compressing a folder holds). A zip stays open until this is closed; a folder needs no closing.
 */
public final class PackageRoot implements Closeable {

    /** The manifest's name, at the top of every package. */
    public static final String MANIFEST = ManifestValidator.MANIFEST;

    private final Path root;
    private final Closeable container;

    private PackageRoot(Path root, Closeable container) {
        this.root = root;
        this.container = container;
    }

    /** Opens the folder or zip at {@code location}; refused when it is neither. */
    public static PackageRoot open(Path location) throws InvalidPackageException, IOException {
        String source = location.toString();
        if (Files.isDirectory(location)) {
            return new PackageRoot(location, () -> { });
        }
        if (!Files.isRegularFile(location)) {
            throw new InvalidPackageException(source, List.of(PackageProblem.of(location.getFileName().toString(), "", 0,
                    ProblemCode.PACKAGE_MISSING)));
        }
        FileSystem zip;
        try {
            zip = FileSystems.newFileSystem(location);
        } catch (ZipException | ProviderNotFoundException e) {
            throw new InvalidPackageException(source, List.of(PackageProblem.of(location.getFileName().toString(), "", 0,
                    ProblemCode.NOT_A_ZIP)), e);
        }
        try {
            return new PackageRoot(packageRootInZip(zip.getPath("/")), zip);
        } catch (IOException | RuntimeException e) {
            try {
                zip.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The package's top folder (inside a zip, a path of the zip's file system). */
    public Path root() {
        return root;
    }

    /** A zip made by compressing a folder holds that folder: accept the manifest one level down. */
    private static Path packageRootInZip(Path zipRoot) throws IOException {
        if (Files.exists(zipRoot.resolve(MANIFEST))) {
            return zipRoot;
        }
        try (Stream<Path> children = Files.list(zipRoot)) {
            List<Path> folders = children.filter(Files::isDirectory).toList();
            if (folders.size() == 1 && Files.exists(folders.get(0).resolve(MANIFEST))) {
                return folders.get(0);
            }
        }
        return zipRoot;
    }

    @Override
    public void close() throws IOException {
        container.close();
    }
}
