package edu.sevenp.desktop.ui.library;

import static edu.sevenp.desktop.ui.testing.SampleCourseStore.COURSE;
import static edu.sevenp.desktop.ui.testing.SampleCourseStore.COURSE_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.model.CourseId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the library screen (headless, Monocle) over the bundled sample course. */
@ExtendWith(ApplicationExtension.class)
class LibraryViewIT {

    private final List<CourseId> opened = new CopyOnWriteArrayList<>();
    private SampleCourseStore sample;

    @Start
    void start(Stage stage) {
        sample = SampleCourseStore.open();
        LibraryViewModel viewModel = new LibraryViewModel(sample.learning().courses(), sample.learning().dashboard(),
                UiExecutors.sameThread(), SampleCourseStore.CLOCK, opened::add);
        LibraryView view = new LibraryView(viewModel);
        stage.setScene(new Scene(view.root(), 900, 600));
        stage.show();
        viewModel.refresh();
        view.focus();
    }

    @AfterEach
    void closeStore() {
        sample.close();
    }

    @Test
    void listsTheSampleCourseAndEnterOpensIt(FxRobot robot) throws TimeoutException {
        ListView<?> list = robot.lookup("#courseList").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(row -> ((LibraryRow) row).title()).containsExactly(COURSE_TITLE);
        // The list's cells are laid out a pulse after its items change.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(COURSE_TITLE).tryQuery().isPresent());
        assertThat(robot.lookup("#summaryInProgress").queryAs(Label.class).getText()).isEqualTo("0 courses in progress");

        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.isFocused()).isTrue();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(opened).containsExactly(COURSE);
    }

    @Test
    void typingAFilterThatMatchesNothingExplainsIt(FxRobot robot) {
        robot.write("astronomy");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#libraryEmpty").queryAs(Label.class).getText()).isEqualTo("No course matches \"astronomy\".");
        robot.type(KeyCode.ENTER);
        assertThat(opened).isEmpty();
    }

    @Test
    void doubleClickOpensTheCourse(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(COURSE_TITLE).tryQuery().isPresent());
        robot.doubleClickOn(COURSE_TITLE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(opened).containsExactly(COURSE);
    }
}
