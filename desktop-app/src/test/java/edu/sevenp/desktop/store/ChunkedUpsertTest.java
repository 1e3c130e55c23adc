package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The upsert a course import and a pull share, on one mirrored table (users), in memory. */
class ChunkedUpsertTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("upsert-" + UUID.randomUUID());
    private final StatementLog log = new StatementLog();
    private final DSLContext dsl = log.watching(store.dsl());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void newRowsAreInsertedInChunksAndNothingIsUpdated() {
        Map<UUID, Map<Field<?>, Object>> rows = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            rows.put(UUID.randomUUID(), user("Learner " + i, null));
        }

        ChunkedUpsert.Written written = new ChunkedUpsert(2).write(dsl, USERS, USERS.ID, rows);

        assertThat(written).isEqualTo(new ChunkedUpsert.Written(5, 0));
        for (Map.Entry<UUID, Map<Field<?>, Object>> row : rows.entrySet()) {
            assertThat(store.dsl().select(USERS.NAME).from(USERS).where(USERS.ID.eq(row.getKey())).fetchOne(USERS.NAME))
                    .isEqualTo(row.getValue().get(USERS.NAME));
        }
    }

    @Test
    void aJsonValueIsStoredAsJsonNotAsAStringHoldingJson() {
        UUID instructor = UUID.randomUUID();
        insert(instructor, "Ines", null);
        UUID course = UUID.randomUUID();
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(COURSES.TITLE, "Joins");
        values.put(COURSES.SLUG, "joins");
        values.put(COURSES.INSTRUCTOR_ID, instructor);
        values.put(COURSES.LEARNING_OBJECTIVES, JSON.json("[\"LEFT JOIN\",\"INNER JOIN\"]"));

        new ChunkedUpsert().write(dsl, COURSES, COURSES.ID, Map.of(course, values));
        new ChunkedUpsert().write(dsl, COURSES, COURSES.ID, Map.of(course, values));

        assertThat(store.dsl().fetchValue("SELECT learning_objectives IS JSON ARRAY FROM courses WHERE id = ?", course))
                .isEqualTo(true);
    }

    @Test
    void aRowBreakingAReferenceIsAnIntegrityViolation() {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(COURSES.TITLE, "Orphan");
        values.put(COURSES.SLUG, "orphan");
        values.put(COURSES.INSTRUCTOR_ID, UUID.randomUUID());

        assertThatThrownBy(() -> new ChunkedUpsert().write(dsl, COURSES, COURSES.ID, Map.of(UUID.randomUUID(), values)))
                .isInstanceOf(org.jooq.exception.IntegrityConstraintViolationException.class);
    }

    @Test
    void rowsTheTableHoldsAreUpdatedAndTheOthersInserted() {
        UUID held = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        insert(held, "Ana", "old bio");
        Map<UUID, Map<Field<?>, Object>> rows = new LinkedHashMap<>();
        rows.put(held, user("Ana Lima", "new bio"));
        rows.put(fresh, user("Ben", null));

        ChunkedUpsert.Written written = new ChunkedUpsert().write(dsl, USERS, USERS.ID, rows);

        assertThat(written).isEqualTo(new ChunkedUpsert.Written(1, 1));
        assertThat(store.dsl().select(USERS.ID, USERS.NAME, USERS.BIO).from(USERS).where(USERS.ID.in(held, fresh))
                .fetch(row -> tuple(row.value1(), row.value2(), row.value3())))
                .containsExactlyInAnyOrder(tuple(held, "Ana Lima", "new bio"), tuple(fresh, "Ben", null));
    }

    @Test
    void columnsAndRowsNotGivenAreLeftAsTheyWere() {
        UUID held = UUID.randomUUID();
        insert(held, "Ana", "her bio");
        insert(UUID.randomUUID(), "Ben", "his bio");
        Map<String, Object> heldBefore = rows(USERS.ID.eq(held)).get(0);
        List<Map<String, Object>> othersBefore = rows(USERS.ID.ne(held));

        new ChunkedUpsert().write(dsl, USERS, USERS.ID, Map.of(held, Map.of(USERS.NAME, "Ana Lima")));

        Map<String, Object> heldAfter = new LinkedHashMap<>(heldBefore);
        heldAfter.put(USERS.NAME.getName(), "Ana Lima");
        assertThat(rows(USERS.ID.eq(held))).as("only the name given changed").containsExactly(heldAfter);
        assertThat(rows(USERS.ID.ne(held))).as("every other row, the profile's learner included").isEqualTo(othersBefore);
    }

    @Test
    void oneTransactionWritesAPageWhollyOrNotAtAll() {
        UUID held = UUID.randomUUID();
        insert(held, "Ana", null);
        Map<UUID, Map<Field<?>, Object>> rows = new LinkedHashMap<>();
        rows.put(held, user("Ana Lima", null));
        rows.put(UUID.randomUUID(), user("Ben", null));
        rows.put(UUID.randomUUID(), user(null, null));

        assertThatThrownBy(() -> store.dsl().transaction(configuration ->
                new ChunkedUpsert().write(configuration.dsl(), USERS, USERS.ID, rows)))
                .isInstanceOf(DataAccessException.class);

        assertThat(store.dsl().select(USERS.NAME).from(USERS).where(USERS.ID.eq(held)).fetchOne(USERS.NAME)).isEqualTo("Ana");
        assertThat(store.dsl().fetchCount(USERS)).as("the profile's learner and Ana").isEqualTo(2);
    }

    @Test
    void nothingToWriteRunsNoStatement() {
        assertThat(new ChunkedUpsert().write(dsl, USERS, USERS.ID, Map.<UUID, Map<Field<?>, Object>>of()))
                .isEqualTo(new ChunkedUpsert.Written(0, 0));
        assertThat(log.statements()).isEmpty();
    }

    @Test
    void rowsGivingDifferentColumnsOrTheirKeyAreRefusedBeforeAnyStatement() {
        Map<UUID, Map<Field<?>, Object>> uneven = new LinkedHashMap<>();
        uneven.put(UUID.randomUUID(), Map.of(USERS.NAME, "Ana"));
        uneven.put(UUID.randomUUID(), Map.of(USERS.NAME, "Ben", USERS.BIO, "bio"));
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> new ChunkedUpsert().write(dsl, USERS, USERS.ID, uneven))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkedUpsert().write(dsl, USERS, USERS.ID, Map.of(id, Map.of(USERS.ID, id))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(log.statements()).isEmpty();
    }

    private static Map<Field<?>, Object> user(String name, String bio) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(USERS.NAME, name);
        values.put(USERS.BIO, bio);
        values.put(USERS.UPDATED_AT, MONDAY);
        return values;
    }

    private List<Map<String, Object>> rows(Condition which) {
        return store.dsl().selectFrom(USERS).where(which).orderBy(USERS.ID).fetch().intoMaps();
    }

    private void insert(UUID id, String name, String bio) {
        store.dsl().insertInto(USERS).set(USERS.ID, id).set(USERS.NAME, name).set(USERS.BIO, bio)
                .set(USERS.UPDATED_AT, MONDAY).execute();
    }
}
