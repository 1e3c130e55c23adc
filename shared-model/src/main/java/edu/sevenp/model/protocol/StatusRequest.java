package edu.sevenp.model.protocol;

/** {@code PUT /admin/users/{id}/status} and {@code PUT /admin/subscriptions/{id}/status}. */
public record StatusRequest(String status) {
}
