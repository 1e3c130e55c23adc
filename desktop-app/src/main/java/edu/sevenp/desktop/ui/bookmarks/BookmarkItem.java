package edu.sevenp.desktop.ui.bookmarks;

import edu.sevenp.model.learning.Bookmark;
import java.util.Objects;

/**
 * A bookmark as the list shows it.
 *
 * @param label the bookmark's title, or its lesson's title when it has none
 * @param lessonTitle the title of the bookmark's lesson
 */
public record BookmarkItem(Bookmark bookmark, String label, String lessonTitle) {

    public BookmarkItem {
        Objects.requireNonNull(bookmark, "bookmark");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(lessonTitle, "lessonTitle");
    }

    /** What renaming starts from: the bookmark's own title, or its lesson's when it has none. */
    public String editableTitle() {
        return bookmark.title() == null ? lessonTitle : bookmark.title();
    }
}
