package edu.sevenp.coursepackage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 of files, in the form manifests and the media cache use: 64 lower-case hexadecimal digits. */
public final class ContentHash {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private ContentHash() {
    }

    public static boolean isSha256(String text) {
        return text != null && SHA_256.matcher(text).matches();
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return copy(in, OutputStream.nullOutputStream());
        }
    }

    /** Copies {@code source} to {@code target} (which must not exist) and returns the SHA-256 of what was copied. */
    public static String copy(Path source, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(target,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            return copy(in, out);
        }
    }

    private static String copy(InputStream source, OutputStream target) throws IOException {
        MessageDigest digest = sha256Digest();
        try (DigestInputStream in = new DigestInputStream(source, digest)) {
            in.transferTo(target);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A SHA-256 fed piece by piece, for a file that arrives in parts (a download that resumes). */
    public static final class Running {

        private final MessageDigest digest = sha256Digest();

        public void update(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }

        /** Forgets everything fed so far: the file starts over. */
        public void reset() {
            digest.reset();
        }

        /** The hash of everything fed since the last reset, in the form {@link #isSha256} accepts; then starts over. */
        public String finish() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
