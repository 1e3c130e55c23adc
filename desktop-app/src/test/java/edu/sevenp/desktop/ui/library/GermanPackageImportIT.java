package edu.sevenp.desktop.ui.library;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.ui.PlayerWindowTestBase;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A German learner's import dialog says a broken package's problems in German (issue 10, item 8): the headline, each
 * problem as the package checker found it, and that nothing was imported.
 */
class GermanPackageImportIT extends PlayerWindowTestBase {

    @TempDir
    Path temp;

    private Locale before;

    @Start
    void start(Stage stage) {
        before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        open(stage);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    @Test
    void aBrokenPackagesProblemsAreSaidInGerman(FxRobot robot) {
        PackageFixture broken = PackageFixture.course("Kaputter Kurs", 1, 2).version("1.0.0");
        broken.removeFile(broken.lesson(0, 1).get("body").asText());
        Path folder = broken.writeTo(temp.resolve("kaputt"));

        robot.interact(() -> fixture.window.courses().importFile(folder.toFile()));

        await(() -> !text(robot, "#importError").isEmpty(), () -> "no error after a broken package");
        assertThat(text(robot, "#importError"))
                .startsWith("Das Kurspaket " + folder + " ist nicht gültig (1 Problem):")
                .contains("sections[0].lessons[1].body: nennt „lessons/lesson-1-2.md“, aber das ist keine Datei im Paket")
                .contains("\nEs wurde nichts importiert.")
                .doesNotContain("which is not a file");
        assertThat(fixture.store.courses().courses()).extracting(course -> course.title())
                .containsExactly("Introduction to Relational Databases");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }
}
