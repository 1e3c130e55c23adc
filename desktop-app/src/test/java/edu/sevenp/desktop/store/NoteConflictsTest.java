package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.OUTBOX;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.SyncEntity;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conflict copies (docs/sync-protocol.md 8.1) listed beside their note and settled in one transaction each. */
class NoteConflictsTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");
    private static final OffsetDateTime TUESDAY = OffsetDateTime.parse("2025-03-04T09:00:00Z");
    private static final OffsetDateTime FRIDAY = OffsetDateTime.parse("2025-03-07T09:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("conflicts-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final UserId learner = fixture.learner();
    private final FixtureCourse course = fixture.course("Joins", 1, 2);
    private final NoteRepository notes = store.notes();
    private Note original;
    private NoteId copy;

    @BeforeEach
    void conflict() {
        original = notes.create(learner, course.lesson(1), "Outer joins keep unmatched rows", 30, MONDAY).orElseThrow();
        copy = copyOf(original, "Outer joins keep the rows without a match", TUESDAY);
        fixture.dsl().deleteFrom(OUTBOX).execute();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aConflictCopyIsListedBesideTheNoteItLostToWithItsLesson() {
        List<NoteConflict> conflicts = notes.conflicts(learner);

        assertThat(conflicts).singleElement().satisfies(conflict -> {
            assertThat(conflict.copy().id()).isEqualTo(copy);
            assertThat(conflict.copy().content()).isEqualTo("Outer joins keep the rows without a match");
            assertThat(conflict.original()).contains(original);
            assertThat(conflict.lessonTitle()).isNotBlank();
        });
        assertThat(notes.conflicts(fixture.user("Bo"))).isEmpty();
    }

    @Test
    void keepingTheNoteDeletesTheCopy() {
        assertThat(notes.resolve(learner, copy, NoteConflict.Resolution.KEEP_ORIGINAL, FRIDAY)).isTrue();

        assertThat(notes.forLesson(learner, course.lesson(1))).extracting(Note::content)
                .containsExactly("Outer joins keep unmatched rows");
        assertThat(fixture.outbox()).extracting(Outbox.Entry::entity, Outbox.Entry::entityId, Outbox.Entry::operation)
                .containsExactly(tuple(SyncEntity.USER_NOTES, copy.value(), ChangeOperation.DELETE));
        assertThat(notes.conflicts(learner)).isEmpty();
    }

    @Test
    void keepingTheCopyGivesTheNoteItsTextAndVideoTime() {
        notes.resolve(learner, copy, NoteConflict.Resolution.KEEP_COPY, FRIDAY);

        assertThat(notes.forLesson(learner, course.lesson(1))).singleElement().satisfies(note -> {
            assertThat(note.id()).isEqualTo(original.id());
            assertThat(note.content()).isEqualTo("Outer joins keep the rows without a match");
            assertThat(note.updatedAt()).isEqualTo(FRIDAY);
        });
        assertThat(fixture.outbox()).extracting(Outbox.Entry::entityId, Outbox.Entry::operation)
                .containsExactly(tuple(original.id().value(), ChangeOperation.UPSERT),
                        tuple(copy.value(), ChangeOperation.DELETE));
    }

    @Test
    void keepingBothMakesTheCopyAnOrdinaryNote() {
        notes.resolve(learner, copy, NoteConflict.Resolution.KEEP_BOTH, FRIDAY);

        assertThat(notes.forLesson(learner, course.lesson(1))).extracting(Note::content).containsExactlyInAnyOrder(
                "Outer joins keep unmatched rows", "Outer joins keep the rows without a match");
        assertThat(notes.forLesson(learner, course.lesson(1))).extracting(Note::id).doesNotContain(copy);
        assertThat(fixture.dsl().fetchCount(USER_NOTES, USER_NOTES.CONFLICT_OF.isNotNull())).isZero();
        assertThat(fixture.outbox()).extracting(Outbox.Entry::operation)
                .containsExactly(ChangeOperation.UPSERT, ChangeOperation.DELETE);
    }

    @Test
    void whenTheNoteWasDeletedKeepingTheCopyMakesItANoteAgainAndASettledCopyIsNotFound() {
        notes.delete(learner, original.id(), TUESDAY);

        assertThat(notes.conflicts(learner)).singleElement().satisfies(conflict -> assertThat(conflict.original()).isEmpty());
        assertThat(notes.resolve(learner, copy, NoteConflict.Resolution.KEEP_COPY, FRIDAY)).isTrue();

        assertThat(notes.forLesson(learner, course.lesson(1))).extracting(Note::content)
                .containsExactly("Outer joins keep the rows without a match");
        assertThat(notes.resolve(learner, copy, NoteConflict.Resolution.KEEP_COPY, FRIDAY)).isFalse();
        assertThat(notes.resolve(learner, original.id(), NoteConflict.Resolution.KEEP_ORIGINAL, FRIDAY))
                .as("an ordinary note is no conflict").isFalse();
    }

    @Test
    void aConflictFromARemovedLessonIsListedWithItsTitleAndKeepingBothKeepsBothTextsInTheNote() {
        String title = fixture.dsl().select(COURSE_LESSONS.TITLE).from(COURSE_LESSONS)
                .where(COURSE_LESSONS.ID.eq(course.lesson(1).value())).fetchOne(COURSE_LESSONS.TITLE);
        fixture.dsl().transaction(configuration -> {
            RemovedLessons.detachNotes(configuration.dsl(), COURSE_LESSONS.ID.eq(course.lesson(1).value()));
            configuration.dsl().deleteFrom(COURSE_LESSONS).where(COURSE_LESSONS.ID.eq(course.lesson(1).value())).execute();
        });
        fixture.dsl().deleteFrom(OUTBOX).execute();

        assertThat(notes.conflicts(learner)).singleElement()
                .satisfies(conflict -> assertThat(conflict.lessonTitle()).isEqualTo(title));
        assertThat(notes.resolve(learner, copy, NoteConflict.Resolution.KEEP_BOTH, FRIDAY)).isTrue();

        // No new note can be made on a removed lesson: both texts stay in the note, one after the other.
        assertThat(notes.forCourse(learner, course.id())).singleElement().satisfies(note -> {
            assertThat(note.id()).isEqualTo(original.id());
            assertThat(note.content()).isEqualTo("Outer joins keep unmatched rows\n\nOuter joins keep the rows without a match");
            assertThat(note.removedLessonTitle()).isEqualTo(title);
        });
        assertThat(notes.conflicts(learner)).isEmpty();
        assertThat(fixture.outbox()).extracting(Outbox.Entry::entityId, Outbox.Entry::operation)
                .containsExactly(tuple(original.id().value(), ChangeOperation.UPSERT), tuple(copy.value(), ChangeOperation.DELETE));
    }

    /** A conflict copy as a pull writes it: the server's row, marked with the note it lost to. */
    private NoteId copyOf(Note note, String text, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        fixture.dsl().insertInto(USER_NOTES).set(USER_NOTES.ID, id).set(USER_NOTES.USER_ID, learner.value())
                .set(USER_NOTES.LESSON_ID, note.lessonId().value()).set(USER_NOTES.COURSE_ID, note.courseId().value())
                .set(USER_NOTES.CONTENT, text).set(USER_NOTES.CREATED_AT, at).set(USER_NOTES.UPDATED_AT, at)
                .set(USER_NOTES.ROW_VERSION, 1L).set(USER_NOTES.CONFLICT_OF, note.id().value()).execute();
        return new NoteId(id);
    }
}
