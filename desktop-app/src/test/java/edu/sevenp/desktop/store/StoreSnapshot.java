package edu.sevenp.desktop.store;

import edu.sevenp.desktop.store.schema.DefaultSchema;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Every row of every table of a store, as text, for tests that must show a store unchanged: compare
 * the snapshot taken before with the one taken after, as whole values. Includes the outbox and the
 * search queue.
 */
public final class StoreSnapshot {

    private StoreSnapshot() {
    }

    /** Table name to its rows (CSV, ordered by primary key). */
    public static Map<String, String> of(LocalStore store) {
        DSLContext dsl = store.dsl();
        Map<String, String> tables = new TreeMap<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            List<? extends Field<?>> order = table.getPrimaryKey() == null ? List.of(table.fields()[0])
                    : table.getPrimaryKey().getFields();
            tables.put(table.getName(), dsl.selectFrom(table).orderBy(order).fetch().formatCSV());
        }
        return tables;
    }

    /** Table name to its number of rows. */
    public static Map<String, Integer> rowCounts(LocalStore store) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            counts.put(table.getName(), store.dsl().fetchCount(table));
        }
        return counts;
    }
}
