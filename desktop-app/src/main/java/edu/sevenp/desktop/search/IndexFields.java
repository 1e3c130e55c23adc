package edu.sevenp.desktop.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/** The index's fields and their analysis, in one place so that writing, querying and reading agree. */
final class IndexFields {

    /** type:id, one document per key: what an update or a delete names. */
    static final String KEY = "key";
    static final String TYPE = "type";
    static final String ID = "id";
    static final String COURSE = "course_id";
    static final String SECTION = "section_id";
    static final String LESSON = "lesson_id";
    /** Stored only: what a result shows as its title (a note shows its lesson's title). */
    static final String DISPLAY_TITLE = "display_title";
    /** Searched: a lesson's or quiz's title. Notes have none. */
    static final String TITLE = "title";
    /** Searched and stored for snippets: lesson text without markup, quiz text, note content. */
    static final String BODY = "body";

    /** A word in a title counts four times a word in the text (BM25 scores multiplied). */
    static final float TITLE_BOOST = 4f;
    static final Map<String, Float> SEARCHED = Map.of(TITLE, TITLE_BOOST, BODY, 1f);

    /**
     * Searched text: tokenised, stored, and with offsets in the postings so that snippets are cut
     * without analysing the stored text again.
     */
    static final FieldType TEXT = textType();

    /**
     * The version of what the index holds and how. Raise it when a field, the analysis or the
     * document shape changes: an index with another version is rebuilt at start.
     */
    static final String FORMAT_VERSION = "1";
    static final String FORMAT_KEY = "sevenp.search.format";

    private IndexFields() {
    }

    /** English: standard tokenizer, lower case, English stop words, Porter stemming. */
    static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    private static FieldType textType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
