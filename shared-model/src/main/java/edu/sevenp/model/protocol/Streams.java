package edu.sevenp.model.protocol;

import java.util.Optional;
import java.util.UUID;

/** Names of pull streams: {@code user} and {@code course:<course id>}. */
public final class Streams {

    public static final String USER = "user";

    private static final String COURSE_PREFIX = "course:";

    private Streams() {
    }

    public static String course(UUID courseId) {
        return COURSE_PREFIX + courseId;
    }

    /** The course of a course stream; empty for {@code user} or a name that is neither. */
    public static Optional<UUID> courseOf(String stream) {
        if (stream == null || !stream.startsWith(COURSE_PREFIX)) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(stream.substring(COURSE_PREFIX.length()));
            return id.toString().equals(stream.substring(COURSE_PREFIX.length())) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static boolean isValid(String stream) {
        return USER.equals(stream) || courseOf(stream).isPresent();
    }
}
