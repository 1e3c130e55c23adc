package edu.sevenp.model.protocol;

import java.util.UUID;

/** An active category ({@code GET /catalog/categories}) with the number of published courses in it. */
public record CategoryView(UUID id, String slug, String name, UUID parentId, int courseCount) {
}
