package edu.sevenp.desktop.search;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.SectionId;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Runs a query on a searcher and turns the best documents into results with snippets. */
final class HitSearch {

    /** Snippets come from the first this-many characters of a text (a match further on shows its start). */
    static final int SNIPPET_SOURCE_CHARS = 50_000;
    /** About this long each; a snippet has at most two, joined by "…". */
    static final int PASSAGE_CHARS = 140;
    static final int PASSAGES = 2;
    /** Where in a passage its first match sits: a little context before, more after. */
    static final float MATCH_POSITION = 0.3f;

    private static final Set<String> SHOWN = Set.of(IndexFields.TYPE, IndexFields.ID, IndexFields.COURSE,
            IndexFields.LESSON, IndexFields.SECTION, IndexFields.DISPLAY_TITLE);

    private final Analyzer analyzer;

    HitSearch(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    List<SearchHit> search(IndexSearcher searcher, Query query, int limit) throws IOException {
        TopDocs top = searcher.search(query, limit);
        if (top.scoreDocs.length == 0) {
            return List.of();
        }
        int[] docIds = new int[top.scoreDocs.length];
        for (int i = 0; i < docIds.length; i++) {
            docIds[i] = top.scoreDocs[i].doc;
        }
        Object[] snippets = highlighter(searcher).snippets(IndexFields.BODY, query, docIds, PASSAGES);
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            ScoreDoc scored = top.scoreDocs[i];
            Snippet snippet = snippets[i] instanceof Snippet found ? found : Snippet.empty();
            hits.add(hit(stored.document(scored.doc, SHOWN), snippet, scored.score));
        }
        return hits;
    }

    private SnippetHighlighter highlighter(IndexSearcher searcher) {
        return new SnippetHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new SnippetFormatter())
                .withMaxLength(SNIPPET_SOURCE_CHARS)
                .withMaxNoHighlightPassages(1)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_CHARS, MATCH_POSITION)));
    }

    /** Lucene's highlighter, giving out the formatter's {@link Snippet}s rather than strings. */
    private static final class SnippetHighlighter extends UnifiedHighlighter {

        SnippetHighlighter(UnifiedHighlighter.Builder builder) {
            super(builder);
        }

        Object[] snippets(String field, Query query, int[] docIds, int passages) throws IOException {
            return highlightFieldsAsObjects(new String[] {field}, query, docIds, new int[] {passages}).get(field);
        }
    }

    private static SearchHit hit(Document document, Snippet snippet, float score) {
        String lesson = document.get(IndexFields.LESSON);
        String section = document.get(IndexFields.SECTION);
        return new SearchHit(HitType.of(document.get(IndexFields.TYPE)),
                UUID.fromString(document.get(IndexFields.ID)),
                new CourseId(UUID.fromString(document.get(IndexFields.COURSE))),
                lesson == null ? null : new LessonId(UUID.fromString(lesson)),
                section == null ? null : new SectionId(UUID.fromString(section)),
                document.get(IndexFields.DISPLAY_TITLE),
                snippet,
                score);
    }
}
