package edu.sevenp.desktop.ui.notes;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.learning.NoteService;
import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.ui.LearnerFixture;
import edu.sevenp.desktop.ui.common.LessonOpener;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.SyncEntity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotesViewModelTest {

    @TempDir
    Path temp;

    private LearnerFixture fixture;
    private final List<LessonRef> opened = new ArrayList<>();
    private NotesViewModel notes;

    @BeforeEach
    void open() {
        fixture = new LearnerFixture(temp);
        notes = new NotesViewModel(fixture.learning.notes(), fixture.library, UiExecutors.sameThread(), fixture.feedback,
                (course, lesson) -> opened.add(new LessonRef(course, lesson)), ZoneOffset.UTC);
        notes.show(fixture.ref(0));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void savingWritesTheNoteWithAnOutboxEntryAndClearsTheForm() {
        notes.draftProperty().set("Keys identify rows.");
        notes.draftTimeProperty().set("1:05");

        notes.save();

        Note stored = fixture.learning.notes().forLesson(fixture.lessons.get(0).id()).get(0);
        assertThat(stored.content()).isEqualTo("Keys identify rows.");
        assertThat(stored.timestampInVideo()).isEqualTo(65);
        assertThat(fixture.store.outbox().forEntity(SyncEntity.USER_NOTES, stored.id().value())).extracting(Outbox.Entry::operation)
                .containsExactly(ChangeOperation.UPSERT);
        assertThat(notes.notes()).extracting(NoteItem::note).containsExactly(stored);
        assertThat(notes.notes().get(0).meta()).isEqualTo("2 Mar 2026, 09:00 · at 1:05");
        assertThat(notes.draftProperty().get()).isEmpty();
        assertThat(notes.draftTimeProperty().get()).isEmpty();
        assertThat(fixture.feedback.statuses()).containsExactly("Note saved.");
    }

    @Test
    void aNewNoteTakesTheVideosTimeWhenTheLearnerStartsWritingIt() {
        int[] second = {95};
        notes.useVideoTime(() -> Optional.of(second[0]));

        notes.draftProperty().set("K");
        second[0] = 120;
        notes.draftProperty().set("Keys identify rows.");

        assertThat(notes.draftTimeProperty().get()).isEqualTo("1:35");
    }

    @Test
    void aTimeTheLearnerWroteAndANoteBeingEditedKeepTheirTimes() {
        notes.useVideoTime(() -> Optional.of(95));
        notes.draftTimeProperty().set("0:10");
        notes.draftProperty().set("Mine");
        assertThat(notes.draftTimeProperty().get()).isEqualTo("0:10");
        notes.save();

        notes.edit(notes.notes().get(0));
        notes.draftTimeProperty().set("");
        notes.stampVideoTime();

        assertThat(notes.draftTimeProperty().get()).isEmpty();
    }

    @Test
    void withoutAVideoANewNoteHasNoTime() {
        notes.draftProperty().set("Plain text lesson");

        assertThat(notes.draftTimeProperty().get()).isEmpty();
    }

    @Test
    void aNotesTimePlaysItsLessonsVideoFromThere() {
        List<String> asked = new ArrayList<>();
        NotesViewModel playing = new NotesViewModel(fixture.learning.notes(), fixture.library, UiExecutors.sameThread(),
                fixture.feedback, new LessonOpener() {
                    @Override
                    public void openLesson(CourseId course, LessonId lesson) {
                        asked.add("open " + lesson.value());
                    }

                    @Override
                    public void openLessonAt(CourseId course, LessonId lesson, int seconds) {
                        asked.add("open " + lesson.value() + " at " + seconds);
                    }
                }, ZoneOffset.UTC);
        playing.show(fixture.ref(0));
        playing.draftTimeProperty().set("1:05");
        playing.draftProperty().set("Timed");
        playing.save();
        playing.draftProperty().set("Untimed");
        playing.save();

        playing.notes().forEach(playing::playFrom);

        UUID lesson = fixture.lessons.get(0).id().value();
        assertThat(asked).containsExactlyInAnyOrder("open " + lesson + " at 65", "open " + lesson);
    }

    @Test
    void exportingWritesTheCourseNotesAsMarkdownAndSaysWhere() throws Exception {
        save("Keys identify rows.");
        notes.show(fixture.ref(3));
        notes.draftTimeProperty().set("12:05");
        save("Joins combine tables.");
        Path target = temp.resolve("export.md");

        notes.exportCourse(target);

        assertThat(Files.readString(target)).startsWith("# Player test\n")
                .contains("### " + fixture.lessons.get(0).title() + "\n\n- Keys identify rows.")
                .contains("### " + fixture.lessons.get(3).title() + "\n\n- **[12:05]** Joins combine tables.");
        assertThat(fixture.feedback.statuses()).last().isEqualTo("2 notes exported to " + target + ".");
        assertThat(notes.exportFileName()).isEqualTo("Player test - notes.md");
    }

    @Test
    void anExportThatCannotBeWrittenSaysWhyAndWritesNothing() {
        save("Keys identify rows.");
        Path target = temp.resolve("no such folder").resolve("export.md");

        notes.exportCourse(target);

        assertThat(fixture.feedback.failures()).singleElement().satisfies(failure ->
                assertThat(failure).hasMessageStartingWith("Could not write the notes to " + target)
                        .hasMessageEndingWith("choose another folder and try again."));
        assertThat(target.getParent()).doesNotExist();
    }

    @Test
    void theNewestNoteComesFirst() {
        save("First");
        fixture.clock.advance(Duration.ofMinutes(5));
        save("Second");

        assertThat(notes.notes()).extracting(item -> item.note().content()).containsExactly("Second", "First");
    }

    @Test
    void aBadVideoTimeIsRefusedInlineAndTheTextKept() {
        notes.draftProperty().set("Worth remembering");
        notes.draftTimeProperty().set("4:75");

        notes.save();

        assertThat(notes.formErrorProperty().get()).isEqualTo("“4:75” is not a video time. " + "Write the video time as m:ss or h:mm:ss, for example 4:05 or 1:02:30.");
        assertThat(notes.draftProperty().get()).isEqualTo("Worth remembering");
        assertThat(fixture.learning.notes().forLesson(fixture.lessons.get(0).id())).isEmpty();
    }

    @Test
    void anEmptyNoteIsRefusedInline() {
        notes.draftProperty().set("   ");

        notes.save();

        assertThat(notes.formErrorProperty().get()).isEqualTo("A note cannot be empty.");
        assertThat(notes.draftProperty().get()).isEqualTo("   ");
        assertThat(fixture.feedback.failures()).isEmpty();
    }

    @Test
    void aTooLongNoteIsRefusedInlineAndTheTextKept() {
        String tooLong = "x".repeat(NoteService.MAX_LENGTH + 1);
        notes.draftProperty().set(tooLong);

        notes.save();

        assertThat(notes.formErrorProperty().get()).isEqualTo("A note can be at most 20,000 characters long; this one has 20,001.");
        assertThat(notes.draftProperty().get()).isEqualTo(tooLong);
    }

    @Test
    void changingTheTextClearsTheMessage() {
        notes.draftTimeProperty().set("nope");
        notes.save();

        notes.draftTimeProperty().set("1:00");

        assertThat(notes.formErrorProperty().get()).isEmpty();
    }

    @Test
    void editingReplacesTheNotesTextAndTime() {
        save("Draft thought");
        notes.edit(notes.notes().get(0));
        assertThat(notes.draftProperty().get()).isEqualTo("Draft thought");
        fixture.clock.advance(Duration.ofMinutes(1));
        notes.draftProperty().set("Clear thought");
        notes.draftTimeProperty().set("1:00:00");

        notes.save();

        Note stored = fixture.learning.notes().forLesson(fixture.lessons.get(0).id()).get(0);
        assertThat(stored.content()).isEqualTo("Clear thought");
        assertThat(stored.timestampInVideo()).isEqualTo(3600);
        assertThat(notes.editingProperty().get()).isNull();
        assertThat(notes.notes()).hasSize(1);
        assertThat(notes.notes().get(0).meta()).isEqualTo("2 Mar 2026, 09:00 (edited) · at 1:00:00");
    }

    @Test
    void deletingWaitsForConfirmation() {
        save("Short-lived");
        NoteItem item = notes.notes().get(0);

        notes.requestDelete(item);
        assertThat(fixture.learning.notes().forLesson(fixture.lessons.get(0).id())).hasSize(1);
        notes.confirmDelete();

        assertThat(fixture.learning.notes().forLesson(fixture.lessons.get(0).id())).isEmpty();
        assertThat(notes.notes()).isEmpty();
        assertThat(notes.pendingDeleteProperty().get()).isNull();
        assertThat(fixture.store.outbox().forEntity(SyncEntity.USER_NOTES, item.note().id().value())).extracting(Outbox.Entry::operation)
                .containsExactly(ChangeOperation.UPSERT, ChangeOperation.DELETE);
    }

    @Test
    void aCancelledDeleteKeepsTheNote() {
        save("Keeper");

        notes.requestDelete(notes.notes().get(0));
        notes.cancelDelete();
        notes.confirmDelete();

        assertThat(fixture.learning.notes().forLesson(fixture.lessons.get(0).id())).hasSize(1);
    }

    @Test
    void theWholeCourseListsEveryLessonsNotesAndOpensTheirLesson() {
        save("On lesson one");
        fixture.clock.advance(Duration.ofMinutes(3));
        notes.show(fixture.ref(2));
        save("On lesson three");

        notes.wholeCourseProperty().set(true);

        assertThat(notes.notes()).extracting(NoteItem::lessonTitle).containsExactly("Lesson 2.1", "Lesson 1.1");
        notes.open(notes.notes().get(1));
        assertThat(opened).containsExactly(fixture.ref(0));
    }

    @Test
    void aDraftSurvivesMovingToAnotherLesson() {
        notes.draftProperty().set("Half a thought");

        notes.show(fixture.ref(1));

        assertThat(notes.draftProperty().get()).isEqualTo("Half a thought");
        assertThat(notes.notes()).isEmpty();
    }

    @Test
    void aStoreFailureIsReportedAndTheTextKept() {
        notes.draftProperty().set("Unsaved");
        fixture.store.close();

        notes.save();

        assertThat(fixture.feedback.failures()).hasSize(1);
        assertThat(notes.draftProperty().get()).isEqualTo("Unsaved");
        assertThat(notes.savingProperty().get()).isFalse();
    }

    private void save(String text) {
        notes.draftProperty().set(text);
        notes.save();
    }

    @Test
    void theVideoTimeIsOfferedOnVideoLessonsOnly() {
        assertThat(notes.timeShownProperty().get()).as("a text lesson has no video time").isFalse();

        notes.videoLessonProperty().set(true);
        assertThat(notes.timeShownProperty().get()).isTrue();

        notes.videoLessonProperty().set(false);
        assertThat(notes.timeShownProperty().get()).isFalse();
    }

    @Test
    void aNoteWithAVideoTimeShowsItsTimeWhileEditedOverAnyLesson() {
        fixture.learning.notes().create(fixture.lessons.get(0).id(), "At the join", 65);
        notes.show(fixture.ref(0));

        notes.edit(notes.notes().get(0));
        assertThat(notes.timeShownProperty().get()).isTrue();

        notes.cancelEdit();
        assertThat(notes.timeShownProperty().get()).isFalse();
    }
}
