package edu.sevenp.desktop.ui.dashboard;

import edu.sevenp.desktop.learning.Milestone;
import edu.sevenp.model.Difficulty;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/** The dashboard's words, from its resource bundle, with dates and numbers in the learner's locale. */
public final class DashboardTexts {

    static final String BUNDLE = "edu.sevenp.desktop.ui.dashboard.messages";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final DateTimeFormatter dates;

    public DashboardTexts(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    /** The text under {@code key}, with {@code arguments} formatted for the locale. */
    public String text(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    public String date(LocalDate date) {
        return dates.format(date);
    }

    /** "25 min" under an hour, else "2 h 5 min", or "2 h" on the hour. */
    public String duration(long seconds) {
        long minutes = seconds / 60;
        if (minutes < 60) {
            return text("duration.minutes", minutes);
        }
        return minutes % 60 == 0 ? text("duration.wholeHours", minutes / 60)
                : text("duration.hours", minutes / 60, minutes % 60);
    }

    public String difficulty(Difficulty difficulty) {
        return text(difficulty == null ? "difficulty.none" : "difficulty." + difficulty.code());
    }

    public String milestoneTitle(Milestone milestone) {
        return text("milestone." + milestone.code() + ".title");
    }

    public String milestoneDescription(Milestone milestone) {
        return text("milestone." + milestone.code() + ".description");
    }

    /** "Earned", "Not yet", or how far the learner is: "3 of 10", "25 min of 1 h". */
    public String milestoneStatus(Milestone milestone) {
        if (milestone.earned()) {
            return text("achievements.earned");
        }
        if (milestone.target() == 1) {
            return text("achievements.notYet");
        }
        return milestone.unit() == Milestone.Unit.SECONDS
                ? text("achievements.progress.time", duration(milestone.reached()), duration(milestone.target()))
                : text("achievements.progress", milestone.reached(), milestone.target());
    }
}
