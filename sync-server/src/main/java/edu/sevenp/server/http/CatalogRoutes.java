package edu.sevenp.server.http;

import edu.sevenp.server.catalog.CatalogQuery;
import edu.sevenp.server.catalog.CatalogService;
import edu.sevenp.server.catalog.Enrolled;
import edu.sevenp.server.problem.ApiProblem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The catalog, course details and enrollment (docs/sync-protocol.md, section 5). */
final class CatalogRoutes {

    /** Requests are strict (section 1): a misspelt parameter is an error, not a filter silently left out. */
    private static final Set<String> SEARCH_PARAMETERS = Set.of("q", "category", "difficulty", "language", "free", "sort",
            "page", "pageSize");

    /** A short list: the player shows a handful; the function itself takes up to 100. */
    static final int MAX_RECOMMENDATIONS = 20;
    private static final int DEFAULT_RECOMMENDATIONS = 5;

    private final CatalogService catalog;

    CatalogRoutes(CatalogService catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    void register(RoutesConfig routes) {
        routes.get(ProtocolGate.PREFIX + "/catalog", this::search);
        routes.get(ProtocolGate.PREFIX + "/catalog/categories", context ->
                context.json(catalog.categories(Callers.optional(context))));
        routes.get(ProtocolGate.PREFIX + "/recommendations", this::recommendations);
        routes.get(ProtocolGate.PREFIX + "/courses/{id}", context ->
                context.json(catalog.course(Callers.optional(context), Params.uuid(context, "id"))));
        routes.post(ProtocolGate.PREFIX + "/courses/{id}/enrollment", this::enroll);
        routes.delete(ProtocolGate.PREFIX + "/courses/{id}/enrollment", context ->
                context.json(catalog.drop(Callers.required(context), Params.uuid(context, "id"))));
    }

    private void search(Context context) {
        for (Map.Entry<String, List<String>> parameter : context.queryParamMap().entrySet()) {
            String name = parameter.getKey().length() > 50 ? parameter.getKey().substring(0, 50) : parameter.getKey();
            if (!SEARCH_PARAMETERS.contains(parameter.getKey())) {
                throw ApiProblem.invalidParameter(name, "The catalog has no parameter '" + name + "'; it takes q, category,"
                        + " difficulty, language, free, sort, page and pageSize.");
            }
            if (parameter.getValue().size() > 1) {
                throw ApiProblem.invalidParameter(name, name + " may be given once");
            }
        }
        CatalogQuery query = CatalogQuery.of(
                Params.text(context, "q", CatalogQuery.MAX_QUERY_LENGTH).orElse(null),
                Params.text(context, "category", 100).orElse(null),
                Params.text(context, "difficulty", 20).orElse(null),
                Params.text(context, "language", 10).orElse(null),
                Params.bool(context, "free").orElse(null),
                Params.text(context, "sort", 20).orElse(null),
                Params.integer(context, "page", 1, 1, CatalogQuery.MAX_PAGE),
                Params.integer(context, "pageSize", CatalogQuery.DEFAULT_PAGE_SIZE, 1, CatalogQuery.MAX_PAGE_SIZE));
        context.json(catalog.search(Callers.optional(context), query));
    }

    private void recommendations(Context context) {
        for (String name : context.queryParamMap().keySet()) {
            if (!name.equals("limit")) {
                String shown = name.length() > 50 ? name.substring(0, 50) : name;
                throw ApiProblem.invalidParameter(shown, "Recommendations take only limit (1 to " + MAX_RECOMMENDATIONS
                        + "), not '" + shown + "'.");
            }
        }
        int limit = Params.integer(context, "limit", DEFAULT_RECOMMENDATIONS, 1, MAX_RECOMMENDATIONS);
        context.json(catalog.recommendations(Callers.required(context), limit));
    }

    private void enroll(Context context) {
        Enrolled enrolled = catalog.enroll(Callers.required(context), Params.uuid(context, "id"));
        context.status(enrolled.created() ? HttpStatus.CREATED : HttpStatus.OK).json(enrolled.row());
    }
}
