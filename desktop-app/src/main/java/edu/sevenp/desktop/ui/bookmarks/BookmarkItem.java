package edu.sevenp.desktop.ui.bookmarks;

import edu.sevenp.model.learning.Bookmark;
import java.util.Objects;

/**
 * A bookmark as the list shows it.
 *
 * @param label the bookmark's title, or its lesson's title when it has none
 */
public record BookmarkItem(Bookmark bookmark, String label) {

    public BookmarkItem {
        Objects.requireNonNull(bookmark, "bookmark");
        Objects.requireNonNull(label, "label");
    }
}
