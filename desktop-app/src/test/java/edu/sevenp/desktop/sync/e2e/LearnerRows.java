package edu.sevenp.desktop.sync.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreAccess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One learner's synced rows, as the server or one device holds them: every table of the user stream the device
 * mirrors, each row by id with every column both sides keep (row_version included), each value in one canonical
 * text so that PostgreSQL's and H2's answers compare equal when they mean the same (instants to the microsecond,
 * decimals without trailing zeros, JSON with sorted keys).
 *
 * @param tables table name to rows by id to column values
 */
record LearnerRows(Map<String, Map<UUID, Map<String, String>>> tables) {

    /** The synced columns of each table of the learner (docs/sync-protocol.md, section 14, as both sides keep them). */
    static final Map<String, List<String>> COLUMNS = columns();

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final String NULL = "∅";

    /** The learner's rows on the server, read as the superuser (beneath row-level security). */
    static LearnerRows onServer(DataSource superuser, UUID user) {
        try (Connection connection = superuser.getConnection()) {
            return read(connection, user);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the server's rows of " + user + ": " + e.getMessage(), e);
        }
    }

    /** The learner's rows in a device's store. */
    static LearnerRows onDevice(LocalStore store, UUID user) {
        return StoreAccess.dsl(store).connectionResult(connection -> read(connection, user));
    }

    /** SHA-256 over every table, row and value in a fixed order. */
    String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of one table, by id. */
    Map<UUID, Map<String, String>> table(String name) {
        return tables.getOrDefault(name, Map.of());
    }

    int rowCount() {
        return tables.values().stream().mapToInt(Map::size).sum();
    }

    /** Every row that differs from {@code other}'s, both versions side by side; empty when they are equal. */
    List<String> differences(LearnerRows other, String mine, String theirs) {
        List<String> differences = new ArrayList<>();
        for (String table : COLUMNS.keySet()) {
            Map<UUID, Map<String, String>> these = table(table);
            Map<UUID, Map<String, String>> those = other.table(table);
            TreeSet<UUID> ids = new TreeSet<>(these.keySet());
            ids.addAll(those.keySet());
            for (UUID id : ids) {
                Map<String, String> a = these.get(id);
                Map<String, String> b = those.get(id);
                if (!Objects.equals(a, b)) {
                    differences.add(table + " " + id + ":\n    " + mine + ": " + describe(a, b) + "\n    " + theirs + ": "
                            + describe(b, a));
                }
            }
        }
        return differences;
    }

    private static String describe(Map<String, String> row, Map<String, String> other) {
        if (row == null) {
            return "(no such row)";
        }
        if (other == null) {
            return row.toString();
        }
        Map<String, String> differing = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (!Objects.equals(value, other.get(column))) {
                differing.put(column, value);
            }
        });
        return differing + " (of " + row + ")";
    }

    private String canonical() {
        StringBuilder text = new StringBuilder();
        for (String table : COLUMNS.keySet()) {
            text.append(table).append('\n');
            new TreeMap<>(table(table)).forEach((id, row) -> {
                text.append(id);
                for (String column : COLUMNS.get(table)) {
                    text.append('\t').append(row.get(column));
                }
                text.append('\n');
            });
        }
        return text.toString();
    }

    private static LearnerRows read(Connection connection, UUID user) throws SQLException {
        Map<String, Map<UUID, Map<String, String>>> tables = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> table : COLUMNS.entrySet()) {
            Map<UUID, Map<String, String>> rows = new TreeMap<>();
            String sql = "SELECT id, " + String.join(", ", table.getValue()) + " FROM " + table.getKey() + " WHERE user_id = ?";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, user);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (String column : table.getValue()) {
                            row.put(column, canonical(result.getObject(column)));
                        }
                        rows.put(result.getObject("id", UUID.class), row);
                    }
                }
            }
            tables.put(table.getKey(), rows);
        }
        return new LearnerRows(tables);
    }

    private static String canonical(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().truncatedTo(ChronoUnit.MICROS).toString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().truncatedTo(ChronoUnit.MICROS).toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return json(new String(bytes, StandardCharsets.UTF_8));
        }
        if (value.getClass().getName().equals("org.postgresql.util.PGobject")) {
            return json(value.toString());
        }
        return value.toString();
    }

    private static String json(String text) {
        try {
            JsonNode node = CANONICAL.readTree(text);
            // H2 may hand a JSON value back as a JSON string holding the document.
            if (node.isTextual()) {
                node = CANONICAL.readTree(node.textValue());
            }
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(node, Object.class));
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("enrollments", List.of("user_id", "course_id", "status", "enrolled_at", "completed_at", "progress",
                "last_accessed_at", "status_changed_at", "updated_at", "row_version"));
        columns.put("lesson_progress", List.of("user_id", "lesson_id", "course_id", "status", "progress_percentage",
                "total_time_spent", "last_position", "started_at", "completed_at", "last_accessed_at", "interaction_count",
                "notes_count", "bookmarks_count", "created_at", "updated_at", "row_version"));
        columns.put("quiz_attempts", List.of("quiz_id", "user_id", "attempt_number", "status", "started_at", "completed_at",
                "time_taken", "score", "max_score", "percentage", "passed", "responses", "updated_at", "row_version"));
        columns.put("course_completions", List.of("user_id", "course_id", "completed_at", "completion_percentage",
                "total_time_spent", "final_score", "certificate_issued", "certificate_url", "rating", "review",
                "would_recommend", "reviewed_at", "updated_at", "row_version"));
        columns.put("user_notes", List.of("user_id", "lesson_id", "course_id", "content", "timestamp_in_video", "is_private",
                "conflict_of", "created_at", "updated_at", "edited_at", "row_version", "removed_lesson_title"));
        columns.put("user_bookmarks", List.of("user_id", "lesson_id", "course_id", "title", "timestamp_in_video", "notes",
                "created_at", "updated_at", "edited_at", "row_version"));
        return Collections.unmodifiableMap(columns);
    }
}
