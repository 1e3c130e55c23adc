package edu.sevenp.desktop.search;

import java.util.List;

/**
 * Results, best first. {@code complete} is false while the index is being rebuilt or is taking in a
 * large backlog: the hits are right for what is indexed so far, and more may come (tell the learner,
 * and offer to search again when {@link IndexStatus} is ready).
 */
public record SearchResults(List<SearchHit> hits, boolean complete) {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    static SearchResults none(boolean complete) {
        return new SearchResults(List.of(), complete);
    }
}
