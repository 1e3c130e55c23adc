package edu.sevenp.desktop.ui.notes;

import edu.sevenp.desktop.learning.NotesMarkdown;
import edu.sevenp.desktop.ui.common.Messages;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A time in a lesson's video as the learner writes it: {@code m:ss} or {@code h:mm:ss}. */
final class VideoTime {

    private static final Pattern MINUTES = Pattern.compile("(\\d{1,4}):([0-5]\\d)");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,3}):([0-5]\\d):([0-5]\\d)");

    private VideoTime() {
    }

    /**
     * @return the time in seconds, or null for a blank text (no time)
     * @throws IllegalArgumentException the text is neither form; the message says how to write it, in the words of
     *     {@code messages}
     */
    static Integer parse(String text, Messages messages) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        Matcher hours = HOURS.matcher(trimmed);
        if (hours.matches()) {
            return Integer.parseInt(hours.group(1)) * 3600 + Integer.parseInt(hours.group(2)) * 60
                    + Integer.parseInt(hours.group(3));
        }
        Matcher minutes = MINUTES.matcher(trimmed);
        if (minutes.matches()) {
            return Integer.parseInt(minutes.group(1)) * 60 + Integer.parseInt(minutes.group(2));
        }
        throw new IllegalArgumentException(messages.format("videoTime.invalid", trimmed));
    }

    /** {@code 4:05} below an hour, {@code 1:02:30} from an hour on. */
    static String format(int seconds) {
        return NotesMarkdown.videoTime(seconds);
    }
}
