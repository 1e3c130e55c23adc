package edu.sevenp.migrations.schema.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops/archive-wal.sh, the archive_command for point-in-time recovery: durable, and never overwrites. */
class ArchiveWalScriptTest {

    private static final String SEGMENT = "000000010000000000000003";

    @TempDir
    Path directory;

    @Test
    void archivesTheFileUnderItsNameAndLeavesNothingElse() throws Exception {
        Path wal = wal("segment contents");
        Path archive = Files.createDirectory(directory.resolve("archive"));

        assertThat(archive(wal, archive.resolve(SEGMENT))).isZero();

        assertThat(Files.readString(archive.resolve(SEGMENT))).isEqualTo("segment contents");
        try (Stream<Path> files = Files.list(archive)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList()).containsExactly(SEGMENT);
        }
    }

    @Test
    void archivingTheSameFileAgainSucceeds() throws Exception {
        Path wal = wal("segment contents");
        Path archive = Files.createDirectory(directory.resolve("archive"));
        archive(wal, archive.resolve(SEGMENT));

        assertThat(archive(wal, archive.resolve(SEGMENT))).isZero();
    }

    @Test
    void aDifferentFileUnderAnArchivedNameIsRefusedAndTheArchivedOneKept() throws Exception {
        Path archive = Files.createDirectory(directory.resolve("archive"));
        archive(wal("first cluster's segment"), archive.resolve(SEGMENT));

        int status = archive(wal("second cluster's segment"), archive.resolve(SEGMENT));

        assertThat(status).isEqualTo(1);
        assertThat(Files.readString(archive.resolve(SEGMENT))).isEqualTo("first cluster's segment");
    }

    @Test
    void aMissingArchiveDirectoryFails() throws Exception {
        assertThat(archive(wal("segment contents"), directory.resolve("not-mounted").resolve(SEGMENT))).isEqualTo(1);
    }

    private Path wal(String contents) throws IOException {
        Path file = Files.createTempFile(directory, "pg_wal", "");
        return Files.writeString(file, contents, StandardCharsets.UTF_8);
    }

    private static int archive(Path source, Path target) throws Exception {
        Process process = new ProcessBuilder(List.of("bash", script().toString(), source.toString(), target.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("archive-wal.sh did not finish");
        }
        return process.exitValue();
    }

    private static Path script() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("ops/archive-wal.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("ops/archive-wal.sh not found above " + Path.of("").toAbsolutePath());
    }
}
