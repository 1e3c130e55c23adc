package edu.sevenp.desktop.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageWatcherTest {

    private static final Duration QUIET = Duration.ofMillis(150);

    @TempDir
    Path temp;

    private final AtomicInteger told = new AtomicInteger();

    @Test
    void aSaveInASubfolderIsToldOnce() throws Exception {
        Path lessons = Files.createDirectories(temp.resolve("course/lessons"));
        Files.writeString(lessons.resolve("01.md"), "# One");
        try (PackageWatcher watcher = PackageWatcher.start(temp.resolve("course"), QUIET, told::incrementAndGet)) {
            // An editor's save: a temporary file written, moved over the old one, then touched again.
            Path saving = Files.writeString(lessons.resolve(".01.md.swp"), "# One, edited");
            Files.move(saving, lessons.resolve("01.md"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(lessons.resolve("01.md"), "# One, edited again");

            awaitTold(1);
            Thread.sleep(QUIET.toMillis() * 3);
            assertThat(told).hasValue(1);
        }
    }

    @Test
    void aFolderMadeAfterTheStartIsWatchedToo() throws Exception {
        Files.createDirectories(temp.resolve("course"));
        try (PackageWatcher watcher = PackageWatcher.start(temp.resolve("course"), QUIET, told::incrementAndGet)) {
            Path media = Files.createDirectories(temp.resolve("course/media"));
            awaitTold(1);

            Files.writeString(media.resolve("captions.vtt"), "WEBVTT");

            awaitTold(2);
        }
    }

    @Test
    void aZipIsWatchedAloneNotTheFilesBesideIt() throws Exception {
        Path zip = Files.writeString(temp.resolve("course.zip"), "not yet a zip");
        try (PackageWatcher watcher = PackageWatcher.start(zip, QUIET, told::incrementAndGet)) {
            Files.writeString(temp.resolve("notes.txt"), "beside the package");
            Thread.sleep(QUIET.toMillis() * 3);
            assertThat(told).hasValue(0);

            Files.writeString(zip, "a new build of the package");

            awaitTold(1);
        }
    }

    @Test
    void nothingIsToldAfterClosing() throws Exception {
        Files.createDirectories(temp.resolve("course"));
        PackageWatcher watcher = PackageWatcher.start(temp.resolve("course"), QUIET, told::incrementAndGet);
        watcher.close();

        Files.writeString(temp.resolve("course/manifest.json"), "{}");

        Thread.sleep(QUIET.toMillis() * 3);
        assertThat(told).hasValue(0);
    }

    private void awaitTold(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (told.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(told).hasValue(expected);
    }
}
