package edu.sevenp.desktop.ui.catalog;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The catalog's words, from its resource bundle (messages.properties beside this class). */
final class CatalogTexts {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("edu.sevenp.desktop.ui.catalog.messages");

    private CatalogTexts() {
    }

    static String text(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(key), Locale.getDefault()).format(arguments);
    }
}
