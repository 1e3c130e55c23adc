package edu.sevenp.desktop.ui.common;

import java.util.Locale;
import java.util.Objects;

/**
 * Sizes as a file manager shows them, in the learner's language: "300 MB", "1.2 GB" in English, "1,2 GB" in German
 * (decimal units, as disks are sold and shown). The units are words of this package's bundle.
 */
public final class ByteSizes {

    private static final long KB = 1000;
    private static final long MB = KB * KB;
    private static final long GB = MB * KB;

    private final Messages messages;

    public ByteSizes(Locale locale) {
        this.messages = Messages.forPackage(ByteSizes.class.getPackageName(), Objects.requireNonNull(locale, "locale"));
    }

    /** In the default locale (the learner's language, set before any window is built). */
    public static ByteSizes inDefaultLocale() {
        return new ByteSizes(Locale.getDefault());
    }

    public String readable(long bytes) {
        if (bytes >= GB) {
            return messages.format("size.gb", bytes / (double) GB);
        }
        if (bytes >= MB) {
            return messages.format("size.mb", Math.round(bytes / (double) MB));
        }
        if (bytes >= KB) {
            return messages.format("size.kb", Math.round(bytes / (double) KB));
        }
        return messages.format("size.bytes", Math.max(0, bytes));
    }
}
