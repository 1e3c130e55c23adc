package edu.sevenp.desktop.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.content.LessonHtml;
import edu.sevenp.desktop.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.library.BundledCourse;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.ui.UiExecutors;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/** Drives the real player window (headless, Monocle) on the bundled sample course. */
@ExtendWith(ApplicationExtension.class)
class PlayerViewIT {

    private LocalStore store;

    @Start
    void start(Stage stage) {
        store = LocalStore.openInMemory("ui-" + UUID.randomUUID());
        CourseId sample = new BundledCourse(new CoursePackageReader(JsonMapperFactory.createStrict()))
                .install(store.importer()).courseId();
        PlayerViewModel viewModel = new PlayerViewModel(new LibraryService(store.courses()), new LessonHtml(),
                UiExecutors.sameThread(), sample);
        PlayerView view = new PlayerView(viewModel);
        Scene scene = new Scene(view.root(), 1100, 720);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.start();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void opensOnTheSampleCourseAndItsFirstLesson(FxRobot robot) {
        assertThat(robot.lookup("#courseTitle").queryAs(Label.class).getText())
                .isEqualTo("Introduction to Relational Databases");
        awaitPageContaining(robot, "Why Databases?");
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("Lesson 1 of 10 · What a Database Is For");
    }

    @Test
    void selectingALessonInTheOutlineShowsItsContent(FxRobot robot) {
        robot.clickOn("2. Combining Tables with Joins  ·  4 min");

        awaitPageContaining(robot, "A join puts the pieces back together");
        assertThat(robot.lookup("#lessonTitle").queryAs(Label.class).getText()).isEqualTo("Combining Tables with Joins");
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("Lesson 5 of 10 · Asking Questions with SQL");
    }

    @Test
    void theKeyboardMovesThroughLessons(FxRobot robot) {
        awaitPageContaining(robot, "Why Databases?");

        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);

        awaitPageContaining(robot, "Tables, Rows and Columns");
        assertThat(robot.lookup("#previousButton").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void theNextButtonMovesOn(FxRobot robot) {
        robot.clickOn("#nextButton");

        awaitPageContaining(robot, "Tables, Rows and Columns");
    }

    private static void awaitPageContaining(FxRobot robot, String text) {
        WebView view = robot.lookup("#lessonView").queryAs(WebView.class);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pageText(view).contains(text));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the lesson page never showed \"" + text + "\"; it shows: " + pageText(view), e);
        }
    }

    private static String pageText(WebView view) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            Document document = view.getEngine().getDocument();
            return document == null || document.getDocumentElement() == null ? "" : document.getDocumentElement().getTextContent();
        });
    }
}
