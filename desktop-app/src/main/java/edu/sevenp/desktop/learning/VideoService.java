package edu.sevenp.desktop.learning;

import edu.sevenp.coursepackage.captions.Captions;
import edu.sevenp.coursepackage.captions.WebVtt;
import edu.sevenp.desktop.learning.WatchedIntervals.Interval;
import edu.sevenp.desktop.media.CaptionTrack;
import edu.sevenp.desktop.media.LessonVideo;
import edu.sevenp.desktop.store.MediaLibrary;
import edu.sevenp.desktop.store.SettingsRepository;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.learning.LessonProgress;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Video lessons: opens a lesson's video with its captions, where to resume it and what the learner has already
 * watched, and records watching. A video lesson completes from the parts actually watched
 * ({@link WatchedIntervals}: {@link WatchedIntervals#COMPLETION_SHARE} of it), never from where the slider was
 * dragged. The position and the share watched go to the learner's progress, which syncs; the intervals themselves
 * stay in the profile's settings on this device.
 */
public final class VideoService {

    private static final Logger LOG = LoggerFactory.getLogger(VideoService.class);

    static final String WATCHED_PREFIX = "video.watched.";

    private final MediaLibrary media;
    private final SettingsRepository settings;
    private final ProgressService progress;

    public VideoService(MediaLibrary media, SettingsRepository settings, ProgressService progress) {
        this.media = Objects.requireNonNull(media, "media");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The lesson's video ready to play; empty when the lesson has none. Reads files: call it in the background. */
    public Optional<VideoLesson> open(LessonId lesson) {
        Objects.requireNonNull(lesson, "lesson");
        Optional<LessonVideo> found = media.video(lesson);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LessonVideo video = found.get();
        double duration = video.durationSeconds() == null ? 0 : video.durationSeconds();
        Optional<LessonProgress> current = progress.progress(lesson);
        int lastPosition = current.map(LessonProgress::lastPosition).orElse(0);
        boolean completed = current.map(LessonProgress::completed).orElse(false);
        return Optional.of(new VideoLesson(lesson, video.file(), duration,
                video.captions().stream().map(VideoService::read).toList(), watched(lesson),
                VideoResume.startAt(lastPosition, duration), completed));
    }

    /**
     * Records where the learner is in the video and what they have watched of it; completes the lesson once they
     * have watched enough of it (and not before).
     *
     * @param positionSeconds where the player is
     * @param durationSeconds the video's length as the player measured it
     * @return whether this completed the lesson, and with it perhaps the course
     */
    public WatchReport recordWatching(LessonId lesson, double positionSeconds, double durationSeconds,
            WatchedIntervals watched) {
        Objects.requireNonNull(lesson, "lesson");
        Objects.requireNonNull(watched, "watched");
        settings.put(key(lesson), watched.intervals().stream()
                .map(interval -> new double[] {tenths(interval.start()), tenths(interval.end())}).toList());
        double share = watched.share(durationSeconds);
        BigDecimal percentage = BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.DOWN).min(BigDecimal.valueOf(100));
        int position = (int) Math.max(0, Math.floor(Double.isNaN(positionSeconds) ? 0 : positionSeconds));
        ProgressWrite visit = progress.recordVisit(lesson, position, percentage, 0);
        if (visit.progress().completed() || !watched.completes(durationSeconds)) {
            return new WatchReport(share, false, false);
        }
        ProgressWrite completion = progress.markComplete(lesson, 0);
        return new WatchReport(share, true, completion.completedCourse());
    }

    /** What the learner has watched of the lesson's video on this device. */
    public WatchedIntervals watched(LessonId lesson) {
        double[][] stored = settings.get(key(lesson), double[][].class).orElse(new double[0][]);
        List<Interval> intervals = new ArrayList<>();
        for (double[] pair : stored) {
            if (pair != null && pair.length == 2 && pair[1] >= pair[0]) {
                intervals.add(new Interval(pair[0], pair[1]));
            }
        }
        return WatchedIntervals.of(intervals);
    }

    private static VideoCaptions read(CaptionTrack track) {
        if (track.file().isEmpty()) {
            return new VideoCaptions(track.language(), track.label(), Captions.none(),
                    LearningException.WORDS.text("captions.notHere"));
        }
        Path file = track.file().get();
        try {
            Captions cues = WebVtt.parse(Files.readString(file, StandardCharsets.UTF_8));
            return new VideoCaptions(track.language(), track.label(), cues,
                    cues.cues().isEmpty() && !cues.problems().isEmpty()
                            ? LearningException.WORDS.text("captions.unreadableAt", cues.problems().get(0).line()) : "");
        } catch (IOException | RuntimeException e) {
            // The file system's or the parser's words go to the log; the learner is told the captions are unreadable.
            LOG.warn("Captions {} could not be read", file, e);
            return new VideoCaptions(track.language(), track.label(), Captions.none(),
                    LearningException.WORDS.text("captions.unreadable"));
        }
    }

    private static double tenths(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    private static String key(LessonId lesson) {
        return WATCHED_PREFIX + lesson.value();
    }

    /**
     * What recording watching did.
     *
     * @param share the share of the video watched, 0 to 1
     * @param completedLesson whether this completed the lesson
     * @param completedCourse whether it also completed the course
     */
    public record WatchReport(double share, boolean completedLesson, boolean completedCourse) {
    }
}
