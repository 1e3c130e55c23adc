package edu.sevenp.model.protocol;

import java.util.List;
import java.util.UUID;

/**
 * An account as its owner sees it.
 *
 * @param roles {@code learner}, {@code instructor}, {@code admin}
 * @param status {@code active} or {@code suspended}
 */
public record AccountView(UUID id, String email, String name, List<String> roles, String status) {

    public AccountView {
        roles = List.copyOf(roles);
    }
}
