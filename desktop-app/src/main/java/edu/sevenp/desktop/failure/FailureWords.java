package edu.sevenp.desktop.failure;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A service's words for the learner (an {@link ExplainedFailure}'s message), from the {@code messages} bundle in the
 * service's own package, in the default locale: the learner's language, set before any service is built. The bundles
 * hold MessageFormat patterns ({@code ''} for an apostrophe), in English and German ({@code messages_de.properties}).
 */
public final class FailureWords {

    private final String bundle;

    private FailureWords(String bundle) {
        this.bundle = bundle;
    }

    /** The words in the bundle beside {@code owner}: {@code <owner's package>/messages}. */
    public static FailureWords of(Class<?> owner) {
        return new FailureWords(owner.getPackageName() + ".messages");
    }

    /** The pattern {@code key} with {@code arguments}, in the default locale. */
    public String text(String key, Object... arguments) {
        return text(Locale.getDefault(), key, arguments);
    }

    /** As {@link #text(String, Object...)}, in {@code locale}. */
    public String text(Locale locale, String key, Object... arguments) {
        Objects.requireNonNull(locale, "locale");
        // No fallback to the default locale: English asked for while the default is German is the base bundle.
        ResourceBundle words = ResourceBundle.getBundle(bundle, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = words.getString(Objects.requireNonNull(key, "key"));
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
