package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.learning.InvalidInputException.Problem;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.sync.ChangeOperation;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NoteServiceTest {

    private final TestClock clock = new TestClock(OffsetDateTime.parse("2025-03-03T09:00:00Z"));
    private final LocalStore store = LocalStore.openInMemory("note-service-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final FixtureCourse course = fixture.course("Joins", 1, 2);
    private final NoteService notes = new NoteService(store.notes(), fixture.learner(), clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNoteIsWrittenAtTheClocksTimeForTheProfilesLearner() {
        Note note = notes.create(course.lesson(0), "Outer joins keep unmatched rows", 95);

        assertThat(note).isEqualTo(new Note(note.id(), fixture.learner(), course.lesson(0), course.id(),
                "Outer joins keep unmatched rows", 95, clock.now(), clock.now()));
        assertThat(notes.forLesson(course.lesson(0))).containsExactly(note);
        assertThat(notes.forCourse(course.id())).containsExactly(note);
    }

    @Test
    void anEditKeepsTheNoteAndMovesItsTime() {
        Note note = notes.create(course.lesson(0), "draft", null);
        clock.advance(Duration.ofMinutes(5));

        Note edited = notes.edit(note.id(), "final", 12);

        assertThat(edited).isEqualTo(new Note(note.id(), fixture.learner(), course.lesson(0), course.id(), "final", 12,
                note.createdAt(), clock.now()));
    }

    @Test
    void anEmptyNoteIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> notes.create(course.lesson(0), "  \n", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("content", "A note cannot be empty.")));
        assertThatThrownBy(() -> notes.create(course.lesson(0), null, null)).isInstanceOf(InvalidInputException.class);

        assertThat(notes.forLesson(course.lesson(0))).isEmpty();
        assertThat(fixture.outbox()).isEmpty();
    }

    @Test
    void aNoteTooLongAndANegativeTimeAreReportedTogether() {
        String tooLong = "x".repeat(NoteService.MAX_LENGTH + 1);

        assertThatThrownBy(() -> notes.create(course.lesson(0), tooLong, -1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem("content", "A note can be at most 20,000 characters long; this one has 20,001."),
                        new Problem("timestampInVideo", "A time in the video cannot be negative.")))
                .hasMessage("A note can be at most 20,000 characters long; this one has 20,001. "
                        + "A time in the video cannot be negative.");
        assertThat(fixture.outbox()).isEmpty();
    }

    @Test
    void aNoteOfExactlyTheLongestLengthIsKept() {
        String longest = "y".repeat(NoteService.MAX_LENGTH);

        assertThat(notes.create(course.lesson(1), longest, 0).content()).isEqualTo(longest);
    }

    @Test
    void editingANoteDeletedMeanwhileSaysSo() {
        Note note = notes.create(course.lesson(0), "soon gone", null);
        notes.delete(note.id());

        assertThatThrownBy(() -> notes.edit(note.id(), "my careful rewrite", null))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("This note was deleted, so the change was not saved.");
    }

    @Test
    void deletingANoteTwiceIsHarmless() {
        Note note = notes.create(course.lesson(0), "once", null);

        notes.delete(note.id());
        notes.delete(note.id());
        notes.delete(NoteId.random());

        assertThat(notes.forLesson(course.lesson(0))).isEmpty();
        assertThat(fixture.outbox()).extracting(entry -> entry.operation()).containsExactly(ChangeOperation.UPSERT, ChangeOperation.DELETE);
    }

    @Test
    void aNoteOnALessonOutsideTheLibraryIsRefused() {
        assertThatThrownBy(() -> notes.create(LessonId.random(), "text", null))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("This lesson is no longer in your library, so the note was not saved.");
    }
}
