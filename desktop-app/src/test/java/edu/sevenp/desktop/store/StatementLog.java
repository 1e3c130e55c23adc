package edu.sevenp.desktop.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;

/** The SQL statements run through a DSLContext, for tests that must see a statement happen (or not happen). */
final class StatementLog {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    /** {@code dsl}, with every statement it runs from now on written to this log once it has run. */
    DSLContext watching(DSLContext dsl) {
        return DSL.using(dsl.configuration().deriveAppending(ExecuteListener.onExecuteEnd(context -> {
            if (context.exception() == null) {
                statements.add(context.sql());
            }
        })));
    }

    /** Every statement so far, oldest first. */
    List<String> statements() {
        return List.copyOf(statements);
    }

    /** The statements that start with {@code keyword} (case-insensitive), such as "insert". */
    List<String> starting(String keyword) {
        return statements.stream().filter(sql -> sql.regionMatches(true, 0, keyword, 0, keyword.length())).toList();
    }

    int size() {
        return statements.size();
    }
}
