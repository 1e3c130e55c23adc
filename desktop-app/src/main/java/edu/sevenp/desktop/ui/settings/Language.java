package edu.sevenp.desktop.ui.settings;

import java.util.Locale;

/** The languages the player speaks: every UI package's {@code messages} bundle has each. */
public enum Language {
    ENGLISH("en"),
    GERMAN("de");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The ISO 639 language code. */
    public String tag() {
        return tag;
    }

    /** The language {@code locale} speaks, or English for any other. */
    public static Language of(Locale locale) {
        for (Language language : values()) {
            if (language.tag.equals(locale.getLanguage())) {
                return language;
            }
        }
        return ENGLISH;
    }

    /**
     * The locale to run in: the computer's own when it speaks this language (so that a Swiss German keeps Swiss dates
     * and an American English keeps American ones), else this language alone.
     */
    public Locale locale(Locale system) {
        return system.getLanguage().equals(tag) ? system : Locale.forLanguageTag(tag);
    }
}
