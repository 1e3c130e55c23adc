package edu.sevenp.model.protocol;

import java.util.List;

/** {@code GET /catalog}: one page of published courses. */
public record CatalogPage(List<CatalogItem> items, int page, int pageSize, long total) {

    public CatalogPage {
        items = List.copyOf(items);
    }
}
