package edu.sevenp.desktop.ui.library;

import edu.sevenp.desktop.ui.common.ByteSizes;
import edu.sevenp.desktop.ui.common.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The library's words, from its resource bundle (messages.properties beside this class), with sizes, durations and
 * dates written for the bundle's locale. Taken when a view or view model is made (the learner's language then).
 */
final class LibraryTexts {

    private final Messages messages;
    private final ByteSizes sizes;
    private final DateTimeFormatter days;

    LibraryTexts(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.sizes = new ByteSizes(messages.locale());
        this.days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale());
    }

    /** In the default locale: the learner's language. */
    static LibraryTexts inDefaultLocale() {
        return new LibraryTexts(Messages.of(LibraryTexts.class));
    }

    ResourceBundle bundle() {
        return messages.bundle();
    }

    /** The pattern of {@code key} with {@code arguments} put in (a pattern always: {@code ''} is one apostrophe). */
    String text(String key, Object... arguments) {
        return messages.format(key, arguments);
    }

    /** "300 MB", "1.2 GB". */
    String size(long bytes) {
        return sizes.readable(bytes);
    }

    /** "45 min", "2 h 05 min"; under a minute counts as 0 min. */
    String duration(long seconds) {
        long minutes = Math.max(0, seconds) / 60;
        return minutes < 60 ? text("duration.minutes", minutes) : text("duration.hours", minutes / 60, minutes % 60);
    }

    /** "today", "yesterday", or the date in the locale's medium form. */
    String day(LocalDate date, LocalDate today) {
        if (date.equals(today)) {
            return text("day.today");
        }
        return date.equals(today.minusDays(1)) ? text("day.yesterday") : days.format(date);
    }

    /** Whole percent, rounded down so that a course shows 100 % only when it is complete. */
    String percent(LibraryRow row) {
        return text("row.percent", row.wholePercent());
    }
}
