package edu.sevenp.desktop.sync;

/**
 * A search of the server's catalog ({@code GET /catalog}, docs/sync-protocol.md section 5): words, a category's slug
 * and a difficulty, each optional (null or blank: any), and which page of how many courses.
 */
public record CatalogSearch(String text, String category, String difficulty, int page, int pageSize) {

    /** The protocol's most courses on one page. */
    public static final int MAX_PAGE_SIZE = 100;
    /** The protocol's longest search text. */
    public static final int MAX_TEXT = 200;

    public CatalogSearch {
        text = blankToNull(text);
        category = blankToNull(category);
        difficulty = blankToNull(difficulty);
        if (text != null && text.codePointCount(0, text.length()) > MAX_TEXT) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_TEXT));
        }
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + page);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }

    /** The first page of {@code pageSize} courses matching the words and filters. */
    public static CatalogSearch firstPage(String text, String category, String difficulty, int pageSize) {
        return new CatalogSearch(text, category, difficulty, 1, pageSize);
    }

    public CatalogSearch nextPage() {
        return new CatalogSearch(text, category, difficulty, page + 1, pageSize);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
