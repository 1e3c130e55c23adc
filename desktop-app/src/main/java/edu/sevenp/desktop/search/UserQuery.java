package edu.sevenp.desktop.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;

/**
 * What the learner typed, as a Lucene query. Every word must match (in a title or in the text);
 * {@code "two words"} is a phrase; {@code word*} matches words starting so (three letters at least);
 * {@code -word} leaves out what has the word. Nothing else is an operator: any other character is
 * text, so no input is malformed, and input that leaves nothing to search for (empty, only stop words,
 * only exclusions, a lone {@code *}) finds nothing.
 */
final class UserQuery {

    /** Longer input is cut: nobody types more, and it bounds the work of one search. */
    static final int MAX_LENGTH = 500;
    static final int MIN_PREFIX = 3;

    private static final int OPERATORS = SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR | SimpleQueryParser.ESCAPE_OPERATOR;

    private final Analyzer analyzer;

    UserQuery(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The query, or empty when the input leaves nothing to search for. */
    Optional<Query> parse(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String text = input.length() > MAX_LENGTH ? input.substring(0, MAX_LENGTH) : input;
        Parser parser = new Parser(analyzer);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query query = parser.parse(text);
        return findsNothingUseful(query) ? Optional.empty() : Optional.of(query);
    }

    /**
     * The parser answers "nothing to search for" with a match-nothing query, and a query of exclusions
     * only with "everything but": neither is a search.
     */
    private static boolean findsNothingUseful(Query query) {
        if (query == null || query instanceof MatchNoDocsQuery || query instanceof MatchAllDocsQuery) {
            return true;
        }
        return query instanceof BooleanQuery bool
                && bool.clauses().stream().anyMatch(clause -> clause.getQuery() instanceof MatchAllDocsQuery);
    }

    /** Lucene's parser for user input (it never throws), with prefixes that agree with stemming. */
    private static final class Parser extends SimpleQueryParser {

        Parser(Analyzer analyzer) {
            super(analyzer, IndexFields.SEARCHED, OPERATORS);
        }

        /**
         * {@code databases*} must find "databases", which is indexed as its stem "databas": the prefix is
         * the stem of what was typed. Shorter than {@link #MIN_PREFIX}, it is searched as a plain word.
         */
        @Override
        public Query newPrefixQuery(String text) {
            String prefix = stemOrNormalised(text);
            if (prefix.length() < MIN_PREFIX) {
                return text.isBlank() ? null : newDefaultQuery(text);
            }
            BooleanQuery.Builder fields = new BooleanQuery.Builder();
            for (Map.Entry<String, Float> field : weights.entrySet()) {
                Query query = new PrefixQuery(new Term(field.getKey(), prefix));
                fields.add(field.getValue() == 1f ? query : new BoostQuery(query, field.getValue()),
                        BooleanClause.Occur.SHOULD);
            }
            return fields.build();
        }

        private String stemOrNormalised(String text) {
            List<String> tokens = new ArrayList<>();
            try (TokenStream stream = getAnalyzer().tokenStream(IndexFields.BODY, text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    tokens.add(term.toString());
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return tokens.size() == 1 ? tokens.get(0) : getAnalyzer().normalize(IndexFields.BODY, text).utf8ToString();
        }
    }
}
