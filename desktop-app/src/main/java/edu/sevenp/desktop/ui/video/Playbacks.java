package edu.sevenp.desktop.ui.video;

import java.nio.file.Path;

/** Opens a video file for playing: JavaFX's media player in the window ({@link FxPlayback}), a scripted one in tests. */
@FunctionalInterface
public interface Playbacks {

    Playback open(Path file, PlaybackEvents events);
}
