package edu.sevenp.desktop.profiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.profiles.ProfileException.Reason;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreContents;
import edu.sevenp.desktop.store.StoreFolders;
import edu.sevenp.desktop.store.StoreInUseException;
import edu.sevenp.desktop.sync.CredentialFile;
import edu.sevenp.desktop.sync.Credentials;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learner profiles in a data folder ({@code <data>/profiles/<name>/}, each with a database of its own), and which
 * one the window opened last ({@code <data>/profiles.json}). What the profile screen does: list, make, rename, count
 * and remove profiles. Renaming and removing refuse a profile a running player has open. Every method reads or writes
 * files: call them off the UI thread.
 */
public final class LocalProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(LocalProfiles.class);
    static final String LAST_USED_FILE = "profiles.json";
    private static final ObjectMapper JSON = JsonMapperFactory.create();

    private final Path dataDirectory;

    /** What {@code profiles.json} holds. */
    record Remembered(String lastProfile) {
    }

    public LocalProfiles(Path dataDirectory) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
    }

    /** Where profile {@code name} keeps its data. */
    public Path folder(String name) {
        return profilesDirectory().resolve(name);
    }

    /** The profiles, by name; folders that are not a profile's (no valid name) are left out. */
    public List<LocalProfile> list() {
        Path directory = profilesDirectory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        StoreFolders.sweepRemoved(directory);
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .filter(ProfileNames::valid)
                    .sorted()
                    .map(name -> new LocalProfile(name, account(name), StoreFolders.inUse(folder(name))))
                    .toList();
        } catch (IOException e) {
            throw failed("", "The profiles in " + directory + " could not be listed", e);
        }
    }

    /** Makes an empty profile; its database is made when it first opens. */
    public LocalProfile create(String name) {
        checkName(name);
        Path folder = folder(name);
        try {
            Files.createDirectories(profilesDirectory());
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException e) {
            throw exists(name);
        } catch (IOException e) {
            throw failed(name, "The profile \u201c" + name + "\u201d could not be made", e);
        }
        LOG.info("profile {} made", name);
        return new LocalProfile(name, Optional.empty(), false);
    }

    /**
     * Renames profile {@code from} to {@code to}; it keeps everything, its sign-in and its device id included.
     *
     * @throws ProfileException when {@code to} is no name or is taken, {@code from} is gone, or a player has it open
     */
    public void rename(String from, String to) {
        checkName(to);
        requireExists(from);
        if (from.equals(to)) {
            return;
        }
        if (Files.exists(folder(to))) {
            throw exists(to);
        }
        boolean wasLastUsed = lastUsed().filter(from::equals).isPresent();
        try {
            StoreFolders.rename(folder(from), folder(to), to);
        } catch (StoreInUseException e) {
            throw inUse(from, e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileAlreadyExistsException) {
                throw exists(to);
            }
            throw failed(from, "The profile \u201c" + from + "\u201d could not be renamed", e.getCause());
        }
        if (wasLastUsed) {
            remember(to);
        }
        LOG.info("profile {} renamed to {}", from, to);
    }

    /**
     * What profile {@code name} holds, counted: what removing it would lose. Opens its database (a moment) unless the
     * profile was never opened.
     *
     * @throws ProfileException when a player has it open, or it is gone
     */
    public ProfileContents contents(String name) {
        requireExists(name);
        Path folder = folder(name);
        Optional<LocalProfile.Account> account = account(name);
        if (StoreFolders.inUse(folder)) {
            throw inUse(name, null);
        }
        if (!StoreFolders.hasStore(folder)) {
            return ProfileContents.empty(name, size(folder), account);
        }
        StoreContents counted;
        try (LocalStore store = LocalStore.openFile(folder, name)) {
            counted = store.contents();
        } catch (StoreInUseException e) {
            throw inUse(name, e);
        }
        return new ProfileContents(name, counted.courses(), counted.notes(), counted.bookmarks(), counted.lessonsStarted(),
                counted.lessonsCompleted(), counted.quizAttempts(), counted.unsentChanges(), size(folder), account);
    }

    /**
     * Removes profile {@code name} and everything in it from this computer. The account on the server, if any, keeps
     * what was synced; this computer stays in its list of devices until removed there.
     *
     * @throws ProfileException when a player has it open, or it is gone
     */
    public void delete(String name) {
        requireExists(name);
        try {
            StoreFolders.delete(folder(name));
        } catch (StoreInUseException e) {
            throw inUse(name, e);
        } catch (UncheckedIOException e) {
            throw failed(name, "The profile \u201c" + name + "\u201d could not be removed", e.getCause());
        }
        if (lastUsed().filter(name::equals).isPresent()) {
            forgetLastUsed();
        }
        LOG.info("profile {} removed", name);
    }

    /** Whether a running player (this one included) has profile {@code name} open. */
    public boolean inUse(String name) {
        return StoreFolders.inUse(folder(name));
    }

    /** The profile the window opened last, when there is one and it still exists. */
    public Optional<String> lastUsed() {
        Path file = dataDirectory.resolve(LAST_USED_FILE);
        try {
            String name = JSON.readValue(Files.readString(file), Remembered.class).lastProfile();
            return ProfileNames.valid(name) && Files.isDirectory(folder(name)) ? Optional.of(name) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("ignoring {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Remembers {@code name} as the profile to offer first next time. */
    public void remember(String name) {
        checkName(name);
        write(new Remembered(name));
    }

    private void forgetLastUsed() {
        try {
            Files.deleteIfExists(dataDirectory.resolve(LAST_USED_FILE));
        } catch (IOException e) {
            LOG.warn("cannot remove {}", dataDirectory.resolve(LAST_USED_FILE), e);
        }
    }

    /** A new file moved over the old one: a crash leaves the old choice or the new. */
    private void write(Remembered remembered) {
        Path file = dataDirectory.resolve(LAST_USED_FILE);
        Path temporary = file.resolveSibling(LAST_USED_FILE + ".tmp");
        try {
            Files.createDirectories(dataDirectory);
            Files.writeString(temporary, JSON.writeValueAsString(remembered));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Losing it costs the learner one click on the profile screen.
            LOG.warn("cannot remember the last profile in {}", file, e);
        }
    }

    private Optional<LocalProfile.Account> account(String name) {
        try {
            return new CredentialFile(folder(name).resolve(CredentialFile.NAME)).load()
                    .map(LocalProfiles::account);
        } catch (UncheckedIOException e) {
            LOG.warn("profile {}: the sign-in cannot be read ({}); shown as not signed in", name, e.getMessage());
            return Optional.empty();
        }
    }

    private static LocalProfile.Account account(Credentials credentials) {
        return new LocalProfile.Account(credentials.server().toString(), credentials.email());
    }

    private Path profilesDirectory() {
        return dataDirectory.resolve("profiles");
    }

    private void requireExists(String name) {
        if (!ProfileNames.valid(name) || !Files.isDirectory(folder(name))) {
            throw new ProfileException(Reason.NOT_FOUND, name, "There is no profile called \u201c" + name + "\u201d any more.",
                    null);
        }
    }

    private static void checkName(String name) {
        ProfileNames.problem(name).ifPresent(problem -> {
            throw new ProfileException(Reason.INVALID_NAME, name, problem, null);
        });
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.mapToLong(LocalProfiles::fileSize).sum();
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("cannot measure {}", folder, e);
            return 0;
        }
    }

    private static long fileSize(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes.size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static ProfileException exists(String name) {
        return new ProfileException(Reason.EXISTS, name, "There is already a profile called \u201c" + name + "\u201d.", null);
    }

    private static ProfileException inUse(String name, Throwable cause) {
        return new ProfileException(Reason.IN_USE, name, "The profile \u201c" + name + "\u201d is open in another 7P Course"
                + " Player window. Close it there first; nothing was changed.", cause);
    }

    private static ProfileException failed(String profile, String what, Throwable cause) {
        String reason = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return new ProfileException(Reason.FAILED, profile, what + reason + ". Nothing was lost.", cause);
    }
}
