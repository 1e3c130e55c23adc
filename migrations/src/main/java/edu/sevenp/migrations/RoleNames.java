package edu.sevenp.migrations;

import java.util.regex.Pattern;

/**
 * Role and database names go into statements that take no bind parameters (CREATE ROLE, GRANT,
 * SET ROLE, CREATE DATABASE). Only plain lower-case identifiers are accepted, so no name can change
 * a statement's shape.
 */
public final class RoleNames {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private RoleNames() {
    }

    public static String requirePlain(String name) {
        if (name == null || !PLAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain identifier (lower-case letters, digits and _): '" + name + "'");
        }
        return name;
    }

    /** The name, checked, in double quotes. */
    public static String quoted(String name) {
        return '"' + requirePlain(name) + '"';
    }
}
