package edu.sevenp.desktop.store;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.desktop.store.schema.DefaultSchema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.exception.DataException;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Server rows written into the device's mirror as they came (docs/sync-protocol.md, section 14): each
 * wire field goes to the column of the same name in snake case ({@code version} to {@code row_version});
 * fields the device does not keep are left out, and columns the wire does not carry keep their values. A
 * row the mirror refuses (what it refers to is not here yet) is handed back, never dropped.
 */
final class ReplicaRows {

    /** What one write did; {@code refused} rows are the caller's to park, with the database's reason. */
    record Outcome(int written, List<Refused> refused) {
    }

    record Refused(WireRow row, String reason) {
    }

    private final DSLContext tx;
    private final ChunkedUpsert upsert = new ChunkedUpsert();

    ReplicaRows(DSLContext tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    /** The mirror's table of this name, when the device keeps it. */
    static Optional<Table<?>> table(String name) {
        return Optional.ofNullable(DefaultSchema.DEFAULT_SCHEMA.getTable(name));
    }

    /** Every row is an object of the wire with at least its {@code id}; all rows are of {@code table}. */
    Outcome write(Table<?> table, List<WireRow> rows) {
        if (rows.isEmpty()) {
            return new Outcome(0, List.of());
        }
        try {
            writeChunked(table, rows);
            return new Outcome(rows.size(), List.of());
        } catch (IntegrityConstraintViolationException | DataException e) {
            // One row spoils a multi-row statement: write them one by one and hand back the refused.
            return writeOneByOne(table, rows);
        }
    }

    int delete(Table<?> table, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        // A removed lesson's notes stay, detached (RemovedLessons); its bookmarks and progress go with it.
        RemovedLessons.takenAlong(table, ids).ifPresent(lessons -> RemovedLessons.detachNotes(tx, lessons));
        return tx.deleteFrom(table).where(idOf(table).in(ids)).execute();
    }

    private Outcome writeOneByOne(Table<?> table, List<WireRow> rows) {
        int written = 0;
        List<Refused> refused = new ArrayList<>();
        for (WireRow row : rows) {
            try {
                writeChunked(table, List.of(row));
                written++;
            } catch (IntegrityConstraintViolationException | DataException e) {
                refused.add(new Refused(row, reason(e)));
            }
        }
        return new Outcome(written, refused);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void writeChunked(Table<?> table, List<WireRow> rows) {
        TableField<Record, UUID> id = (TableField<Record, UUID>) idOf(table);
        // Rows of one table can carry different fields (a later version of the server may add some): group
        // them by their set of columns, since one multi-row insert names one set.
        Map<List<Field<?>>, Map<UUID, Map<Field<?>, Object>>> byColumns = new LinkedHashMap<>();
        for (WireRow row : rows) {
            Map<Field<?>, Object> values = values(table, row);
            byColumns.computeIfAbsent(List.copyOf(values.keySet()), columns -> new LinkedHashMap<>()).put(row.id(), values);
        }
        for (Map<UUID, Map<Field<?>, Object>> group : byColumns.values()) {
            upsert.write(tx, (Table) table, id, group);
        }
    }

    /** The row's columns the table has, the key left out, in the table's column order. */
    private static Map<Field<?>, Object> values(Table<?> table, WireRow row) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        for (Field<?> field : table.fields()) {
            String column = field.getName().toLowerCase(Locale.ROOT);
            if (column.equals("id")) {
                continue;
            }
            String name = column.equals("row_version") ? "version" : camelCase(column);
            if (!row.fields().containsKey(name)) {
                continue;
            }
            Object value = row.fields().get(name);
            Object converted = convert(field, value);
            // The server's null where the device has a default ('[]' for a lesson's attachments): keep the default.
            if (converted != null || field.getDataType().nullable()) {
                values.put(field, converted);
            }
        }
        return values;
    }

    /** A wire value (a Java value of a row record, or a JSON node of a parked row) as the column's type. */
    static Object convert(Field<?> field, Object value) {
        if (value instanceof JsonNode node) {
            return convertJson(field, node);
        }
        if (value == null) {
            return null;
        }
        Class<?> type = field.getType();
        if (type.isInstance(value)) {
            return value;
        }
        return field.getDataType().convert(value);
    }

    private static Object convertJson(Field<?> field, JsonNode value) {
        Class<?> type = field.getType();
        if (type == JSON.class) {
            return value.isNull() ? null : JSON.json(value.toString());
        }
        if (value.isNull()) {
            return null;
        }
        if (type == UUID.class) {
            return UUID.fromString(value.asText());
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(value.asText());
        }
        if (type == BigDecimal.class) {
            return value.decimalValue();
        }
        if (type == Integer.class) {
            return value.intValue();
        }
        if (type == Long.class) {
            return value.longValue();
        }
        if (type == Short.class) {
            return value.shortValue();
        }
        if (type == Boolean.class) {
            return value.booleanValue();
        }
        if (type == String.class) {
            return value.isTextual() ? value.textValue() : value.toString();
        }
        return field.getDataType().convert(value.isTextual() ? value.textValue() : value.toString());
    }

    static Field<UUID> idOf(Table<?> table) {
        Field<?> id = table.field("id");
        if (id == null || id.getType() != UUID.class) {
            throw new IllegalArgumentException("the mirrored table " + table.getName() + " has no UUID id");
        }
        @SuppressWarnings("unchecked")
        Field<UUID> typed = (Field<UUID>) id;
        return typed;
    }

    static String camelCase(String column) {
        StringBuilder camel = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static String reason(RuntimeException e) {
        String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        int sql = message.indexOf("; SQL statement");
        String shortened = sql > 0 ? message.substring(0, sql) : message;
        return shortened.length() > 900 ? shortened.substring(0, 900) : shortened;
    }
}
