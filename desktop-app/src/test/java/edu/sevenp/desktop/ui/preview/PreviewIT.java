package edu.sevenp.desktop.ui.preview;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static edu.sevenp.desktop.ui.PlayerWindowFixture.awaitLessonPageContaining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import edu.sevenp.desktop.PreviewContext;
import edu.sevenp.desktop.preview.SampleCourseFolder;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.web.WebView;
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
 * A copy of the sample course's folder previewed in the real window over a real H2 store: the banner, the first lesson,
 * an edit reloaded where the lesson was scrolled to, a broken manifest explained in place, and nothing left behind.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewIT {

    private static final String SCROLL_FRACTION = "(function () { var range = document.documentElement.scrollHeight"
            + " - window.innerHeight; return range > 0 ? window.scrollY / range : -1; })()";
    /** The target, with room for a shared, busy build machine. */
    private static final Duration RELOAD_WITHIN = Duration.ofSeconds(1);

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
    void closePreview() {
        if (preview != null && !preview.closed().isDone()) {
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> preview.stage().close());
        }
        if (source != null) {
            source.close();
        }
    }

    @Test
    void aPreviewShowsTheFolderFollowsItsEditsExplainsABrokenManifestAndLeavesNothingBehind(FxRobot robot)
            throws Exception {
        Path profiles = temp.resolve("data/profiles");
        LocalStore.openFile(profiles.resolve("ana"), "ana").close();
        Map<String, String> profilesBefore = snapshot(profiles);
        SampleCourseFolder course = SampleCourseFolder.copyTo(temp.resolve("my-course"));
        open(course.folder());

        await(() -> robot.lookup("#previewHeading").tryQuery().isPresent(), () -> "no preview banner");
        assertThat(text(robot, "#previewHeading")).isEqualTo("Preview of " + course.folder().toAbsolutePath()
                + " — nothing you do here is kept");
        awaitLessonPageContaining(robot, SampleCourseFolder.FIRST_LESSON_TEXT);
        assertThat(stage.getTitle()).isEqualTo("Preview: my-course — 7P Course Player");
        assertThat(robot.lookup("#syncIndicator").queryAs(Node.class).isVisible()).isFalse();
        assertThat(text(robot, "#previewNotSynced")).isEqualTo("Preview — not synced");
        await(() -> text(robot, "#previewState").startsWith("Up to date with the files"),
                () -> "the banner says " + text(robot, "#previewState"));

        scrollTo(robot, 0.5);
        long saved = System.nanoTime();
        course.edit(SampleCourseFolder.FIRST_LESSON_FILE, SampleCourseFolder.FIRST_LESSON_TEXT,
                "Edited while the preview shows it:");
        awaitLessonPageContaining(robot, "Edited while the preview shows it:");
        Duration reload = Duration.ofNanos(System.nanoTime() - saved);
        await(() -> Math.abs(fraction(robot) - 0.5) < 0.02,
                () -> "the reloaded lesson is scrolled to " + fraction(robot) + ", not where it was (0.5)");
        assertThat(reload).as("from the save to the new text on screen").isLessThan(RELOAD_WITHIN);

        int line = course.lineOf("manifest.json", SampleCourseFolder.SECOND_TITLE_LINE);
        course.edit("manifest.json", SampleCourseFolder.SECOND_TITLE_LINE, "\"title\": \"\",");
        await(() -> robot.lookup("#previewProblems").queryAs(Label.class).isVisible(), () -> "no problem shown");
        assertThat(text(robot, "#previewProblems")).startsWith("The course cannot be read: 1 problem")
                .contains("manifest.json:" + line + ": ");
        assertThat(text(robot, "#previewState"))
                .isEqualTo("The last course that could be read stays on screen until the files are fixed.");
        awaitLessonPageContaining(robot, "Edited while the preview shows it:");

        course.edit("manifest.json", "\"title\": \"\",", SampleCourseFolder.SECOND_TITLE_LINE);
        await(() -> !robot.lookup("#previewProblems").queryAs(Label.class).isVisible(), () -> "the problem stayed");
        await(() -> text(robot, "#previewState").startsWith("Up to date with the files"),
                () -> "the banner says " + text(robot, "#previewState"));

        Path store = source.storeFolder();
        assertThat(Files.isDirectory(store)).as("the preview's folder, with the sample's video").isTrue();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> preview.close());
        preview.closed().get(20, TimeUnit.SECONDS);

        assertThat(Files.exists(store)).as("the preview's store folder after closing").isFalse();
        assertThat(snapshot(profiles)).as("the data folder's profiles").isEqualTo(profilesBefore);
    }

    @Test
    void aPackageBrokenFromTheStartIsExplainedAndShowsOnceFixed(FxRobot robot) {
        SampleCourseFolder course = SampleCourseFolder.copyTo(temp.resolve("broken"));
        course.edit("manifest.json", SampleCourseFolder.SECOND_TITLE_LINE, "\"title\": \"\",");
        open(course.folder());

        await(() -> robot.lookup("#previewProblems").queryAs(Label.class).isVisible(), () -> "no problem shown");
        assertThat(text(robot, "#previewProblems")).contains("manifest.json:");

        course.edit("manifest.json", "\"title\": \"\",", SampleCourseFolder.SECOND_TITLE_LINE);

        awaitLessonPageContaining(robot, SampleCourseFolder.FIRST_LESSON_TEXT);
        assertThat(robot.lookup("#previewProblems").queryAs(Label.class).isVisible()).isFalse();
    }

    private void open(Path folder) {
        source = PreviewContext.open(folder);
        preview = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            PreviewWindow window = new PreviewWindow(stage, source, SettingsContext.inMemory());
            window.show();
            return window;
        });
    }

    private static String text(FxRobot robot, String id) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static void scrollTo(FxRobot robot, double fraction) {
        script(robot, "window.scrollTo(0, " + fraction + " * (document.documentElement.scrollHeight - window.innerHeight))");
        assertThat(fraction(robot)).isCloseTo(fraction, within(0.01));
    }

    private static double fraction(FxRobot robot) {
        return ((Number) script(robot, SCROLL_FRACTION)).doubleValue();
    }

    private static Object script(FxRobot robot, String script) {
        WebView view = robot.lookup("#lessonView").queryAs(WebView.class);
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> view.getEngine().executeScript(script));
    }

    /** Every file under {@code folder} with its size and time of last change. */
    private static Map<String, String> snapshot(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            Map<String, String> found = new TreeMap<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                found.put(folder.relativize(file).toString(), Files.size(file) + " " + Files.getLastModifiedTime(file));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
