package edu.sevenp.desktop.ui.statistics;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/** The statistics screen's words, from its resource bundle, with dates and numbers in the instructor's locale. */
public final class StatisticsTexts {

    static final String BUNDLE = "edu.sevenp.desktop.ui.statistics.messages";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final DateTimeFormatter dateTimes;

    public StatisticsTexts(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
    }

    /** The text under {@code key}, with {@code arguments} formatted for the locale. */
    public String text(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /** A moment in the computer's time zone: "6 Dec 2026, 10:05". */
    public String dateTime(OffsetDateTime time, ZoneId zone) {
        return dateTimes.format(time.atZoneSameInstant(zone));
    }

    /** A figure with up to two decimals ("41.67", "41,67"); a dash when there is none. */
    public String number(BigDecimal value) {
        if (value == null) {
            return text("none");
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }
}
