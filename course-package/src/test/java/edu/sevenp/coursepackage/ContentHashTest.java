package edu.sevenp.coursepackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {

    @TempDir
    Path folder;

    @Test
    void aHashFedInPiecesIsTheHashOfTheWholeFile() throws IOException {
        byte[] bytes = new byte[100_000];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(folder.resolve("file"), bytes);
        ContentHash.Running running = new ContentHash.Running();

        running.update(bytes, 0, 12_345);
        running.update(bytes, 12_345, bytes.length - 12_345);

        assertThat(running.finish()).isEqualTo(ContentHash.sha256(file));
    }

    @Test
    void aResetHashForgetsWhatCameBefore() throws IOException {
        byte[] bytes = {1, 2, 3};
        Path file = Files.write(folder.resolve("file"), bytes);
        ContentHash.Running running = new ContentHash.Running();
        running.update(new byte[] {9, 9}, 0, 2);

        running.reset();
        running.update(bytes, 0, bytes.length);

        assertThat(running.finish()).isEqualTo(ContentHash.sha256(file));
    }
}
