package edu.sevenp.coursepackage.captions;

import java.util.Objects;

/**
 * One caption: its text from {@code start} until just before {@code end}, in seconds of the video.
 *
 * @param identifier the cue's identifier line, or "" when it has none
 * @param text plain text, lines separated by {@code \n}
 */
public record Cue(String identifier, double start, double end, String text) {

    public Cue {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(text, "text");
        if (!(start >= 0 && end > start)) {
            throw new IllegalArgumentException("a cue runs from a time to a later one, was " + start + " to " + end);
        }
    }

    /** Whether the cue shows at {@code seconds}. */
    public boolean showsAt(double seconds) {
        return seconds >= start && seconds < end;
    }
}
