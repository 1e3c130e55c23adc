package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_PACKAGES;
import static edu.sevenp.desktop.store.schema.Tables.OUTBOX;
import static edu.sevenp.desktop.store.schema.Tables.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.testing.TestClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.TableField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The times the store writes of its own come from the clock it was opened with. */
class StoreClockTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00.123456Z");

    @TempDir
    Path temp;

    private final TestClock clock = new TestClock(MONDAY);
    private final LocalStore store = LocalStore.openInMemory("clock-" + UUID.randomUUID(), clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void settingsAreUpdatedAtTheStoresTime() {
        store.settings().put("player.volume", 0.5);

        assertThat(instants(SETTINGS.UPDATED_AT)).as("the profile's identity and the volume")
                .containsExactly(MONDAY.toInstant());
    }

    @Test
    void anImportWritesTheStoresTime() {
        store.importer().importPackage(PackageFixture.course("Timed", 1, 2).read(temp.resolve("p")));

        assertThat(instants(COURSES.UPDATED_AT)).containsExactly(MONDAY.toInstant());
        assertThat(instants(COURSES.PUBLISHED_AT)).containsExactly(MONDAY.toInstant());
        assertThat(instants(COURSE_LESSONS.UPDATED_AT)).containsExactly(MONDAY.toInstant());
        assertThat(instants(COURSE_PACKAGES.IMPORTED_AT)).containsExactly(MONDAY.toInstant());
    }

    @Test
    void anOutboxEntryIsCreatedAtTheStoresTime() {
        StoreFixture fixture = new StoreFixture(store);
        StoreFixture.FixtureCourse course = fixture.course("Notes", 1, 1);

        store.notes().create(fixture.learner(), course.lesson(0), "a note", null, MONDAY.minusDays(1));

        assertThat(instants(OUTBOX.CREATED_AT)).containsExactly(MONDAY.toInstant());
    }

    /** The distinct values of a time column, as instants. */
    private List<Instant> instants(TableField<?, OffsetDateTime> column) {
        return store.dsl().selectDistinct(column).from(column.getTable()).fetch(row -> row.value1().toInstant());
    }
}
