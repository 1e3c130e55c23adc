package edu.sevenp.desktop.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.model.protocol.rows.SyncRow;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One server row on its way into the mirror: its table, its id and its fields by wire name. Made straight
 * from the row record (its components read through cached handles: a JSON tree per row cost more than
 * writing the row), or from the JSON of a row that waited parked.
 */
record WireRow(String table, UUID id, Map<String, Object> fields) {

    private static final Map<Class<?>, List<Component>> COMPONENTS = new ConcurrentHashMap<>();

    private record Component(String name, MethodHandle accessor) {
    }

    WireRow {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fields, "fields");
    }

    static WireRow of(SyncRow row) {
        List<Component> components = COMPONENTS.computeIfAbsent(row.getClass(), WireRow::components);
        Map<String, Object> fields = new LinkedHashMap<>(components.size() * 2);
        for (Component component : components) {
            try {
                fields.put(component.name(), component.accessor().invoke(row));
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + component.name() + " of " + row.getClass().getSimpleName(), e);
            }
        }
        return new WireRow(row.table(), row.id(), fields);
    }

    /** A row as JSON (a parked one): values stay JSON nodes, which the writer converts like the others. */
    static WireRow of(String table, ObjectNode json) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = json.fields(); entries.hasNext();) {
            Map.Entry<String, JsonNode> entry = entries.next();
            fields.put(entry.getKey(), entry.getValue());
        }
        return new WireRow(table, UUID.fromString(json.get("id").asText()), fields);
    }

    /** The field as its text for a UUID, or empty: for the course a row belongs to. */
    UUID uuid(String name) {
        Object value = fields.get(name);
        if (value instanceof UUID uuid) {
            return uuid;
        }
        if (value instanceof JsonNode node && node.isTextual()) {
            return UUID.fromString(node.asText());
        }
        return null;
    }

    ObjectNode json(ObjectMapper mapper) {
        ObjectNode node = mapper.valueToTree(fields);
        node.put("entity", table);
        return node;
    }

    private static List<Component> components(Class<?> type) {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        return java.util.Arrays.stream(components).map(component -> {
            try {
                return new Component(component.getName(), lookup.unreflect(component.getAccessor()));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + type.getSimpleName(), e);
            }
        }).toList();
    }
}
