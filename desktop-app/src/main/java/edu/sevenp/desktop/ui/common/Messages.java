package edu.sevenp.desktop.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The words of one UI package, in the learner's language: {@code edu/sevenp/desktop/ui/<package>/messages.properties}
 * (English) and {@code messages_de.properties} (German), read as UTF-8. The locale is {@link Locale#getDefault()},
 * which the launcher sets from the learner's language setting before any window is built; so a view takes its
 * {@code Messages} when it is made, never in a static field (a test may build windows in another language).
 *
 * <p>Patterns are {@link MessageFormat}'s, formatted with the bundle's locale: {@code {0,number,integer}} writes
 * "1,234" in English and "1.234" in German, and plurals are choices, as in
 * {@code {0,choice,1#1 note|1<{0,number,integer} notes}}.
 */
public final class Messages {

    /**
     * Never the default locale's bundle in place of the one asked for: English is the base bundle, and asking for it
     * while the default locale is German must not give German.
     */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The bundle of the package that {@code type} is in, in the default locale. */
    public static Messages of(Class<?> type) {
        return forPackage(type.getPackageName(), Locale.getDefault());
    }

    /** The bundle {@code <packageName>.messages} in {@code locale}. */
    public static Messages forPackage(String packageName, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        ResourceBundle bundle = ResourceBundle.getBundle(bundleName(packageName), locale, NO_FALLBACK);
        return new Messages(bundle, locale);
    }

    /** The bundle {@code <package of type>.messages}, or null when that package has none yet. */
    public static ResourceBundle bundleOrNull(Class<?> type) {
        try {
            return ResourceBundle.getBundle(bundleName(type.getPackageName()), Locale.getDefault(), NO_FALLBACK);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** {@code edu.sevenp.desktop.ui.sync} to {@code edu.sevenp.desktop.ui.sync.messages}. */
    public static String bundleName(String packageName) {
        return Objects.requireNonNull(packageName, "packageName") + ".messages";
    }

    /** The text of {@code key}, as it is (no pattern applied: an apostrophe stays one). */
    public String get(String key) {
        return bundle.getString(key);
    }

    /** The pattern of {@code key} with {@code arguments} put in, numbers and dates written for the locale. */
    public String format(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }
}
