package edu.sevenp.desktop.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A course package folder packed into a {@code .zip} as the server reads one: every file under the folder by its path
 * relative to it, with {@code /} between names. Hidden files and folders ({@code .git}, {@code .DS_Store}) stay out:
 * an instructor's version control is no part of the course.
 */
final class PackageZip {

    private PackageZip() {
    }

    /** Writes the files of {@code folder} into {@code zip} (replaced when it exists); answers how many. */
    static int write(Path folder, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !hidden(folder.relativize(file)))
                    .sorted()
                    .toList();
        }
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream packed = new ZipOutputStream(out)) {
            // Media (most of a package's bytes) is compressed already: speed matters more than a few percent.
            packed.setLevel(Deflater.BEST_SPEED);
            for (Path file : files) {
                packed.putNextEntry(new ZipEntry(entryName(folder.relativize(file))));
                Files.copy(file, packed);
                packed.closeEntry();
            }
        }
        return files.size();
    }

    private static boolean hidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String entryName(Path relative) {
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            if (name.length() > 0) {
                name.append('/');
            }
            name.append(part);
        }
        return name.toString();
    }
}
