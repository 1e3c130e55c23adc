package edu.sevenp.desktop.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What tells this installation's profile folder from a copy of it (a cloned disk image, a restored backup,
 * a folder copied to another computer): a SHA-256 of each of the folder's real path, its file-system
 * identity, its creation time and the computer's host name. The folder is measured, not the H2 file: H2
 * may rewrite its file, and a new file would look like a copy.
 *
 * <p>Each part is kept apart, so that the log can say which one changed; a part this platform cannot tell
 * (no file key on Windows, no creation time on some file systems, no host name) is null and is not
 * compared, so a part that cannot be read never makes a profile look copied.
 *
 * @param folder the folder's real path
 * @param fileKey the folder's inode where the platform has one, else its file key
 * @param created the folder's creation time, when the file system keeps one
 * @param host this computer's host name
 */
record InstallationFingerprint(String folder, String fileKey, String created, String host) {

    /** The parts' names, as {@link #differencesFrom} reports them. */
    static final String FOLDER = "folder", FILE_KEY = "file key", CREATED = "creation time", HOST = "host name";

    InstallationFingerprint {
        Objects.requireNonNull(folder, "folder");
    }

    /** Measures {@code directory} (which must exist) on the computer called {@code hostName} (null when unknown). */
    static InstallationFingerprint of(Path directory, String hostName) {
        try {
            Path real = directory.toRealPath();
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            return new InstallationFingerprint(hash(real.toString()), hash(fileKey(real, attributes)),
                    hash(creationTime(attributes)), hash(hostName == null ? null : hostName.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the attributes of the profile folder " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * This computer's host name, or null when it cannot be told. Read from the kernel on Linux and from the
     * environment on Windows, which costs nothing; elsewhere Java asks the system, which on a Mac whose name
     * does not resolve can take seconds (Apple's known issue; adding the name to /etc/hosts fixes it).
     */
    static String thisHost() {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        try {
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel, StandardCharsets.UTF_8).strip();
                return name.isEmpty() ? null : name;
            }
        } catch (IOException e) {
            // Fall through to the portable ways.
        }
        String windows = System.getenv("COMPUTERNAME");
        if (windows != null && !windows.isBlank()) {
            return windows.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * The names of the parts that differ from {@code stored}, among those both know; empty when this is the
     * installation that stored it.
     */
    List<String> differencesFrom(InstallationFingerprint stored) {
        List<String> changed = new ArrayList<>();
        compare(FOLDER, folder, stored.folder, changed);
        compare(FILE_KEY, fileKey, stored.fileKey, changed);
        compare(CREATED, created, stored.created, changed);
        compare(HOST, host, stored.host, changed);
        return changed;
    }

    /** This fingerprint with the parts it lacks taken from {@code other}: a part learnt later is kept from then on. */
    InstallationFingerprint completedBy(InstallationFingerprint other) {
        return new InstallationFingerprint(folder, fileKey != null ? fileKey : other.fileKey,
                created != null ? created : other.created, host != null ? host : other.host);
    }

    private static void compare(String name, String current, String stored, List<String> changed) {
        if (current != null && stored != null && !current.equals(stored)) {
            changed.add(name);
        }
    }

    /**
     * The inode alone where there is one: a file key also holds the device number, which can change across
     * reboots for the same folder (device-mapper and btrfs volumes, removable drives).
     */
    private static String fileKey(Path real, BasicFileAttributes attributes) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("unix")) {
            return String.valueOf(Files.getAttribute(real, "unix:ino"));
        }
        Object key = attributes.fileKey();
        return key == null ? null : key.toString();
    }

    /**
     * Where the file system keeps no creation time, Java reports the last modification instead, which
     * changes whenever a file is added to the folder. A real creation time is earlier than the folder's last
     * change (the database file was made in it after it), so one equal to it is taken as unknown.
     */
    private static String creationTime(BasicFileAttributes attributes) {
        if (!attributes.creationTime().toInstant().isBefore(attributes.lastModifiedTime().toInstant())) {
            return null;
        }
        return attributes.creationTime().toInstant().toString();
    }

    private static String hash(String value) {
        if (value == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
