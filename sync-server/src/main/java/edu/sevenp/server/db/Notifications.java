package edu.sevenp.server.db;

import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The push channel's notifications (docs/sync-protocol.md, section 12), sent in the writing transaction so that
 * PostgreSQL delivers them only if it commits. Triggers notify for rows in the change feed; a change of what a
 * user is entitled to (purchases, subscriptions, roles) is not such a row, so its writer says it here.
 */
final class Notifications {

    static final String CHANNEL = "sevenp_sync";

    private Notifications() {
    }

    /** The user's devices have something to pull (V18's payload: {@code u:<user id>}). */
    static void user(DSLContext tx, UUID user) {
        tx.fetch("select pg_notify({0}, {1})", org.jooq.impl.DSL.val(CHANNEL), org.jooq.impl.DSL.val("u:" + user));
    }
}
