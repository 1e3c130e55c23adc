package edu.sevenp.desktop.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A profile's folder as a whole, for the profile screen: whether a player has its store open, and renaming or
 * removing it while none can. "Open" is H2's own lock on the database file: H2 holds an exclusive file lock while the
 * store is open, and a player that finds it taken refuses to open ({@link StoreInUseException}). These methods take
 * the same lock before they touch the folder, so a player starting meanwhile cannot open it either.
 *
 * <p>A folder is moved with one atomic rename; a removed folder is first renamed to a hidden name, so it leaves the
 * list of profiles at once and whole, and then deleted (what a crash leaves is swept by {@link #sweepRemoved}).
 */
public final class StoreFolders {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFolders.class);
    /** Removed folders wait under this prefix until deleted; a profile name never starts with a dot. */
    static final String REMOVED_PREFIX = ".removed-";

    private StoreFolders() {
    }

    /** Whether {@code folder} holds a store: a profile made but never opened has none yet. */
    public static boolean hasStore(Path folder) {
        return Files.exists(folder.resolve(LocalStore.DATABASE_FILE));
    }

    /**
     * Whether a running player (this one included) has the store in {@code folder} open. False when that cannot be told
     * (a database file this user may not write): opening it will say.
     */
    public static boolean inUse(Path folder) {
        try (FolderLock lock = FolderLock.take(folder)) {
            return false;
        } catch (StoreInUseException e) {
            return true;
        } catch (UncheckedIOException e) {
            LOG.debug("cannot tell whether {} is open in a player", folder, e);
            return false;
        }
    }

    /**
     * Renames the profile folder {@code folder} to {@code target} (a sibling that does not exist), then opens the store
     * once at its new place, so that it keeps its device id: a folder moved by anything else looks copied and is
     * re-keyed when it opens (docs/sync-client.md, "Re-keying a copy").
     *
     * @throws StoreInUseException when a player has the store open
     * @throws FileAlreadyExistsException as the cause of an {@link UncheckedIOException} when {@code target} exists
     */
    public static void rename(Path folder, Path target, String newProfileName) {
        String host = InstallationFingerprint.thisHost();
        rename(folder, target, host, before -> LocalStore.openMovedFile(target, newProfileName, host, before));
    }

    /** As {@link #rename(Path, Path, String)}, as if on the computer called {@code hostName}: for tests. */
    static void rename(Path folder, Path target, String newProfileName, Clock clock, String hostName) {
        rename(folder, target, hostName, before -> LocalStore.openFile(target, newProfileName, clock, hostName, before));
    }

    private static void rename(Path folder, Path target, String hostName, Function<InstallationFingerprint, LocalStore> reopen) {
        Objects.requireNonNull(target, "target");
        InstallationFingerprint before = hasStore(folder) ? InstallationFingerprint.of(folder, hostName) : null;
        move(folder, target);
        if (before != null) {
            try {
                reopen.apply(before).close();
            } catch (RuntimeException e) {
                // The folder has its new name; the next start will re-key it as a moved folder (sign in again, nothing lost).
                LOG.warn("profile folder renamed to {}, but its store could not be opened there to keep its device id",
                        target, e);
            }
        }
    }

    /**
     * Removes the profile folder {@code folder} and everything in it: its database, media, sign-in and settings.
     *
     * @throws StoreInUseException when a player has the store open; nothing is removed then
     */
    public static void delete(Path folder) {
        Path removed = folder.resolveSibling(REMOVED_PREFIX + folder.getFileName() + "-" + UUID.randomUUID());
        move(folder, removed);
        try {
            deleteTree(removed);
        } catch (UncheckedIOException e) {
            // Out of the list of profiles already; what is left goes at the next sweep.
            LOG.warn("the removed profile folder {} could not be deleted entirely; it is tried again later", removed, e);
        }
    }

    /** Deletes what removed profiles left behind in {@code profilesDirectory} (a crash, a file that was in use). */
    public static void sweepRemoved(Path profilesDirectory) {
        if (!Files.isDirectory(profilesDirectory)) {
            return;
        }
        List<Path> left;
        try (Stream<Path> entries = Files.list(profilesDirectory)) {
            left = entries.filter(path -> path.getFileName().toString().startsWith(REMOVED_PREFIX)).toList();
        } catch (IOException e) {
            LOG.warn("cannot list {} for removed profiles", profilesDirectory, e);
            return;
        }
        for (Path path : left) {
            try {
                deleteTree(path);
            } catch (UncheckedIOException e) {
                LOG.warn("the removed profile folder {} could not be deleted yet", path, e);
            }
        }
    }

    /**
     * One atomic rename, under the store's lock. Windows renames no folder with an open file in it, our lock's
     * included: there the lock is let go and the rename tried once more, which fails if a player opened the store
     * in between (its open file keeps the folder in place).
     */
    private static void move(Path folder, Path target) {
        FolderLock lock = FolderLock.take(folder);
        try {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            try {
                Files.move(folder, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (IOException e) {
                lock.close();
                lock = null;
                try {
                    Files.move(folder, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException again) {
                    if (inUse(folder)) {
                        throw FolderLock.inUse(folder, again);
                    }
                    throw again;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the profile folder " + folder + " to " + target + ": " + e, e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory + ": " + e.getMessage(), e);
        }
    }

    /** H2's lock on a profile's database file, taken as H2 takes it; nothing to lock when there is no store yet. */
    private static final class FolderLock implements AutoCloseable {

        private final FileChannel channel;

        private FolderLock(FileChannel channel) {
            this.channel = channel;
        }

        static FolderLock take(Path folder) {
            Path file = folder.resolve(LocalStore.DATABASE_FILE);
            if (!Files.exists(file)) {
                return new FolderLock(null);
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open " + file + ": " + e.getMessage(), e);
            }
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw inUse(folder, null);
                }
                return new FolderLock(channel);
            } catch (OverlappingFileLockException e) {
                // This player has the store open itself.
                close(channel);
                throw inUse(folder, e);
            } catch (IOException e) {
                close(channel);
                throw new UncheckedIOException("Cannot lock " + file + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                close(channel);
                throw e;
            }
        }

        static StoreInUseException inUse(Path folder, Throwable cause) {
            return new StoreInUseException(StoreException.WORDS.text("profileInUse", folder.getFileName().toString()),
                    cause);
        }

        @Override
        public void close() {
            if (channel != null) {
                close(channel);
            }
        }

        private static void close(FileChannel channel) {
            try {
                // Closing the channel lets go of its lock.
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing a profile's database file", e);
            }
        }
    }
}
