package edu.sevenp.migrations.schema.rls;

import java.sql.SQLException;

/**
 * What a write did, in the access matrix's words: {@code ok} (rows changed), {@code hidden} (no row
 * matched: the USING clause of a policy filtered the target out), {@code rls} (the new row violates a
 * policy's WITH CHECK), {@code priv} (the request role lacks the table or column privilege),
 * {@code check} (a CHECK constraint or a trigger refused the row with check_violation), or an
 * unexpected error with its SQLSTATE.
 */
record Outcome(String code) {

    static final Outcome OK = new Outcome("ok");
    static final Outcome HIDDEN = new Outcome("hidden");
    static final Outcome RLS = new Outcome("rls");
    static final Outcome PRIV = new Outcome("priv");
    static final Outcome CHECK = new Outcome("check");

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String CHECK_VIOLATION = "23514";

    static Outcome ofCount(int rows) {
        return rows > 0 ? OK : HIDDEN;
    }

    static Outcome of(SQLException e) {
        if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
            return e.getMessage().contains("row-level security") ? RLS : PRIV;
        }
        if (CHECK_VIOLATION.equals(e.getSQLState())) {
            return CHECK;
        }
        return new Outcome("error " + e.getSQLState() + ": " + e.getMessage());
    }

    @Override
    public String toString() {
        return code;
    }
}
