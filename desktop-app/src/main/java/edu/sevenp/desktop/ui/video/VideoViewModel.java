package edu.sevenp.desktop.ui.video;

import edu.sevenp.coursepackage.captions.Captions;
import edu.sevenp.desktop.learning.NotesMarkdown;
import edu.sevenp.desktop.learning.VideoCaptions;
import edu.sevenp.desktop.learning.VideoLesson;
import edu.sevenp.desktop.learning.VideoService;
import edu.sevenp.desktop.learning.VideoService.WatchReport;
import edu.sevenp.desktop.learning.WatchTracker;
import edu.sevenp.desktop.learning.WatchedIntervals;
import edu.sevenp.desktop.ui.common.Feedback;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.LessonId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The video of the lesson shown: playing, pausing, seeking, speed, volume and captions, where it resumes, and what
 * the learner has watched of it. The lesson completes once {@link WatchedIntervals#COMPLETION_SHARE} of the video
 * has actually played ({@link WatchTracker}); seeking to the end does not complete it. Where the learner is and what
 * they watched are saved when they pause, when the video ends, when they leave it, and every
 * {@link #REPORT_EVERY} while it plays.
 */
public final class VideoViewModel implements PlaybackEvents {

    /** Left and Right arrows. */
    public static final double STEP_SECONDS = 5;
    /** J and L. */
    public static final double JUMP_SECONDS = 10;
    public static final List<Double> RATES = List.of(0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0);
    public static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private final VideoService videos;
    private final UiExecutors executors;
    private final Feedback feedback;
    private final Playbacks playbacks;
    private final Clock clock;
    private final Messages messages = Messages.of(VideoViewModel.class);
    /** Lets a video load overtaken by another lesson drop its result. */
    private final AtomicLong loads = new AtomicLong();
    private Consumer<WatchReport> completed = report -> {
    };

    private LessonRef lesson;
    private VideoLesson video;
    private WatchTracker tracker;
    private Captions cues = Captions.none();
    private Instant lastReport;
    private boolean completionReported;
    /** A time to start at instead of the resume point (a note's or a bookmark's), for the lesson it names. */
    private LessonId seekLesson;
    private double seekSeconds;

    private final ObjectProperty<Playback> playback = new SimpleObjectProperty<>(this, "playback");
    private final BooleanProperty hasVideo = new SimpleBooleanProperty(this, "hasVideo", false);
    private final BooleanProperty ready = new SimpleBooleanProperty(this, "ready", false);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 0);
    private final DoubleProperty duration = new SimpleDoubleProperty(this, "duration", 0);
    private final DoubleProperty rate = new SimpleDoubleProperty(this, "rate", 1);
    private final DoubleProperty volume = new SimpleDoubleProperty(this, "volume", 1);
    private final BooleanProperty captionsOn = new SimpleBooleanProperty(this, "captionsOn", true);
    private final BooleanProperty captionsAvailable = new SimpleBooleanProperty(this, "captionsAvailable", false);
    private final StringProperty captionsNote = new SimpleStringProperty(this, "captionsNote", "");
    private final StringProperty caption = new SimpleStringProperty(this, "caption", "");
    private final StringProperty timeText = new SimpleStringProperty(this, "timeText", "");
    private final StringProperty watchedText = new SimpleStringProperty(this, "watchedText", "");

    /** @param clock paces the periodic saves (a test clock in tests) */
    public VideoViewModel(VideoService videos, UiExecutors executors, Feedback feedback, Playbacks playbacks, Clock clock) {
        this.videos = Objects.requireNonNull(videos, "videos");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.playbacks = Objects.requireNonNull(playbacks, "playbacks");
        this.clock = Objects.requireNonNull(clock, "clock");
        captionsOn.addListener((property, old, on) -> showCaption());
    }

    /** Called with the report of the save that completed the lesson by watching. */
    public void onCompleted(Consumer<WatchReport> listener) {
        this.completed = Objects.requireNonNull(listener, "listener");
    }

    /** The player shows {@code shown}: saves and closes the video before, then opens this lesson's, if it has one. */
    public void show(LessonRef shown) {
        Objects.requireNonNull(shown, "shown");
        leave();
        lesson = shown;
        long request = loads.incrementAndGet();
        executors.load(() -> videos.open(shown.lesson()), found -> {
            if (request == loads.get()) {
                found.ifPresent(this::open);
            }
        }, feedback::failure);
    }

    private void open(VideoLesson found) {
        video = found;
        hasVideo.set(true);
        tracker = new WatchTracker(found.watched());
        completionReported = found.completed();
        duration.set(found.durationSeconds());
        lastReport = clock.instant();
        VideoCaptions track = found.captions().stream().filter(candidate -> candidate.unavailable().isEmpty()).findFirst()
                .orElse(found.captions().isEmpty() ? null : found.captions().get(0));
        cues = track == null ? Captions.none() : track.cues();
        captionsAvailable.set(!cues.cues().isEmpty());
        captionsNote.set(track == null ? messages.get("captions.none") : track.unavailable().isEmpty()
                ? messages.format("captions.track", track.label()) : track.unavailable());
        showWatched();
        showTime();
        if (found.file().isEmpty()) {
            message.set(messages.get("notHereYet"));
            return;
        }
        playback.set(playbacks.open(found.file().get(), this));
    }

    /** Saves where the learner is in the video shown and closes it (another lesson is shown, or the window closes). */
    public void leave() {
        loads.incrementAndGet();
        Playback current = playback.get();
        if (current != null) {
            report();
            current.dispose();
        }
        playback.set(null);
        video = null;
        tracker = null;
        cues = Captions.none();
        hasVideo.set(false);
        ready.set(false);
        playing.set(false);
        message.set("");
        caption.set("");
        position.set(0);
        duration.set(0);
        captionsAvailable.set(false);
        watchedText.set("");
        timeText.set("");
    }

    /**
     * Starts {@code lesson}'s video at {@code seconds} (a note's or a bookmark's time): now when it is the video
     * shown, otherwise once that lesson's video is ready.
     */
    public void seekWhenShown(LessonId lessonId, int seconds) {
        Objects.requireNonNull(lessonId, "lessonId");
        if (ready.get() && lesson != null && lesson.lesson().equals(lessonId)) {
            seekTo(seconds);
            return;
        }
        seekLesson = lessonId;
        seekSeconds = Math.max(0, seconds);
    }

    /** The second of the video shown, once it is ready (for a note's or a bookmark's time). */
    public Optional<Integer> currentSecond() {
        return ready.get() ? Optional.of((int) Math.floor(position.get())) : Optional.empty();
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        Playback current = playback.get();
        if (current == null || !ready.get()) {
            return;
        }
        if (duration.get() > 0 && position.get() >= duration.get() - 0.25) {
            seekTo(0);
        }
        current.play();
    }

    public void pause() {
        Playback current = playback.get();
        if (current != null && ready.get()) {
            current.pause();
        }
    }

    /** Moves {@code seconds} forward (or back, when negative). */
    public void seekBy(double seconds) {
        seekTo(position.get() + seconds);
    }

    /** Moves to {@code seconds}, kept within the video; the part skipped does not count as watched. */
    public void seekTo(double seconds) {
        Playback current = playback.get();
        if (current == null || !ready.get()) {
            return;
        }
        double target = Math.max(0, duration.get() > 0 ? Math.min(seconds, duration.get()) : seconds);
        tracker.soughtTo(target);
        current.seek(target);
        position.set(target);
        showCaption();
        showTime();
    }

    public void seekToStart() {
        seekTo(0);
    }

    public void seekToEnd() {
        seekTo(duration.get());
    }

    /** Sets the speed, kept between the slowest and the fastest of {@link #RATES}. */
    public void setRate(double value) {
        double kept = Math.max(RATES.get(0), Math.min(RATES.get(RATES.size() - 1), value));
        rate.set(kept);
        Optional.ofNullable(playback.get()).ifPresent(current -> current.rate(kept));
    }

    /** Sets the volume, 0 to 1. */
    public void setVolume(double value) {
        double kept = Math.max(0, Math.min(1, value));
        volume.set(kept);
        Optional.ofNullable(playback.get()).ifPresent(current -> current.volume(kept));
    }

    public void changeVolume(double by) {
        setVolume(volume.get() + by);
    }

    public void toggleCaptions() {
        captionsOn.set(!captionsOn.get());
        feedback.status(!captionsAvailable.get() ? captionsNote.get()
                : messages.get(captionsOn.get() ? "captions.on" : "captions.off"));
    }

    /** Saves the time and the intervals watched; the window calls it as it closes. */
    public void close() {
        leave();
    }

    @Override
    public void ready(double durationSeconds) {
        if (video == null) {
            return;
        }
        if (durationSeconds > 0) {
            duration.set(durationSeconds);
        }
        ready.set(true);
        message.set("");
        Playback current = playback.get();
        current.rate(rate.get());
        current.volume(volume.get());
        boolean asked = seekLesson != null && seekLesson.equals(video.lesson());
        double start = asked ? seekSeconds : video.startAt();
        seekLesson = null;
        seekTo(start);
    }

    @Override
    public void time(double seconds) {
        if (tracker == null || Double.isNaN(seconds)) {
            return;
        }
        position.set(seconds);
        if (playing.get()) {
            tracker.playedTo(seconds);
            if (!completionReported && tracker.watched().completes(duration.get())) {
                completionReported = true;
                report();
            } else if (Duration.between(lastReport, clock.instant()).compareTo(REPORT_EVERY) >= 0) {
                report();
            }
        }
        showCaption();
        showTime();
        showWatched();
    }

    @Override
    public void playing(boolean now) {
        if (tracker == null) {
            return;
        }
        boolean was = playing.get();
        playing.set(now);
        if (was && !now) {
            tracker.paused(position.get());
            report();
        }
    }

    @Override
    public void ended() {
        if (tracker == null) {
            return;
        }
        tracker.reachedEnd(duration.get());
        position.set(duration.get());
        playing.set(false);
        showCaption();
        showTime();
        showWatched();
        report();
    }

    @Override
    public void failed(String why) {
        ready.set(false);
        playing.set(false);
        message.set(why);
    }

    /** Saves the position and the intervals watched in the background; tells {@link #onCompleted} when that completed the lesson. */
    private void report() {
        if (tracker == null || lesson == null || !(duration.get() > 0)) {
            return;
        }
        lastReport = clock.instant();
        LessonId reported = lesson.lesson();
        double at = position.get();
        double length = duration.get();
        WatchedIntervals watched = tracker.watched();
        executors.load(() -> videos.recordWatching(reported, at, length, watched), report -> {
            if (report.completedLesson()) {
                completed.accept(report);
            }
        }, feedback::failure);
    }

    private void showCaption() {
        caption.set(captionsOn.get() ? cues.textAt(position.get()) : "");
    }

    private void showTime() {
        timeText.set(messages.format("time", clockText(position.get()), clockText(duration.get())));
    }

    private void showWatched() {
        if (tracker == null || !(duration.get() > 0)) {
            watchedText.set("");
            return;
        }
        int percent = (int) Math.floor(tracker.watched().share(duration.get()) * 100);
        watchedText.set(completionReported ? messages.format("watched.share", percent)
                : messages.format("watched.toComplete", percent, Math.round(WatchedIntervals.COMPLETION_SHARE * 100)));
    }

    /** {@code 4:05}, or {@code 1:02:30} from an hour on. */
    static String clockText(double seconds) {
        return NotesMarkdown.videoTime((int) Math.floor(Math.max(0, Double.isNaN(seconds) ? 0 : seconds)));
    }

    /** The player of the video shown; null while none is open. */
    public ReadOnlyObjectProperty<Playback> playbackProperty() {
        return playback;
    }

    /** Whether the lesson shown has a video (playable or not). */
    public ReadOnlyBooleanProperty hasVideoProperty() {
        return hasVideo;
    }

    /** Whether the video is ready to play. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready;
    }

    /** Why the video does not play; empty while it can. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing;
    }

    /** Where the player is, in seconds. */
    public ReadOnlyDoubleProperty positionProperty() {
        return position;
    }

    /** The video's length in seconds; 0 until known. */
    public ReadOnlyDoubleProperty durationProperty() {
        return duration;
    }

    public ReadOnlyDoubleProperty rateProperty() {
        return rate;
    }

    public ReadOnlyDoubleProperty volumeProperty() {
        return volume;
    }

    /** Whether captions show (when the video has some). */
    public ReadOnlyBooleanProperty captionsOnProperty() {
        return captionsOn;
    }

    public ReadOnlyBooleanProperty captionsAvailableProperty() {
        return captionsAvailable;
    }

    /** The captions' name ("English captions"), or why there are none. */
    public ReadOnlyStringProperty captionsNoteProperty() {
        return captionsNote;
    }

    /** The caption showing now; empty between cues and while captions are off. */
    public ReadOnlyStringProperty captionProperty() {
        return caption;
    }

    /** "0:05 / 1:20". */
    public ReadOnlyStringProperty timeTextProperty() {
        return timeText;
    }

    /** "Watched 35% · completes at 90%". */
    public ReadOnlyStringProperty watchedTextProperty() {
        return watchedText;
    }
}
