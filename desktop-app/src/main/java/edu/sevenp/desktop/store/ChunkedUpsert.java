package edu.sevenp.desktop.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * Writes rows of one table by key, in the caller's transaction: rows the table does not hold yet are
 * inserted, in multi-row statements of at most {@link #chunkSize()} rows (a large course, or a pulled
 * page, is written in a few round trips), and the others are updated to the values given. Columns not
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
        List<List<Object>> inserts = new ArrayList<>();
        for (Map.Entry<K, ? extends Map<? extends Field<?>, ?>> row : rows.entrySet()) {
            if (existing.contains(row.getKey())) {
                tx.update(table).set(row.getValue()).where(key.eq(row.getKey())).execute();
            } else {
                List<Object> values = new ArrayList<>(columns.size());
                values.add(row.getKey());
                columns.subList(1, columns.size()).forEach(column -> values.add(row.getValue().get(column)));
                inserts.add(values);
            }
        }
        for (List<List<Object>> chunk : chunks(inserts)) {
            InsertValuesStepN<R> insert = tx.insertInto(table, columns);
            for (List<Object> values : chunk) {
                insert = insert.values(values);
            }
            insert.execute();
        }
        return new Written(inserts.size(), rows.size() - inserts.size());
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
