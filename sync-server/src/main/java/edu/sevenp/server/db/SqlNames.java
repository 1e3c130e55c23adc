package edu.sevenp.server.db;

import java.util.regex.Pattern;

/** Names as an operator would type them into the SQL a start-up message suggests. */
final class SqlNames {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private SqlNames() {
    }

    /** The name itself when it needs no quotes, otherwise in double quotes. */
    static String of(String name) {
        return PLAIN.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
    }
}
