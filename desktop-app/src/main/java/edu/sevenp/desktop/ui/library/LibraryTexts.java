package edu.sevenp.desktop.ui.library;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The library's words, from its resource bundle (messages.properties beside this class). */
final class LibraryTexts {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("edu.sevenp.desktop.ui.library.messages");

    private LibraryTexts() {
    }

    static ResourceBundle bundle() {
        return BUNDLE;
    }

    static String text(String key, Object... arguments) {
        String pattern = BUNDLE.getString(key);
        return new MessageFormat(pattern, Locale.getDefault()).format(arguments);
    }
}
