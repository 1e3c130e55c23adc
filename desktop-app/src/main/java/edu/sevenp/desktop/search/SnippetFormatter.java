package edu.sevenp.desktop.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/** Turns the highlighter's passages into a {@link Snippet}: plain text, one line, with match ranges. */
final class SnippetFormatter extends PassageFormatter {

    static final String ELLIPSIS = "…";

    @Override
    public Snippet format(Passage[] passages, String content) {
        StringBuilder text = new StringBuilder();
        List<Snippet.Mark> marks = new ArrayList<>();
        int lastEnd = -1;
        for (Passage passage : passages) {
            int start = passage.getStartOffset();
            int end = Math.min(passage.getEndOffset(), content.length());
            while (start < end && Character.isWhitespace(content.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
                end--;
            }
            if (start >= end) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(' ').append(ELLIPSIS).append(' ');
            } else if (!content.substring(0, start).isBlank()) {
                text.append(ELLIPSIS).append(' ');
            }
            int shift = text.length() - start;
            for (int i = start; i < end; i++) {
                char c = content.charAt(i);
                text.append(Character.isWhitespace(c) ? ' ' : c);
            }
            addMarks(passage, start, end, shift, marks);
            lastEnd = end;
        }
        if (lastEnd >= 0 && !content.substring(lastEnd).isBlank()) {
            text.append(' ').append(ELLIPSIS);
        }
        return new Snippet(text.toString(), marks);
    }

    /** Matches in offset order; overlapping ones (a phrase and one of its words) become one mark. */
    private static void addMarks(Passage passage, int start, int end, int shift, List<Snippet.Mark> marks) {
        int[] starts = passage.getMatchStarts();
        int[] ends = passage.getMatchEnds();
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < passage.getNumMatches(); i++) {
            int from = Math.max(starts[i], start);
            int to = Math.min(ends[i], end);
            if (from < to) {
                ranges.add(new int[] {from, to});
            }
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        int passageMarks = marks.size();
        for (int[] range : ranges) {
            int from = range[0] + shift;
            int to = range[1] + shift;
            if (marks.size() > passageMarks && from <= marks.get(marks.size() - 1).end()) {
                Snippet.Mark last = marks.remove(marks.size() - 1);
                marks.add(new Snippet.Mark(last.start(), Math.max(last.end(), to)));
            } else {
                marks.add(new Snippet.Mark(from, to));
            }
        }
    }
}
