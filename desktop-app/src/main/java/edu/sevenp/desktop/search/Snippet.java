package edu.sevenp.desktop.search;

import java.util.List;
import java.util.Objects;

/**
 * A piece of a result's text around what matched: plain text (no markup; "…" where text was left
 * out) and the ranges of the matched words in it. A view draws {@link #marks()} as it likes (bold,
 * a highlight); {@link #marked()} writes them between « and » for plain-text use (logs, tests, a
 * tooltip). Ranges are character offsets into {@link #text()}, start inclusive, end exclusive, in
 * order and not overlapping.
 */
public record Snippet(String text, List<Mark> marks) {

    public static final String OPEN_MARK = "«";
    public static final String CLOSE_MARK = "»";

    /** A matched range of the snippet's text. */
    public record Mark(int start, int end) {

        public Mark {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("a mark needs 0 <= start < end, was " + start + ".." + end);
            }
        }
    }

    public Snippet {
        Objects.requireNonNull(text, "text");
        marks = List.copyOf(marks);
        int previousEnd = 0;
        for (Mark mark : marks) {
            if (mark.start() < previousEnd || mark.end() > text.length()) {
                throw new IllegalArgumentException("marks must be in order, apart, and inside the text: " + marks);
            }
            previousEnd = mark.end();
        }
    }

    static Snippet empty() {
        return new Snippet("", List.of());
    }

    /** The text with each matched range between « and ». */
    public String marked() {
        return marked(OPEN_MARK, CLOSE_MARK);
    }

    public String marked(String open, String close) {
        StringBuilder out = new StringBuilder(text.length() + marks.size() * (open.length() + close.length()));
        int at = 0;
        for (Mark mark : marks) {
            out.append(text, at, mark.start()).append(open).append(text, mark.start(), mark.end()).append(close);
            at = mark.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
