package edu.sevenp.desktop.media;

import edu.sevenp.coursepackage.ContentHash;
import java.util.Optional;

/**
 * How the library points at a media file: by content, {@code media:<sha256>} (ARCHITECTURE.md,
 * principle 9). Lessons' video_url and file resources' file_url hold this form; the store's MediaLibrary
 * turns it into the verified file on this device.
 */
public record MediaReference(String sha256) {

    public static final String SCHEME = "media:";

    public MediaReference {
        if (!ContentHash.isSha256(sha256)) {
            throw new IllegalArgumentException("a media reference names a SHA-256 (64 lower-case hexadecimal digits), was "
                    + sha256);
        }
    }

    /** The reference in {@code text}, or empty when it is not one (an https address, for example). */
    public static Optional<MediaReference> parse(String text) {
        if (text == null || !text.startsWith(SCHEME) || !ContentHash.isSha256(text.substring(SCHEME.length()))) {
            return Optional.empty();
        }
        return Optional.of(new MediaReference(text.substring(SCHEME.length())));
    }

    /** {@code media:<sha256>}, as stored. */
    @Override
    public String toString() {
        return SCHEME + sha256;
    }
}
