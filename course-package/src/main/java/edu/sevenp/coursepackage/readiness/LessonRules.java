package edu.sevenp.coursepackage.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.coursepackage.readiness.PackageContents.Lesson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Warnings about each lesson as a whole: an empty body, no duration, a duration far from the time the lesson takes,
 * a video without captions.
 */
final class LessonRules implements ReadinessRule {

    /** Reading speed for the estimate: a common figure for adults reading instructional text on a screen. */
    static final int WORDS_PER_MINUTE = 200;
    /** A declared duration is far off when it differs from the estimate by more than this share of itself... */
    static final double MISMATCH_SHARE = 0.5;
    /** ...and by more than this many minutes (a 2-minute lesson declared as 4 is not worth a warning). */
    static final double MISMATCH_MINUTES = 5;

    @Override
    public List<ReadinessItem> check(PackageContents contents) {
        List<ReadinessItem> items = new ArrayList<>();
        for (Lesson lesson : contents.lessons()) {
            Optional<UUID> id = lesson.id();
            lesson.bodyText().filter(String::isBlank).ifPresent(text -> items.add(contents.item(Check.EMPTY_BODY,
                    lesson.pointer() + "/body", "names \"" + lesson.bodyPath().orElseThrow() + "\", which is empty: learners"
                            + " would see a blank lesson", id)));
            JsonNode declared = lesson.node().path("readingTimeMinutes");
            if (declared.isMissingNode() || declared.isNull()) {
                items.add(contents.item(Check.LESSON_WITHOUT_DURATION, lesson.pointer() + "/readingTimeMinutes",
                        "is missing: the course's length and a learner's time left leave this lesson out; add"
                                + " readingTimeMinutes", id));
            } else if (declared.isIntegralNumber() && declared.intValue() >= 0 && lesson.bodyText().isPresent()) {
                readingTime(contents, lesson, declared.intValue()).ifPresent(items::add);
            }
            if (PackageContents.textOf(lesson.node().path("video")).isPresent()
                    && lesson.node().path("captions").isEmpty()) {
                items.add(contents.item(Check.VIDEO_WITHOUT_CAPTIONS, lesson.pointer() + "/video", "the lesson's video has"
                        + " no captions: learners who cannot hear it, or watch without sound, miss what is said; add"
                        + " captions (a WebVTT file, format 3)", id));
            }
        }
        return items;
    }

    /** The time a lesson takes: its words at {@link #WORDS_PER_MINUTE}, plus its video's length when the manifest gives it. */
    static double estimatedMinutes(PackageContents contents, Lesson lesson) {
        return (double) lesson.links().words() / WORDS_PER_MINUTE + videoSeconds(contents, lesson) / 60.0;
    }

    private static Optional<ReadinessItem> readingTime(PackageContents contents, Lesson lesson, int declared) {
        double estimated = estimatedMinutes(contents, lesson);
        double difference = Math.abs(estimated - declared);
        if (difference <= declared * MISMATCH_SHARE || difference <= MISMATCH_MINUTES) {
            return Optional.empty();
        }
        int videoSeconds = videoSeconds(contents, lesson);
        return Optional.of(contents.item(Check.READING_TIME_MISMATCH, lesson.pointer() + "/readingTimeMinutes",
                "is " + declared + ", but the lesson takes about " + Math.round(estimated) + " minutes ("
                        + lesson.links().words() + " words at " + WORDS_PER_MINUTE + " a minute"
                        + (videoSeconds > 0 ? " and a video of " + Math.round(videoSeconds / 60.0) + " minutes" : "")
                        + "); fix readingTimeMinutes or the body", lesson.id()));
    }

    /** The length of the lesson's video, as its media entry gives it; 0 when it has none or says none. */
    private static int videoSeconds(PackageContents contents, Lesson lesson) {
        return PackageContents.uuid(lesson.node().path("video")).flatMap(contents::media)
                .map(entry -> entry.node().path("durationSeconds"))
                .filter(JsonNode::canConvertToInt)
                .map(JsonNode::intValue)
                .filter(seconds -> seconds > 0)
                .orElse(0);
    }
}
