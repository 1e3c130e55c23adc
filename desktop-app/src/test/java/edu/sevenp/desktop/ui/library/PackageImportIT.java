package edu.sevenp.desktop.ui.library;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.Toolkit;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.ui.PlayerWindowTestBase;
import edu.sevenp.server.testing.Zips;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Importing a course package into the real window: the path the file chooser (Ctrl+O, the library's button) hands
 * over, and a .zip or folder dropped on the window, with the import's progress; a broken package is refused with every
 * problem, as {@code --import} says it, and nothing is imported.
 */
class PackageImportIT extends PlayerWindowTestBase {

    private static final byte[] VIDEO = "a video of thirty-two bytes....".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void thePathTheChooserGivesIsImportedWithProgressAndTheLibraryListsTheCourse(FxRobot robot) throws Exception {
        Path zip = temp.resolve("incoming.zip");
        Files.write(zip, Zips.of(validPackage("Chosen Course").writeTo(temp.resolve("chosen"))));
        List<String> steps = new CopyOnWriteArrayList<>();
        robot.interact(() -> fixture.window.library().importTextProperty().addListener((property, old, now) -> steps.add(now)));

        robot.interact(() -> fixture.window.courses().importFile(zip.toFile()));

        awaitTitles(robot, List.of("Chosen Course", "Introduction to Relational Databases"));
        assertThat(text(robot, "#libraryMessage")).isEqualTo("Installed \"Chosen Course\" 1.0.0: 1 sections, 2 lessons.");
        assertThat(steps).containsSubsequence("Checking incoming.zip…", "Copying the course's files: 1 of 2",
                "Saving the course…");
        assertThat(fixture.store.courses().courses()).extracting(course -> course.title())
                .contains("Chosen Course");
    }

    @Test
    void aPackageFolderDroppedOnTheWindowIsImported(FxRobot robot) {
        Path folder = validPackage("Dropped Course").writeTo(temp.resolve("dropped"));

        drop(robot, folder.toFile());

        awaitTitles(robot, List.of("Dropped Course", "Introduction to Relational Databases"));
        assertThat(text(robot, "#libraryMessage")).isEqualTo("Installed \"Dropped Course\" 1.0.0: 1 sections, 2 lessons.");
    }

    @Test
    void aBrokenPackageDroppedOnTheWindowIsRefusedWithItsProblemAndNothingIsImported(FxRobot robot) {
        PackageFixture broken = validPackage("Broken Course");
        broken.removeFile(broken.lesson(0, 1).get("body").asText());
        Path folder = broken.writeTo(temp.resolve("broken"));

        drop(robot, folder.toFile());

        await(() -> !text(robot, "#importError").isEmpty(), () -> "no error after a broken package");
        assertThat(text(robot, "#importError"))
                .startsWith("The course package " + folder + " is not valid (1 problem):")
                .contains("sections[0].lessons[1].body: names \"lessons/lesson-1-2.md\", which is not a file in the package")
                .endsWith("\nNothing was imported. Check that you chose the right file, or ask whoever made the course"
                        + " package for a new one.");
        assertThat(fixture.store.courses().courses()).extracting(course -> course.title())
                .containsExactly("Introduction to Relational Databases");
    }

    @Test
    void somethingThatIsNoPackageIsSaidSo(FxRobot robot) throws Exception {
        Path text = Files.writeString(temp.resolve("notes.txt"), "not a course");

        drop(robot, text.toFile());

        await(() -> !text(robot, "#importError").isEmpty(), () -> "no error after a file that is no package");
        assertThat(text(robot, "#importError")).isEqualTo(text + " is not a course package: drop a .zip file, or a folder"
                + " with a manifest.json.");
    }

    /** Drops {@code file} on the window as a file manager does: a drag board holding the file, then DRAG_DROPPED. */
    private void drop(FxRobot robot, File file) {
        robot.interact(() -> {
            Scene scene = fixture.window.root().getScene();
            Dragboard board = DragboardHelper.createDragboard(Toolkit.getToolkit().createLocalClipboard());
            ClipboardContent content = new ClipboardContent();
            content.putFiles(List.of(file));
            board.setContent(content);
            Event.fireEvent(scene, new DragEvent(DragEvent.DRAG_DROPPED, board, 20, 20, 20, 20, TransferMode.COPY, null, null,
                    null));
        });
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }

    @SuppressWarnings("unchecked")
    private static void awaitTitles(FxRobot robot, List<String> titles) {
        await(() -> robot.lookup("#courseList").tryQuery().isPresent()
                && robot.lookup("#courseList").queryAs(ListView.class).getItems().stream()
                        .map(row -> ((LibraryRow) row).title()).sorted().toList().equals(titles),
                () -> "the library does not list " + titles + "; error: " + text(robot, "#importError"));
    }

    /** Two lessons, two media files (a video, a resource): valid until a test breaks it. */
    private static PackageFixture validPackage(String title) {
        PackageFixture fixture = PackageFixture.course(title, 1, 2).version("1.0.0");
        fixture.video(fixture.lesson(0, 0), fixture.addMedia("media/intro.mp4", VIDEO, "video/mp4"));
        fixture.addResourceFile(null, "Schema", "resources/schema.sql",
                "CREATE TABLE t (id INTEGER);".getBytes(StandardCharsets.UTF_8), "application/sql");
        return fixture;
    }
}
