package edu.sevenp.desktop.media;

import edu.sevenp.coursepackage.ContentHash;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A media file arriving in pieces, {@code <media folder>/<sha256>.part}: appended to as bytes come and hashed as
 * they are written, so a finished download needs no second read. Reopened after a cut, it hashes the bytes it
 * already holds once and goes on from its length (reading a part back costs about 2 s a GiB here, against minutes
 * to download it again). Only {@link MediaFolder#finish} turns it into a usable file, and only with the right hash.
 */
public final class PartialFile implements AutoCloseable {

    private static final int READ_BUFFER = 256 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final ContentHash.Running hash = new ContentHash.Running();
    private long length;

    private PartialFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Opens the part at {@code path}, creating it empty, and hashes what it holds. */
    static PartialFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(Objects.requireNonNull(path, "path"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        PartialFile part = new PartialFile(path, channel);
        try {
            part.hashExisting();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return part;
    }

    private void hashExisting() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
        long position = 0;
        int read;
        while ((read = channel.read(buffer, position)) > 0) {
            hash.update(buffer.array(), 0, read);
            position += read;
            buffer.clear();
        }
        length = position;
    }

    public Path path() {
        return path;
    }

    /** The bytes the part holds: where a resumed download goes on from. */
    public long length() {
        return length;
    }

    /** Appends {@code count} bytes; an {@link IOException} here is this computer's disk, never the network. */
    public void write(byte[] bytes, int offset, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, count);
        while (buffer.hasRemaining()) {
            channel.write(buffer, length + (buffer.position() - offset));
        }
        hash.update(bytes, offset, count);
        length += count;
    }

    /** Empties the part: the server sent the whole file instead of the rest, or what is here cannot be the file. */
    public void restart() throws IOException {
        channel.truncate(0);
        hash.reset();
        length = 0;
    }

    /** Puts the bytes written so far on the disk itself, before anything records that they are there. */
    public void force() throws IOException {
        channel.force(true);
    }

    /** The SHA-256 of everything in the part; called once, when the download is complete. */
    String finishHash() {
        return hash.finish();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
