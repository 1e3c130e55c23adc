package edu.sevenp.server.catalog;

import edu.sevenp.server.problem.ApiProblem;
import java.util.Locale;

/** The orders of the catalog (docs/sync-protocol.md, section 5). */
public enum CatalogSort {
    /** Best match first; without a search, the same as {@link #NEWEST}. */
    RELEVANCE,
    NEWEST,
    /** Highest average rating, then most reviews. */
    RATING,
    /** Most enrollments. */
    POPULAR;

    /** The parameter's value: {@code relevance}, {@code newest}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CatalogSort parse(String value) {
        for (CatalogSort sort : values()) {
            if (sort.code().equals(value)) {
                return sort;
            }
        }
        throw ApiProblem.invalidParameter("sort", "sort must be relevance, newest, rating or popular");
    }
}
