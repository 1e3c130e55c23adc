package edu.sevenp.desktop.learning;

import edu.sevenp.coursepackage.captions.Captions;
import java.util.Objects;

/**
 * A caption track of a lesson's video, read.
 *
 * @param label what the player calls it ("English")
 * @param cues its cues; none when it could not be read
 * @param unavailable why it shows nothing ("not on this computer yet"), or "" when it was read
 */
public record VideoCaptions(String language, String label, Captions cues, String unavailable) {

    public VideoCaptions {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(cues, "cues");
        Objects.requireNonNull(unavailable, "unavailable");
    }
}
