package edu.sevenp.desktop.store;

import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Query;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.DataException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Writes rows of one table by key, in the caller's transaction: rows the table does not hold yet are
 * inserted and the others are updated to the values given, each in batches of at most {@link #chunkSize()}
 * rows bound to one prepared statement (a large course, or a pulled page, is written in a few round trips). Columns not
 * given and rows not given are left as they are. What a course import and a pull both need of every
 * mirrored table: rows matched by id, whoever made them.
 */
final class ChunkedUpsert {

    /** Rows per multi-row INSERT: few round trips, and a statement of bounded size. */
    static final int DEFAULT_CHUNK_SIZE = 200;

    /** What one call wrote. */
    record Written(int inserted, int updated) {
    }

    private final int chunkSize;

    ChunkedUpsert() {
        this(DEFAULT_CHUNK_SIZE);
    }

    ChunkedUpsert(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("a chunk holds 1 row or more, was " + chunkSize);
        }
        this.chunkSize = chunkSize;
    }

    int chunkSize() {
        return chunkSize;
    }

    /**
     * Writes {@code rows}, each given by its key and one map of column values that serves both ways.
     *
     * @param rows every map has the same columns, and none of them is the key
     * @throws IllegalArgumentException when the maps' columns differ, or one names the key
     */
    <R extends Record, K> Written write(DSLContext tx, Table<R> table, TableField<R, K> key,
            Map<K, ? extends Map<? extends Field<?>, ?>> rows) {
        if (rows.isEmpty()) {
            return new Written(0, 0);
        }
        List<Field<?>> columns = columns(table, key, rows);
        Set<K> existing = existingKeys(tx, table, key, rows.keySet());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Map.Entry<K, ? extends Map<? extends Field<?>, ?>> row : rows.entrySet()) {
            Object[] values = new Object[columns.size()];
            for (int i = 1; i < columns.size(); i++) {
                values[i - 1] = bindable(row.getValue().get(columns.get(i)));
            }
            values[columns.size() - 1] = row.getKey();
            (existing.contains(row.getKey()) ? updates : inserts).add(values);
        }
        // Each statement is rendered once and bound row by row in JDBC batches: rendering multi-row statements,
        // or binding through jOOQ, cost more than H2 writing the rows (JFR, docs/benchmarks.md, "Client sync").
        if (!inserts.isEmpty()) {
            List<Field<?>> rotated = rotated(columns);
            executeBatches(tx, tx.insertInto(table, rotated).values(placeholders(rotated)), inserts);
        }
        if (!updates.isEmpty()) {
            Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
            for (Field<?> column : columns.subList(1, columns.size())) {
                set.put(column, placeholder(column));
            }
            executeBatches(tx, tx.update(table).set(set).where(key.eq(DSL.val(null, key))), updates);
        }
        return new Written(inserts.size(), updates.size());
    }

    private void executeBatches(DSLContext tx, Query statement, List<Object[]> rows) {
        String sql = tx.render(statement);
        tx.connection(connection -> {
            try (PreparedStatement prepared = connection.prepareStatement(sql)) {
                for (List<Object[]> chunk : chunks(rows)) {
                    for (Object[] values : chunk) {
                        for (int i = 0; i < values.length; i++) {
                            prepared.setObject(i + 1, values[i]);
                        }
                        prepared.addBatch();
                    }
                    prepared.executeBatch();
                }
            } catch (SQLException e) {
                throw translated(sql, e);
            }
        });
    }

    /** As jOOQ reports a refused statement, so callers tell a refused row from a broken database. */
    private static DataAccessException translated(String sql, SQLException e) {
        SQLException cause = e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        String message = "SQL [" + sql + "]; " + cause.getMessage();
        if (state.startsWith("23")) {
            return new IntegrityConstraintViolationException(message, cause);
        }
        if (state.startsWith("22")) {
            return new DataException(message, cause);
        }
        return new DataAccessException(message, cause);
    }

    /** The columns with the key last, the order of the bound values of both statements. */
    private static List<Field<?>> rotated(List<Field<?>> columns) {
        List<Field<?>> rotated = new ArrayList<>(columns.subList(1, columns.size()));
        rotated.add(columns.get(0));
        return rotated;
    }

    /** Typed, so that a JSON column is bound as JSON and not as a string holding JSON. */
    private static List<Field<?>> placeholders(List<Field<?>> columns) {
        return columns.stream().<Field<?>>map(ChunkedUpsert::placeholder).toList();
    }

    private static Field<?> placeholder(Field<?> column) {
        if (column.getType() == JSON.class) {
            // Bound as text and read as JSON by H2: a JSON bind in a batch would arrive as a JSON string.
            return DSL.field("{0} format json", column.getDataType(), DSL.val(null, SQLDataType.VARCHAR));
        }
        return DSL.val(null, column.getDataType());
    }

    /** A JSON value travels as its text, for the placeholder above. */
    private static Object bindable(Object value) {
        return value instanceof JSON json ? json.data() : value;
    }

    /** The key, then the columns every row gives: an insert must name the same columns for each row. */
    private static <R extends Record, K> List<Field<?>> columns(Table<R> table, TableField<R, K> key,
            Map<K, ? extends Map<? extends Field<?>, ?>> rows) {
        Set<? extends Field<?>> first = rows.values().iterator().next().keySet();
        if (first.contains(key)) {
            throw new IllegalArgumentException("the values of a row of " + table.getName() + " name its key " + key.getName());
        }
        for (Map.Entry<K, ? extends Map<? extends Field<?>, ?>> row : rows.entrySet()) {
            if (!row.getValue().keySet().equals(first)) {
                throw new IllegalArgumentException("row " + row.getKey() + " of " + table.getName()
                        + " gives other columns than the first: " + row.getValue().keySet() + " instead of " + first);
            }
        }
        List<Field<?>> columns = new ArrayList<>(first.size() + 1);
        columns.add(key);
        columns.addAll(first);
        return columns;
    }

    private <R extends Record, K> Set<K> existingKeys(DSLContext tx, Table<R> table, TableField<R, K> key, Set<K> keys) {
        Set<K> existing = new HashSet<>();
        for (List<K> chunk : chunks(new ArrayList<>(keys))) {
            existing.addAll(tx.select(key).from(table).where(key.in(chunk)).fetch(key));
        }
        return existing;
    }

    private <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += chunkSize) {
            chunks.add(all.subList(from, Math.min(from + chunkSize, all.size())));
        }
        return chunks;
    }
}
