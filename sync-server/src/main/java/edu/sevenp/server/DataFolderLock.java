package edu.sevenp.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The server's claim on its data folder: an exclusive lock on {@code <data folder>/server.lock}, held for the
 * server's whole life and released by the operating system when the process dies, however it dies. Holding it
 * proves that no other server of ours uses the folder, so whatever a previous server left running there (its
 * embedded PostgreSQL after a SIGKILL) is an orphan this server may stop. The file holds the owner's pid for
 * the message a second server prints; it is never deleted, because deleting a lock file races with its next
 * owner.
 */
public final class DataFolderLock implements AutoCloseable {

    static final String FILE_NAME = "server.lock";

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the folder when missing and locks it.
     *
     * @throws DataFolderException when another server holds the lock, or the folder cannot be used
     */
    public static DataFolderLock acquire(Path folder) {
        Objects.requireNonNull(folder, "folder");
        Path file = folder.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                OptionalLong owner = readPid(channel);
                channel.close();
                throw DataFolderException.inUse(folder, owner);
            }
            writePid(channel);
            return new DataFolderLock(folder, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw DataFolderException.unusable(folder, e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** Whether this lock is still held (the server is running on the folder). */
    public boolean isHeld() {
        return lock.isValid();
    }

    @Override
    public void close() {
        try {
            channel.close(); // releases the lock
        } catch (IOException e) {
            // The lock dies with the channel or, at the latest, with the process.
        }
    }

    /** Null when another process holds it, or this JVM does (a second server in one JVM, as tests do). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            return null;
        }
    }

    private static OptionalLong readPid(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            // Windows locks forbid reading; a half-written pid is no pid. The message says "pid unknown".
            return OptionalLong.empty();
        }
    }

    private static void writePid(FileChannel channel) throws IOException {
        byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(pid), 0);
        channel.force(false);
    }

    private static void closeQuietly(FileChannel channel, IOException cause) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException closing) {
                cause.addSuppressed(closing);
            }
        }
    }
}
