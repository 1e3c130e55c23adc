package edu.sevenp.server.admin;

import edu.sevenp.model.UserId;
import java.util.function.Function;

/** What administration needs of the database (implemented in server.db). */
public interface AdminStore {

    /**
     * Runs {@code work} in one transaction as {@code caller}: row-level security lets administrators do what
     * administration does, and nobody else.
     */
    <T> T as(UserId caller, Function<AdminSession, T> work);
}
