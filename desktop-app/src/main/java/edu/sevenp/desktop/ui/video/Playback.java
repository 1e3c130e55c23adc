package edu.sevenp.desktop.ui.video;

/**
 * One video being played: what {@link VideoViewModel} asks of a media player. The player answers through the
 * {@link PlaybackEvents} it was opened with, on the JavaFX thread. Tests use a scripted one.
 */
public interface Playback {

    void play();

    void pause();

    /** Moves to {@code seconds} from the start. */
    void seek(double seconds);

    /** Playback speed, 1 for normal. */
    void rate(double rate);

    /** 0 (silent) to 1 (full). */
    void volume(double volume);

    /** Releases the player; it is not used again. */
    void dispose();
}
