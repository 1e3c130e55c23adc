package edu.sevenp.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** What the package tests (DebPackageIT, RpmPackageIT) share: finding the built package, skipping, a clean folder. */
final class PackageFiles {

    private PackageFiles() {
    }

    /** The first file in {@code folder} named {@code prefix…suffix}; null when there is none (or no folder). */
    static Path find(Path folder, String prefix, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)
                    && file.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        }
    }

    /** Skips the test, saying why on the console as well as in the report (a skip should never go unnoticed). */
    static void require(String test, boolean condition, String reasonToSkip) {
        if (!condition) {
            System.out.println(test + " skipped: " + reasonToSkip);
        }
        Assumptions.assumeTrue(condition, reasonToSkip);
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
