package edu.sevenp.coursepackage.readiness;

import edu.sevenp.coursepackage.readiness.PackageContents.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Oversized images among the media and file resources ({@code image/…}): more than {@link #MAX_BYTES} bytes, or more
 * than {@link #MAX_SIDE} pixels on a side. A lesson's images need neither: every learner downloads them, and a
 * screen shows a few thousand pixels at most. The pixels are read from the file's header when Java can read the
 * format (PNG, JPEG, GIF, BMP), otherwise taken from the entry's {@code width} and {@code height}.
 */
final class ImageRules implements ReadinessRule {

    /** 2 MiB. */
    static final long MAX_BYTES = 2L << 20;
    static final int MAX_SIDE = 4000;

    @Override
    public List<ReadinessItem> check(PackageContents contents) {
        List<Entry> entries = new ArrayList<>(contents.mediaEntries());
        entries.addAll(contents.resourceEntries());
        List<ReadinessItem> items = new ArrayList<>();
        for (Entry entry : entries) {
            Optional<String> file = PackageContents.textOf(entry.node().path("file"));
            Optional<Path> path = file.flatMap(contents::file);
            if (path.isEmpty() || !entry.node().path("mimeType").asText("").startsWith("image/")) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            long bytes = size(path.get());
            if (bytes > MAX_BYTES) {
                reasons.add(String.format(Locale.ROOT, "%.1f MiB (over 2 MiB)", bytes / (double) (1L << 20)));
            }
            int[] pixels = pixels(path.get()).orElse(new int[] {entry.node().path("width").asInt(0),
                    entry.node().path("height").asInt(0)});
            if (pixels[0] > MAX_SIDE || pixels[1] > MAX_SIDE) {
                reasons.add(pixels[0] + " x " + pixels[1] + " pixels (over " + MAX_SIDE + " on a side)");
            }
            if (!reasons.isEmpty()) {
                items.add(contents.item(Check.OVERSIZED_IMAGE, entry.pointer() + "/file", "\"" + file.get() + "\" is "
                        + String.join(" and ", reasons) + ": every learner downloads it; scale it down or compress it",
                        contents.lessonAt(entry.pointer()).flatMap(PackageContents.Lesson::id)));
            }
        }
        return items;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // unreadable: the reader's size and hash check reports it
        }
    }

    /** Width and height from the image's header, when an image reader of this JDK knows its format. */
    private static Optional<int[]> pixels(Path file) {
        try (InputStream in = Files.newInputStream(file);
                ImageInputStream image = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(image);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(image, true, true);
                return Optional.of(new int[] {reader.getWidth(0), reader.getHeight(0)});
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not an image Java reads: the declared size counts
        }
    }
}
