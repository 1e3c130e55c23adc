package edu.sevenp.desktop.store;

import org.jooq.DSLContext;

/** Lets tests outside the store package read a store's tables directly, to check what was written. */
public final class StoreAccess {

    private StoreAccess() {
    }

    public static DSLContext dsl(LocalStore store) {
        return store.dsl();
    }
}
