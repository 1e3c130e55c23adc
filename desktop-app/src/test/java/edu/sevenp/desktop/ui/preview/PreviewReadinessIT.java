package edu.sevenp.desktop.ui.preview;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static edu.sevenp.desktop.ui.PlayerWindowFixture.awaitLessonPageContaining;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.PreviewContext;
import edu.sevenp.desktop.preview.SampleCourseFolder;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The readiness panel of a preview (issue 11): a copy of the sample course with a lesson's body emptied is reported,
 * choosing the item opens that lesson, and fixing the file clears it at the reload; "New course…" behind its chooser
 * writes the template and previews it.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewReadinessIT {

    private static final String EMPTIED = "lessons/02-tables-rows-columns.md";
    private static final String SECOND_LESSON = "Tables, Rows and Columns";

    @TempDir
    Path temp;

    private Stage stage;
    private PreviewContext source;
    private PreviewWindow preview;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closePreview() throws Exception {
        if (preview != null && !preview.closed().isDone()) {
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> preview.stage().close());
            preview.closed().get(20, TimeUnit.SECONDS);
        }
        if (source != null) {
            source.close();
        }
    }

    @Test
    void theReadinessPanelListsAnEmptyLessonOpensItAndFollowsTheFix(FxRobot robot) throws IOException {
        SampleCourseFolder course = SampleCourseFolder.copyTo(temp.resolve("my-course"));
        Path emptied = course.folder().resolve(EMPTIED);
        String body = Files.readString(emptied, StandardCharsets.UTF_8);
        Files.writeString(emptied, "", StandardCharsets.UTF_8);
        source = PreviewContext.open(course.folder());
        preview = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            PreviewWindow window = new PreviewWindow(stage, source, SettingsContext.inMemory());
            window.show();
            return window;
        });
        awaitLessonPageContaining(robot, SampleCourseFolder.FIRST_LESSON_TEXT);
        Node panel = robot.lookup("#readinessPanel").query();
        assertThat(panel.isVisible()).as("the panel before it is asked for").isFalse();

        robot.clickOn("#lessonView");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R);
        await(panel::isVisible, () -> "Ctrl+Shift+R did not show the readiness panel");
        await(() -> emptyBodyLine(robot).isPresent(), () -> "the panel lists " + lines(robot));
        ReadinessViewModel.Line line = emptyBodyLine(robot).orElseThrow();
        assertThat(line.text()).startsWith("Warning: manifest.json:").contains("which is empty");
        assertThat(line.lesson()).isPresent();
        assertThat(text(robot, "#readinessSummary")).contains("1 warning");
        assertThat(text(robot, "#readinessTotals")).startsWith("Totals: ").contains("lessons").contains("hours");

        ListView<ReadinessViewModel.Line> list = list(robot);
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            list.getSelectionModel().select(line);
            list.requestFocus();
        });
        robot.push(KeyCode.ENTER);
        await(() -> line.lesson().get().equals(preview.playerWindow().player().currentLessonProperty().get()),
                () -> "Enter opened " + preview.playerWindow().player().currentLessonProperty().get());
        await(() -> SECOND_LESSON.equals(preview.playerWindow().player().lessonTitleProperty().get()),
                () -> "the lesson shown is " + preview.playerWindow().player().lessonTitleProperty().get());

        Files.writeString(emptied, body, StandardCharsets.UTF_8);
        await(() -> emptyBodyLine(robot).isEmpty(), () -> "the warning stayed after the fix: " + lines(robot));
        awaitLessonPageContaining(robot, "A relational database stores data in tables.");
    }

    @Test
    void newCourseWritesTheTemplateIntoAnEmptyFolderAndPreviewsIt(FxRobot robot) throws Exception {
        Path folder = Files.createDirectory(temp.resolve("sql-basics"));
        OpenCourseFolder action = new OpenCourseFolder(PreviewContext::open, Settings.defaults(Locale.ENGLISH));

        preview = action.create(folder, stage).get(30, TimeUnit.SECONDS);

        assertThat(folder.resolve("manifest.json")).isRegularFile();
        awaitLessonPageContaining(robot, "This is the first lesson of a course package");
        assertThat(preview.stage().getTitle()).isEqualTo("Preview: sql-basics — 7P Course Player");
        // The template is ready as written: the panel lists nothing to fix.
        await(() -> text(robot, "#readinessSummary").startsWith("No errors, no warnings."),
                () -> "the template's report: " + text(robot, "#readinessSummary"));
    }

    @Test
    void newCourseRefusesAFolderWithFilesAndWritesNothing(FxRobot robot) throws Exception {
        Path folder = Files.createDirectory(temp.resolve("taken"));
        Files.writeString(folder.resolve("notes.txt"), "mine");
        OpenCourseFolder action = new OpenCourseFolder(PreviewContext::open, Settings.defaults(Locale.ENGLISH));

        var created = action.create(folder, stage);

        assertThat(created).failsWithin(30, TimeUnit.SECONDS);
        try (var files = Files.list(folder)) {
            assertThat(files.toList()).containsExactly(folder.resolve("notes.txt"));
        }
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent(), () -> "no alert explains it");
        DialogPane alert = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(alert.getContentText()).startsWith("No course was written: ").contains("is not empty");
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> alert.getScene().getWindow().hide());
    }

    private static Optional<ReadinessViewModel.Line> emptyBodyLine(FxRobot robot) {
        return lines(robot).stream().filter(line -> line.text().contains(EMPTIED)).findFirst();
    }

    private static List<ReadinessViewModel.Line> lines(FxRobot robot) {
        ListView<ReadinessViewModel.Line> list = list(robot);
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> List.copyOf(list.getItems()));
    }

    @SuppressWarnings("unchecked")
    private static ListView<ReadinessViewModel.Line> list(FxRobot robot) {
        return robot.lookup("#readinessList").queryAs(ListView.class);
    }

    private static String text(FxRobot robot, String id) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
