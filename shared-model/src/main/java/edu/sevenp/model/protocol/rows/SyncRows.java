package edu.sevenp.model.protocol.rows;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The table name of each row type, read from {@link SyncRow}'s own type names so the two cannot drift. */
public final class SyncRows {

    private static final Map<Class<?>, String> TABLES = Arrays.stream(SyncRow.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

    private static final Map<String, Class<?>> TYPES = TABLES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private SyncRows() {
    }

    static String tableOf(Class<?> rowType) {
        String table = TABLES.get(rowType);
        if (table == null) {
            throw new IllegalArgumentException(rowType.getName() + " is not a sync row");
        }
        return table;
    }

    /** The row type of a table, or empty for a table that never travels. */
    @SuppressWarnings("unchecked")
    public static Optional<Class<? extends SyncRow>> typeOf(String table) {
        return Optional.ofNullable((Class<? extends SyncRow>) TYPES.get(table));
    }

    /** Every table a row can come from. */
    public static java.util.Set<String> tables() {
        return TYPES.keySet();
    }
}
