package edu.sevenp.desktop;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.profiles.LocalProfiles;
import edu.sevenp.desktop.ui.StartupViewModel;
import edu.sevenp.desktop.ui.StartupWindow;
import edu.sevenp.desktop.ui.common.ProblemLog;
import edu.sevenp.desktop.ui.common.UiExecutors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A profile whose library file is damaged, opened as {@code --profile maria} opens it (the launcher's opener and
 * explanation): the window says in plain words that the library could not be opened and what to do, and "Open log"
 * opens the data folder's log.
 */
@ExtendWith(ApplicationExtension.class)
class CorruptProfileStartIT {

    private final ExecutorService opening = Executors.newSingleThreadExecutor();
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private Stage stage;

    @TempDir
    Path data;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        opening.shutdownNow();
    }

    @Test
    void aDamagedLibraryIsExplainedWithWhatToDoAndOpenLog(FxRobot robot) throws Exception {
        DesktopPaths paths = new DesktopPaths(data, "maria");
        Files.createDirectories(paths.profileDirectory());
        // Not an H2 file at all: what a disk error or a half-copied folder leaves.
        Files.write(paths.profileDirectory().resolve("store.mv.db"), new byte[64 * 1024]);
        StartupViewModel model = new StartupViewModel(profile -> DesktopContext.openForWindow(paths.withProfile(profile)),
                (failure, profile) -> StartupProblem.explain(failure, paths.withProfile(profile), Locale.ENGLISH),
                ProblemLog.inDataFolder(data, opened::add), new UiExecutors(opening, Platform::runLater),
                new LocalProfiles(data), "maria", "");

        robot.interact(() -> new StartupWindow(stage, model, services -> {
            throw new AssertionError("a damaged library opened");
        }, System.nanoTime()).show());

        await(() -> robot.lookup("#startupProblem").tryQuery().isPresent()
                && !robot.lookup("#startupProblem").queryAs(Label.class).getText().isEmpty(), () -> "no problem shown");
        String shown = robot.lookup("#startupProblem").queryAs(Label.class).getText();
        assertThat(shown).startsWith("Your library (profile \u201cmaria\u201d) could not be opened. ")
                .endsWith("Try again; if it keeps happening, restart the player. The details are in the log.");
        for (String technical : List.of("Exception", "java.", "org.", "SQL", "[9", "jdbc", "h2")) {
            assertThat(shown).as("technical words shown to the learner").doesNotContain(technical);
        }
        assertThat(robot.lookup("#startupLogFile").queryAs(Label.class).getText())
                .isEqualTo("Details are in the log file: " + data.resolve("logs").resolve("player.log"));

        Hyperlink openLog = robot.lookup("#startupOpenLog").queryAs(Hyperlink.class);
        assertThat(openLog.isVisible()).isTrue();
        robot.clickOn(openLog);

        assertThat(opened).containsExactly(data.resolve("logs").resolve("player.log"));
        robot.interact(stage::close);
    }
}
