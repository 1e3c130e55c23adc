package edu.sevenp.server.admin;

/**
 * Roles given by the operator on the server's command line, as the schema owner (implemented in server.db): the
 * way the first administrator is made, before anybody can use the administration API.
 */
public interface RoleGrants {

    enum Outcome {
        /** The account did not hold the role and now does. */
        GRANTED,
        /** The account held the role until an expiry and now holds it for good. */
        RENEWED,
        /** The account already held the role for good. */
        HELD
    }

    /** Gives the account of {@code email} the role for good; throws {@code ApiProblem} {@code not_found} for no such account. */
    Outcome grant(String email, String role);
}
