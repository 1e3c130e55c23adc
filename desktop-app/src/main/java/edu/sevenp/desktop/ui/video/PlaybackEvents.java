package edu.sevenp.desktop.ui.video;

/** What a {@link Playback} tells its view model, on the JavaFX thread. */
public interface PlaybackEvents {

    /** The video is ready to play; {@code durationSeconds} is its length (0 or less when unknown). */
    void ready(double durationSeconds);

    /** The player is at {@code seconds}. */
    void time(double seconds);

    /** The player started ({@code true}) or stopped playing. */
    void playing(boolean playing);

    /** The video played to its end. */
    void ended();

    /** The video cannot play; {@code message} says why, for the learner. */
    void failed(String message);
}
