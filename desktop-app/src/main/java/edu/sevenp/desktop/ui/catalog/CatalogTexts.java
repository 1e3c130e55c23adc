package edu.sevenp.desktop.ui.catalog;

import edu.sevenp.desktop.ui.common.ByteSizes;
import edu.sevenp.desktop.ui.common.Messages;
import java.util.Objects;

/**
 * The catalog's words, from its resource bundle (messages.properties beside this class), with sizes written for the
 * bundle's locale. Taken when a view or view model is made (the learner's language then).
 */
final class CatalogTexts {

    private final Messages messages;
    private final ByteSizes sizes;

    CatalogTexts(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.sizes = new ByteSizes(messages.locale());
    }

    /** In the default locale: the learner's language. */
    static CatalogTexts inDefaultLocale() {
        return new CatalogTexts(Messages.of(CatalogTexts.class));
    }

    /** The pattern of {@code key} with {@code arguments} put in (a pattern always: {@code ''} is one apostrophe). */
    String text(String key, Object... arguments) {
        return messages.format(key, arguments);
    }

    /** "300 MB", "1.2 GB". */
    String size(long bytes) {
        return sizes.readable(bytes);
    }
}
