package edu.sevenp.desktop.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The learner's rows the server finds by more than their id (docs/sync-protocol.md, section 8): progress
 * by (user, lesson), an enrollment or a completion by (user, course), an attempt by its number. Two devices
 * can make such a row offline with different ids; the server keeps one. Before the server's row is stored,
 * the device's other row with the same key makes room for it, unless a change of it is still queued.
 */
final class NaturalKeys {

    private static final Map<String, List<String>> KEYS = Map.of(
            "lesson_progress", List.of("user_id", "lesson_id"),
            "enrollments", List.of("user_id", "course_id"),
            "course_completions", List.of("user_id", "course_id"),
            "quiz_attempts", List.of("quiz_id", "user_id", "attempt_number"),
            "user_achievements", List.of("user_id", "achievement_code", "course_id"));

    private final DSLContext tx;

    NaturalKeys(DSLContext tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    /**
     * Makes room for the server's {@code row}: the device's row with the same key and another id goes. Answers
     * false when that row has a change queued ({@code pending}), and the server's row must wait for the push
     * answer. A queued attempt is renumbered instead: its number is only the device's guess, and the
     * server numbers attempts itself.
     */
    boolean makeRoom(String tableName, WireRow row, Set<UUID> pending) {
        List<String> key = KEYS.get(tableName);
        if (key == null) {
            return true;
        }
        Table<?> table = ReplicaRows.table(tableName).orElseThrow();
        UUID id = row.id();
        Condition sameKey = DSL.noCondition();
        for (String column : key) {
            @SuppressWarnings("unchecked")
            Field<Object> field = (Field<Object>) table.field(column);
            String name = ReplicaRows.camelCase(column);
            if (!row.fields().containsKey(name)) {
                return true; // a row without its key columns cannot collide on them
            }
            Object value = row.fields().get(name);
            Object converted = ReplicaRows.convert(field, value);
            sameKey = sameKey.and(converted == null ? field.isNull() : field.eq(converted));
        }
        Field<UUID> idField = ReplicaRows.idOf(table);
        Optional<UUID> other = tx.select(idField).from(table).where(sameKey, idField.ne(id)).fetchOptional(idField);
        if (other.isEmpty()) {
            return true;
        }
        if (!pending.contains(other.get())) {
            tx.deleteFrom(table).where(idField.eq(other.get())).execute();
            return true;
        }
        if (tableName.equals("quiz_attempts")) {
            renumber(table, other.get(), row);
            return true;
        }
        return false;
    }

    private void renumber(Table<?> table, UUID attempt, WireRow row) {
        Field<Integer> number = table.field("attempt_number", Integer.class);
        Field<UUID> quiz = table.field("quiz_id", UUID.class);
        Field<UUID> user = table.field("user_id", UUID.class);
        UUID quizId = row.uuid("quizId");
        UUID userId = row.uuid("userId");
        Integer highest = tx.select(DSL.max(number)).from(table).where(quiz.eq(quizId), user.eq(userId)).fetchOne(0, Integer.class);
        int next = Math.max(highest == null ? 0 : highest, (Integer) ReplicaRows.convert(number, row.fields().get("attemptNumber"))) + 1;
        tx.update(table).set(number, next).where(ReplicaRows.idOf(table).eq(attempt)).execute();
    }
}
