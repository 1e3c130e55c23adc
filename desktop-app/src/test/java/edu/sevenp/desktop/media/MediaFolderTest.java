package edu.sevenp.desktop.media;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.ContentHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads into the media folder: parts that resume, and only the right hash under a hash name. */
class MediaFolderTest {

    @TempDir
    Path directory;

    private final byte[] video = bytes(300_000);
    private final String hash = sha256(video);

    @Test
    void aReopenedPartGoesOnFromItsLengthAndTheWholeFileVerifies() throws IOException {
        MediaFolder folder = new MediaFolder(directory);
        try (PartialFile part = folder.openPart(hash)) {
            part.write(video, 0, 123_457);
        }

        boolean finished;
        try (PartialFile part = folder.openPart(hash)) {
            assertThat(part.length()).isEqualTo(123_457);
            part.write(video, 123_457, video.length - 123_457);
            finished = folder.finish(part, hash);
        }

        assertThat(finished).isTrue();
        assertThat(Files.readAllBytes(folder.pathOf(hash))).isEqualTo(video);
        assertThat(folder.partOf(hash)).doesNotExist();
        assertThat(folder.holdsVerified(hash, video.length)).isTrue();
    }

    @Test
    void aPartStartedOverForgetsItsBytes() throws IOException {
        MediaFolder folder = new MediaFolder(directory);
        try (PartialFile part = folder.openPart(hash)) {
            part.write(new byte[] {1, 2, 3}, 0, 3);
            part.restart();
            part.write(video, 0, video.length);
            assertThat(folder.finish(part, hash)).isTrue();
        }

        assertThat(Files.readAllBytes(folder.pathOf(hash))).isEqualTo(video);
    }

    @Test
    void aPartWithAnotherHashIsDeletedAndNothingTakesTheHashName() throws IOException {
        MediaFolder folder = new MediaFolder(directory);
        byte[] damaged = Arrays.copyOf(video, video.length);
        damaged[1000] ^= 1;

        boolean finished;
        try (PartialFile part = folder.openPart(hash)) {
            part.write(damaged, 0, damaged.length);
            finished = folder.finish(part, hash);
        }

        assertThat(finished).isFalse();
        assertThat(folder.pathOf(hash)).doesNotExist();
        assertThat(folder.partOf(hash)).doesNotExist();
    }

    @Test
    void onlyDownloadPartsAreListedNotTheCopiesOfAnImport() throws IOException {
        MediaFolder folder = new MediaFolder(directory);
        String other = sha256(new byte[] {7});
        Files.write(folder.partOf(hash), new byte[] {1});
        Files.write(directory.resolve(other + ".8f14e45f-ceea-467f-a0e6-b3a3bd7e0c9d.part"), new byte[] {1});
        Files.write(folder.pathOf(other), new byte[] {7});

        assertThat(folder.partHashes()).containsExactly(hash);
        assertThat(folder.partLength(hash)).isEqualTo(1);
        assertThat(folder.partLength(other)).isZero();
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(3).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) {
        ContentHash.Running running = new ContentHash.Running();
        running.update(content, 0, content.length);
        return running.finish();
    }
}
