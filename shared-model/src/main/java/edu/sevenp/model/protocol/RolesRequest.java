package edu.sevenp.model.protocol;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code PUT /admin/users/{id}/roles}: exactly these roles.
 *
 * @param expiresAt when the roles this call adds expire, or null for never
 */
public record RolesRequest(List<String> roles, OffsetDateTime expiresAt) {

    public RolesRequest {
        roles = roles == null ? null : List.copyOf(roles);
    }
}
