package edu.sevenp.desktop.ui.conflicts;

import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.learning.NoteService;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.learning.ConflictingNote;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.learning.Note;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NoteConflictsViewModelTest {

    private final TestClock clock = new TestClock(OffsetDateTime.parse("2025-03-03T09:00:00Z"));
    private final LocalStore store = LocalStore.openInMemory("conflicts-vm-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final FixtureCourse course = fixture.course("Joins", 1, 1);
    private final NoteService notes = new NoteService(store.notes(), fixture.learner(), clock);
    private final AtomicInteger settled = new AtomicInteger();
    private final NoteConflictsViewModel model = new NoteConflictsViewModel(notes, UiExecutors.sameThread(),
            ZoneOffset.UTC, Locale.US, settled::incrementAndGet);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void showsEachConflictWithBothTextsAndWhenTheyWereWritten() {
        Note note = notes.create(course.lesson(0), "Joins match rows", null);
        copyOf(note, "Joins combine rows");

        model.refresh();

        assertThat(model.conflicts()).singleElement().satisfies(item -> {
            assertThat(item.currentText()).isEqualTo("Joins match rows");
            assertThat(item.currentHeading()).isEqualTo("The note now · written Mar 3, 2025, 9:00 AM");
            assertThat(item.copyText()).isEqualTo("Joins combine rows");
            assertThat(item.copyHeading()).isEqualTo("The other version · written Mar 2, 2025, 9:00 AM");
            assertThat(item.lesson()).startsWith("On “");
        });
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void settlingTellsTheSyncPanelAndSaysWhenNothingIsLeft() {
        Note note = notes.create(course.lesson(0), "Joins match rows", null);
        copyOf(note, "Joins combine rows");
        model.refresh();

        model.settle(model.conflicts().get(0), ConflictingNote.Choice.KEEP_COPY);

        assertThat(model.conflicts()).isEmpty();
        assertThat(settled.get()).isEqualTo(1);
        assertThat(model.messageProperty().get()).isEqualTo("No conflicting notes: everything is settled.");
        assertThat(notes.forLesson(course.lesson(0))).extracting(Note::content).containsExactly("Joins combine rows");
    }

    @Test
    void aConflictSettledMeanwhileIsSaidAndTheListReadAgain() {
        Note note = notes.create(course.lesson(0), "Joins match rows", null);
        copyOf(note, "Joins combine rows");
        model.refresh();
        ConflictItem shown = model.conflicts().get(0);
        notes.resolve(shown.copy(), ConflictingNote.Choice.KEEP_NOTE);

        model.settle(shown, ConflictingNote.Choice.KEEP_BOTH);

        assertThat(model.messageProperty().get()).isEqualTo("No conflicting notes: everything is settled.");
        assertThat(settled.get()).isZero();
        assertThat(notes.forLesson(course.lesson(0))).extracting(Note::content).containsExactly("Joins match rows");
    }

    private void copyOf(Note note, String text) {
        OffsetDateTime at = OffsetDateTime.parse("2025-03-02T09:00:00Z");
        fixture.dsl().insertInto(USER_NOTES).set(USER_NOTES.ID, UUID.randomUUID())
                .set(USER_NOTES.USER_ID, fixture.learner().value()).set(USER_NOTES.LESSON_ID, note.lessonId().value())
                .set(USER_NOTES.COURSE_ID, note.courseId().value()).set(USER_NOTES.CONTENT, text)
                .set(USER_NOTES.CREATED_AT, at).set(USER_NOTES.UPDATED_AT, at).set(USER_NOTES.ROW_VERSION, 1L)
                .set(USER_NOTES.CONFLICT_OF, note.id().value()).execute();
    }
}
