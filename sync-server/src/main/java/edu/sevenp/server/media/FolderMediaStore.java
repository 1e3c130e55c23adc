package edu.sevenp.server.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Media in a folder: {@code <root>/<first two hex digits>/<sha256>}. A file is written to a temporary name, its
 * hash checked, forced to disk and then moved into place, so a crash never leaves a half-written file under a
 * hash that a client would trust.
 */
public final class FolderMediaStore implements MediaStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public FolderMediaStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    @Override
    public Optional<StoredFile> find(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path file = pathOf(sha256);
        try {
            return Files.isRegularFile(file) ? Optional.of(new StoredFile(file, Files.size(file))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public long store(String sha256, Path source) throws IOException {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        Path target = pathOf(sha256);
        if (Files.isRegularFile(target)) {
            return 0;
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), sha256 + ".", ".part");
        try {
            MessageDigest digest = sha256Digest();
            long bytes;
            try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest);
                    OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
                bytes = in.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(sha256)) {
                throw new IOException("the file has SHA-256 " + actual + ", not " + sha256);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (!Files.isRegularFile(target)) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return 0;
            }
            return bytes;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
