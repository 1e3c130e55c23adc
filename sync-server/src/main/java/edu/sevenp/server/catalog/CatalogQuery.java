package edu.sevenp.server.catalog;

import edu.sevenp.server.problem.ApiProblem;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A search of the catalog (docs/sync-protocol.md, section 5), checked as it is made: a value outside its rules
 * is 400 {@code invalid_parameter} naming the parameter.
 *
 * @param query web-search words (1 to 200 characters), or null for no search
 * @param category a category's slug (its sub-categories included), or null
 * @param difficulty {@code beginner}, {@code intermediate}, {@code advanced}, or null
 * @param language a language code such as {@code en} or {@code pt-BR}, or null
 * @param free only free ({@code true}) or only paid ({@code false}) courses, or null for both
 */
public record CatalogQuery(String query, String category, String difficulty, String language, Boolean free,
        CatalogSort sort, int page, int pageSize) {

    public static final int MAX_QUERY_LENGTH = 200;
    public static final int MAX_PAGE = 10_000;
    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 20;

    private static final Set<String> DIFFICULTIES = Set.of("beginner", "intermediate", "advanced");
    /** course_categories.valid_category_slug, and the column's length. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_SLUG_LENGTH = 100;
    /** The schema's rule for users.language (courses.language has no rule of its own but its length, 10). */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");

    public CatalogQuery {
        if (query != null) {
            int length = query.codePointCount(0, query.length());
            if (query.isBlank() || length > MAX_QUERY_LENGTH) {
                throw ApiProblem.invalidParameter("q", "q must be 1 to " + MAX_QUERY_LENGTH + " characters, not only spaces");
            }
            if (query.chars().anyMatch(Character::isISOControl)) {
                throw ApiProblem.invalidParameter("q", "q must not contain control characters");
            }
        }
        if (category != null && (category.length() > MAX_SLUG_LENGTH || !SLUG.matcher(category).matches())) {
            throw ApiProblem.invalidParameter("category", "category must be a category's slug such as databases or web-design");
        }
        if (difficulty != null && !DIFFICULTIES.contains(difficulty)) {
            throw ApiProblem.invalidParameter("difficulty", "difficulty must be beginner, intermediate or advanced");
        }
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw ApiProblem.invalidParameter("language", "language must be a language code such as en or pt-BR");
        }
        if (sort == null) {
            throw ApiProblem.invalidParameter("sort", "sort must be relevance, newest, rating or popular");
        }
        if (page < 1 || page > MAX_PAGE) {
            throw ApiProblem.invalidParameter("page", "page must be a whole number from 1 to " + MAX_PAGE);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ApiProblem.invalidParameter("pageSize", "pageSize must be a whole number from 1 to " + MAX_PAGE_SIZE);
        }
    }

    /**
     * The query of a request's parameters, each null when absent: a blank search is no search, and the order is
     * relevance with a search and newest without one unless {@code sort} says otherwise.
     */
    public static CatalogQuery of(String q, String category, String difficulty, String language, Boolean free, String sort,
            Integer page, Integer pageSize) {
        String query = q == null || q.isBlank() ? null : q.strip();
        CatalogSort order = sort != null ? CatalogSort.parse(sort) : query != null ? CatalogSort.RELEVANCE : CatalogSort.NEWEST;
        return new CatalogQuery(query, category, difficulty, language, free, order, page == null ? 1 : page,
                pageSize == null ? DEFAULT_PAGE_SIZE : pageSize);
    }

    /** How many courses come before this page. */
    public int offset() {
        return (page - 1) * pageSize;
    }
}
