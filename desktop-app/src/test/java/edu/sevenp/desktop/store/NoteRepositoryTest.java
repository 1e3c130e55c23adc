package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Note;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NoteRepositoryTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");
    private static final OffsetDateTime TUESDAY = OffsetDateTime.parse("2025-03-04T09:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("notes-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final UserId learner = fixture.learner();
    private final FixtureCourse course = fixture.course("Joins", 2, 2);
    private final NoteRepository notes = store.notes();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNewNoteBelongsToTheLessonsCourseAndIsQueuedForSearch() {
        Note note = notes.create(learner, course.lesson(1), "LEFT JOIN keeps every left row", 42, MONDAY).orElseThrow();

        assertThat(note).isEqualTo(new Note(note.id(), learner, course.lesson(1), course.id(), "LEFT JOIN keeps every left row",
                42, MONDAY, MONDAY));
        assertThat(notes.find(learner, note.id())).contains(note);
        assertThat(fixture.searchQueue()).extracting(SearchQueue.Entry::type, SearchQueue.Entry::id)
                .containsExactly(tuple(SearchQueue.DocType.NOTE, note.id().value()));
    }

    @Test
    void editingReplacesTheTextAndTimeAndKeepsWhenItWasCreated() {
        Note note = notes.create(learner, course.lesson(0), "draft", 10, MONDAY).orElseThrow();

        Note edited = notes.edit(learner, note.id(), "final", null, TUESDAY).orElseThrow();

        assertThat(edited).isEqualTo(new Note(note.id(), learner, course.lesson(0), course.id(), "final", null, MONDAY, TUESDAY));
        assertThat(fixture.searchQueue()).hasSize(2);
    }

    @Test
    void deletingRemovesTheNoteAndQueuesItSoTheSearchIndexDropsIt() {
        Note note = notes.create(learner, course.lesson(0), "gone", null, MONDAY).orElseThrow();

        assertThat(notes.delete(learner, note.id(), TUESDAY)).isTrue();

        assertThat(notes.find(learner, note.id())).isEmpty();
        assertThat(fixture.searchQueue()).extracting(SearchQueue.Entry::id).containsExactly(note.id().value(), note.id().value());
    }

    @Test
    void aMissingNoteCanBeNeitherEditedNorDeleted() {
        assertThat(notes.edit(learner, NoteId.random(), "text", null, MONDAY)).isEmpty();
        assertThat(notes.delete(learner, NoteId.random(), MONDAY)).isFalse();
        assertThat(fixture.outbox()).isEmpty();
    }

    @Test
    void aNoteOnALessonOutsideTheLibraryIsNotSaved() {
        assertThat(notes.create(learner, LessonId.random(), "text", null, MONDAY)).isEmpty();
        assertThat(fixture.count(USER_NOTES)).isZero();
    }

    @Test
    void anotherLearnersNoteIsNeitherListedNorEditable() {
        UserId ben = fixture.user("Ben");
        Note hers = notes.create(learner, course.lesson(0), "mine", null, MONDAY).orElseThrow();
        notes.create(ben, course.lesson(0), "his", null, MONDAY);

        assertThat(notes.forLesson(learner, course.lesson(0))).containsExactly(hers);
        assertThat(notes.edit(ben, hers.id(), "taken over", null, TUESDAY)).isEmpty();
        assertThat(notes.delete(ben, hers.id(), TUESDAY)).isFalse();
    }

    @Test
    void aLessonsNotesComeInVideoOrderThenOldestFirst() {
        Note untimed = notes.create(learner, course.lesson(0), "untimed", null, MONDAY).orElseThrow();
        Note late = notes.create(learner, course.lesson(0), "late", 300, MONDAY).orElseThrow();
        Note early = notes.create(learner, course.lesson(0), "early", 10, TUESDAY).orElseThrow();
        Note earlyToo = notes.create(learner, course.lesson(0), "early too", 10, TUESDAY.plusSeconds(1)).orElseThrow();

        assertThat(notes.forLesson(learner, course.lesson(0))).containsExactly(early, earlyToo, late, untimed);
    }

    @Test
    void aCoursesNotesComeInTheCoursesOrderOfLessons() {
        Note inLast = notes.create(learner, course.lesson(3), "section 2, lesson 2", null, MONDAY).orElseThrow();
        Note inFirst = notes.create(learner, course.lesson(0), "section 1, lesson 1", null, TUESDAY).orElseThrow();
        Note inThird = notes.create(learner, course.lesson(2), "section 2, lesson 1", null, MONDAY).orElseThrow();
        notes.create(learner, fixture.course("Other", 1, 1).lesson(0), "elsewhere", null, MONDAY);

        assertThat(notes.forCourse(learner, course.id())).containsExactly(inFirst, inThird, inLast);
    }
}
