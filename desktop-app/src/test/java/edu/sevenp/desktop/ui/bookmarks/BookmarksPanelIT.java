package edu.sevenp.desktop.ui.bookmarks;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.PlayerWindowTestBase;
import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.model.learning.Bookmark;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.SyncEntity;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Drives the bookmark toggle and the Bookmarks tab of the real player window. */
class BookmarksPanelIT extends PlayerWindowTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void ctrlDBookmarksTheLessonAndTheTabListsIt(FxRobot robot) {
        bookmarkByKeyboard(robot);

        assertThat(stored()).extracting(Bookmark::lessonId).containsExactly(fixture.lesson(1).id());
        ToggleButton toggle = robot.lookup("#bookmarkToggle").queryAs(ToggleButton.class);
        assertThat(toggle.isSelected()).isTrue();
        assertThat(toggle.getText()).isEqualTo("★ Bookmarked");
        robot.clickOn("Bookmarks");
        assertThat(listed(robot)).extracting(BookmarkItem::label).containsExactly(fixture.lesson(1).title());
    }

    @Test
    void ctrlDAgainRemovesTheBookmark(FxRobot robot) {
        bookmarkByKeyboard(robot);

        bookmarkByKeyboard(robot);

        assertThat(stored()).isEmpty();
        assertThat(robot.lookup("#bookmarkToggle").queryAs(ToggleButton.class).isSelected()).isFalse();
    }

    @Test
    void enterOnABookmarkOpensItsLesson(FxRobot robot) {
        bookmarkByKeyboard(robot);
        robot.clickOn("#nextButton");
        fixture.awaitPageContaining(robot, "Tables, Rows and Columns");

        robot.clickOn("Bookmarks");
        robot.clickOn(firstRow(robot));
        robot.type(KeyCode.ENTER);

        fixture.awaitPageContaining(robot, "Why Databases?");
    }

    @Test
    void deleteRemovesABookmarkAndUndoBringsItBack(FxRobot robot) {
        bookmarkByKeyboard(robot);
        robot.clickOn("Bookmarks");
        robot.clickOn(firstRow(robot));

        robot.type(KeyCode.DELETE);
        assertThat(stored()).isEmpty();
        assertThat(listed(robot)).isEmpty();
        robot.clickOn("#undoBookmarkButton");

        assertThat(stored()).extracting(Bookmark::lessonId).containsExactly(fixture.lesson(1).id());
        assertThat(listed(robot)).hasSize(1);
    }

    @Test
    void f2RenamesTheBookmarkInPlaceAndTheChangeIsQueued(FxRobot robot) {
        bookmarkByKeyboard(robot);
        robot.clickOn("Bookmarks");
        robot.clickOn(firstRow(robot));

        robot.type(KeyCode.F2);
        TextField field = awaitTitleField(robot);
        assertThat(field.getText()).isEqualTo(fixture.lesson(1).title());
        assertThat(field.getSelectedText()).isEqualTo(fixture.lesson(1).title());
        robot.write("Start here");
        robot.type(KeyCode.ENTER);

        PlayerWindowFixture.await(() -> !listed(robot).isEmpty() && listed(robot).get(0).bookmark().title() != null,
                () -> "the list shows " + listed(robot));
        assertThat(listed(robot)).extracting(BookmarkItem::label)
                .containsExactly("Start here (" + fixture.lesson(1).title() + ")");
        assertThat(stored()).extracting(Bookmark::title).containsExactly("Start here");
        assertThat(fixture.store.outbox().forEntity(SyncEntity.USER_BOOKMARKS, stored().get(0).id().value()))
                .extracting(Outbox.Entry::operation).containsExactly(ChangeOperation.UPSERT, ChangeOperation.UPSERT);
        assertThat(robot.lookup("#bookmarkTitleField").tryQuery()).isEmpty();
        // Enter saved the name; it did not open the lesson as Enter on a row does.
        assertThat(robot.lookup("#bookmarksList").query().isFocused()).isTrue();
    }

    @Test
    void escCancelsRenamingAndKeepsTheName(FxRobot robot) {
        bookmarkByKeyboard(robot);
        robot.clickOn("Bookmarks");
        robot.clickOn(firstRow(robot));
        robot.type(KeyCode.F2);
        awaitTitleField(robot);
        robot.write("Never mind");

        robot.type(KeyCode.ESCAPE);

        PlayerWindowFixture.await(() -> robot.lookup("#bookmarkTitleField").tryQuery().isEmpty(), () -> "still renaming");
        assertThat(stored()).extracting(Bookmark::title).containsOnlyNulls();
        assertThat(listed(robot)).extracting(BookmarkItem::label).containsExactly(fixture.lesson(1).title());
    }

    @Test
    void theRenameAndRemoveButtonsDoTheSameByMouse(FxRobot robot) {
        bookmarkByKeyboard(robot);
        robot.clickOn("Bookmarks");
        robot.clickOn(firstRow(robot));

        robot.clickOn("#renameBookmarkButton");
        awaitTitleField(robot);
        robot.write("Read again");
        robot.type(KeyCode.ENTER);
        PlayerWindowFixture.await(() -> stored().get(0).title() != null, () -> "not renamed");
        assertThat(stored()).extracting(Bookmark::title).containsExactly("Read again");

        robot.clickOn(firstRow(robot));
        robot.clickOn("#removeBookmarkButton");
        assertThat(stored()).isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(stored()).extracting(Bookmark::title).containsExactly("Read again");
    }

    private static TextField awaitTitleField(FxRobot robot) {
        PlayerWindowFixture.await(() -> robot.lookup("#bookmarkTitleField").tryQuery().map(javafx.scene.Node::isFocused)
                .orElse(false), () -> "the bookmark's name never became editable");
        return robot.lookup("#bookmarkTitleField").queryAs(TextField.class);
    }

    /** The list's first row (the lesson's title also heads the page, so a lookup by text is ambiguous). */
    private static Node firstRow(FxRobot robot) {
        return robot.lookup("#bookmarksList .list-cell").nth(0).query();
    }

    private static void bookmarkByKeyboard(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
    }

    private List<Bookmark> stored() {
        return fixture.learning.bookmarks().forCourse(fixture.sample);
    }

    @SuppressWarnings("unchecked")
    private static List<BookmarkItem> listed(FxRobot robot) {
        return List.copyOf(robot.lookup("#bookmarksList").queryAs(ListView.class).getItems());
    }
}
