package edu.sevenp.desktop.ui.video;

import edu.sevenp.desktop.ui.common.Messages;
import java.nio.file.Path;
import java.util.Objects;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video played by JavaFX's {@link MediaPlayer} (H.264 and AAC in MP4; on Linux through the system's libavcodec).
 * Its failures reach the learner as a sentence saying what to do, not as a media exception.
 */
public final class FxPlayback implements Playback {

    private static final Logger LOG = LoggerFactory.getLogger(FxPlayback.class);

    private final MediaPlayer player;

    private FxPlayback(MediaPlayer player) {
        this.player = player;
    }

    /** Opens {@code file}; a file that cannot even be opened is told to {@code events} as failed (the playback returned then does nothing). */
    public static Playback open(Path file, PlaybackEvents events) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(events, "events");
        MediaPlayer player;
        try {
            Media media = new Media(file.toUri().toString());
            player = new MediaPlayer(media);
        } catch (MediaException | UnsupportedOperationException e) {
            LOG.warn("Cannot open the video {}", file, e);
            events.failed(explain(e));
            return new FxPlayback(null);
        }
        player.setOnReady(() -> events.ready(player.getMedia().getDuration().toSeconds()));
        player.currentTimeProperty().addListener((property, old, now) -> events.time(now.toSeconds()));
        player.statusProperty().addListener((property, old, now) -> events.playing(now == MediaPlayer.Status.PLAYING));
        player.setOnEndOfMedia(() -> {
            player.pause();
            events.ended();
        });
        player.setOnError(() -> {
            LOG.warn("The video {} failed", file, player.getError());
            events.failed(explain(player.getError()));
        });
        return new FxPlayback(player);
    }

    /** The player, for a {@code MediaView}; null when the video could not be opened. */
    public MediaPlayer mediaPlayer() {
        return player;
    }

    @Override
    public void play() {
        if (player != null) {
            player.play();
        }
    }

    @Override
    public void pause() {
        if (player != null) {
            player.pause();
        }
    }

    @Override
    public void seek(double seconds) {
        if (player != null) {
            player.seek(Duration.seconds(seconds));
        }
    }

    @Override
    public void rate(double rate) {
        if (player != null) {
            player.setRate(rate);
        }
    }

    @Override
    public void volume(double volume) {
        if (player != null) {
            player.setVolume(volume);
        }
    }

    @Override
    public void dispose() {
        if (player != null) {
            player.dispose();
        }
    }

    /** What the learner reads when a video cannot play. */
    static String explain(Exception failure) {
        Messages messages = Messages.of(FxPlayback.class);
        String message = failure == null || failure.getMessage() == null ? "" : failure.getMessage();
        if (message.contains("audio device")) {
            return messages.get("failed.noSound");
        }
        if (failure instanceof MediaException media && (media.getType() == MediaException.Type.MEDIA_UNSUPPORTED
                || media.getType() == MediaException.Type.UNKNOWN || message.contains("create player"))) {
            return messages.get("failed.noDecoder");
        }
        // The media player's own words ("MEDIA_UNAVAILABLE", a codec's name) are in the log, not for the learner.
        return messages.get("failed.other");
    }
}
