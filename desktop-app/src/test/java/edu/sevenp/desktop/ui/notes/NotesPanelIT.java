package edu.sevenp.desktop.ui.notes;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.testing.WireRows;
import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.PlayerWindowTestBase;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.protocol.PulledChange;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.SyncEntity;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Drives the notes panel of the real player window, by keyboard, on the bundled sample course. */
class NotesPanelIT extends PlayerWindowTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aNoteWrittenByKeyboardIsListedAndStoredWithAnOutboxEntry(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        robot.write("Databases keep data safe and shared.");
        saveByKeyboard(robot);

        List<Note> stored = notesOnFirstLesson();
        assertThat(stored).extracting(Note::content).containsExactly("Databases keep data safe and shared.");
        assertThat(fixture.store.outbox().forEntity(SyncEntity.USER_NOTES, stored.get(0).id().value()))
                .extracting(Outbox.Entry::operation).containsExactly(ChangeOperation.UPSERT);
        assertThat(listed(robot)).extracting(item -> item.note().content()).containsExactly("Databases keep data safe and shared.");
        assertThat(robot.lookup("#noteText").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("Note saved.");
    }

    @Test
    void altWShowsTheWholeCourseAndAltEOffersTheExport(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);

        robot.press(KeyCode.ALT, KeyCode.W).release(KeyCode.W, KeyCode.ALT);

        assertThat(robot.lookup("#notesWholeCourse").queryAs(CheckBox.class).isSelected())
                .as("the README lists Alt+W for the whole course").isTrue();
        robot.press(KeyCode.ALT, KeyCode.W).release(KeyCode.W, KeyCode.ALT);
        assertThat(robot.lookup("#notesWholeCourse").queryAs(CheckBox.class).isSelected()).as("and back").isFalse();
        Button export = robot.lookup("#exportNotesButton").queryAs(Button.class);
        assertThat(export.getText()).isEqualTo("Export…");
        assertThat(export.getTooltip().getText()).endsWith("(Alt+E)");
        assertThat(export.isDisabled()).isFalse();
    }

    @Test
    void aTextLessonOffersNoVideoTimeAndABadOneOnAVideoIsExplainedInlineAndTheTextKept(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        assertThat(robot.lookup("#noteTimeRow").query().isVisible()).as("a text lesson's note has no video time").isFalse();
        robot.interact(() -> fixture.window.player().openLesson(SampleCourseStore.COURSE, SampleCourseStore.RECAP_LESSON));
        PlayerWindowFixture.await(() -> robot.lookup("#noteTimeRow").query().isVisible(),
                () -> "the video lesson's note form never offered a video time");
        robot.clickOn("#noteText").write("About the intro video");
        // The video's time was put in as the note was begun: replaced by one that is no time.
        robot.clickOn("#noteTime").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("7:99");
        saveByKeyboard(robot);

        Label error = robot.lookup("#noteError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("“7:99” is not a video time. " + "Write the video time as m:ss or h:mm:ss, for example 4:05 or 1:02:30.");
        assertThat(robot.lookup("#noteText").queryAs(TextArea.class).getText()).isEqualTo("About the intro video");
        assertThat(fixture.learning.notes().forLesson(SampleCourseStore.RECAP_LESSON)).isEmpty();
    }

    @Test
    void aNoteIsEditedFromTheList(FxRobot robot) {
        writeNote(robot, "First thoughts");
        fixture.clock.advance(Duration.ofMinutes(2));

        robot.clickOn("First thoughts");
        robot.type(KeyCode.F2);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("Second thoughts");
        saveByKeyboard(robot);

        Note stored = notesOnFirstLesson().get(0);
        assertThat(stored.content()).isEqualTo("Second thoughts");
        assertThat(stored.timestampInVideo()).as("a text lesson's note has no video time").isNull();
        assertThat(listed(robot)).extracting(NoteItem::meta).containsExactly("2 Mar 2026, 09:00 (edited)");
    }

    @Test
    void deletingANoteAsksFirst(FxRobot robot) {
        writeNote(robot, "Soon gone");

        robot.clickOn("Soon gone");
        robot.type(KeyCode.DELETE);
        Node bar = robot.lookup("#noteDeleteBar").query();
        assertThat(bar.isVisible()).isTrue();
        assertThat(notesOnFirstLesson()).hasSize(1);
        robot.type(KeyCode.SPACE);

        assertThat(notesOnFirstLesson()).isEmpty();
        assertThat(listed(robot)).isEmpty();
        assertThat(bar.isVisible()).isFalse();
    }

    @Test
    void theWholeCourseListOpensANotesLesson(FxRobot robot) {
        writeNote(robot, "On the first lesson");
        robot.clickOn("#nextButton");
        fixture.awaitPageContaining(robot, "Tables, Rows and Columns");

        robot.clickOn("#notesWholeCourse");
        robot.doubleClickOn("On the first lesson");

        fixture.awaitPageContaining(robot, "Why Databases?");
    }

    @Test
    void aNoteFromARemovedLessonIsMarkedSoAndStaysEditableAndDeletable(FxRobot robot) {
        Lesson third = fixture.lesson(3);
        Note kept = fixture.learning.notes().create(third.id(), "Keep me after the republish", null);
        // A republished version without the lesson reaches this device as the lesson's tombstone.
        fixture.store.sync().applyPull(WireRows.answer(WireRows.page(Streams.course(fixture.sample.value()), "1.1",
                List.of(new PulledChange.Delete("course_lessons", third.id().value())))));

        robot.clickOn("#notesWholeCourse");
        PlayerWindowFixture.await(() -> listed(robot).stream().anyMatch(item -> item.note().id().equals(kept.id())),
                () -> "the note from the removed lesson never appeared in the whole course's list");

        String marked = "From a removed lesson: " + third.title();
        assertThat(listed(robot)).filteredOn(item -> item.note().id().equals(kept.id())).singleElement()
                .satisfies(item -> assertThat(item.lessonTitle()).isEqualTo(marked));
        assertThat(robot.lookup(".note-meta").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(text -> assertThat(text).startsWith(marked + " · "));

        robot.doubleClickOn("Keep me after the republish");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("Kept, and edited");
        saveByKeyboard(robot);
        PlayerWindowFixture.await(() -> fixture.learning.notes().forCourse(fixture.sample).stream()
                .anyMatch(note -> note.content().equals("Kept, and edited")), () -> "the edit was never saved");

        assertThat(fixture.learning.notes().forCourse(fixture.sample)).filteredOn(note -> note.id().equals(kept.id()))
                .singleElement().satisfies(note -> {
                    assertThat(note.lessonId()).isNull();
                    assertThat(note.removedLessonTitle()).isEqualTo(third.title());
                });
        assertThat(fixture.store.outbox().forEntity(SyncEntity.USER_NOTES, kept.id().value()))
                .extracting(Outbox.Entry::operation).containsExactly(ChangeOperation.UPSERT, ChangeOperation.UPSERT);

        PlayerWindowFixture.await(() -> listed(robot).stream().anyMatch(item -> item.note().content().equals("Kept, and edited")),
                () -> "the edited note never appeared in the list");
        robot.clickOn("Kept, and edited");
        robot.type(KeyCode.DELETE);
        robot.type(KeyCode.SPACE);
        PlayerWindowFixture.await(() -> fixture.learning.notes().forCourse(fixture.sample).isEmpty(),
                () -> "the note from the removed lesson was never deleted");
        assertThat(fixture.store.outbox().forEntity(SyncEntity.USER_NOTES, kept.id().value()))
                .extracting(Outbox.Entry::operation).last().isEqualTo(ChangeOperation.DELETE);
    }

    @Test
    void aSearchHitOnANoteFromARemovedLessonOpensTheWholeCoursesNotes(FxRobot robot) {
        Lesson third = fixture.lesson(3);
        fixture.learning.notes().create(third.id(), "The quokka example stays with me.", null);
        fixture.store.sync().applyPull(WireRows.answer(WireRows.page(Streams.course(fixture.sample.value()), "1.1",
                List.of(new PulledChange.Delete("course_lessons", third.id().value())))));

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("quokka");
        ListView<?> results = robot.lookup("#searchResults").queryAs(ListView.class);
        PlayerWindowFixture.await(() -> !results.getItems().isEmpty(), () -> "the note was never found");
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

        PlayerWindowFixture.await(() -> robot.lookup("#notesWholeCourse").queryAs(CheckBox.class).isSelected()
                && listed(robot).stream().anyMatch(item -> item.note().fromRemovedLesson()),
                () -> "the whole course's notes never listed the note from the removed lesson");
        assertThat(robot.lookup("#sideTabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("tab-notes");
    }

    private void writeNote(FxRobot robot, String text) {
        robot.clickOn("#noteText").write(text);
        saveByKeyboard(robot);
        PlayerWindowFixture.await(() -> listed(robot).stream().anyMatch(item -> item.note().content().equals(text)),
                () -> "the note never appeared in the list");
    }

    private static void saveByKeyboard(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    }

    @SuppressWarnings("unchecked")
    private static List<NoteItem> listed(FxRobot robot) {
        return List.copyOf(robot.lookup("#notesList").queryAs(ListView.class).getItems());
    }

    private List<Note> notesOnFirstLesson() {
        return fixture.learning.notes().forLesson(fixture.lesson(1).id());
    }
}
