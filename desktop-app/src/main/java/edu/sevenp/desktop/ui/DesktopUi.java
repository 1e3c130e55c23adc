package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.content.LessonHtml;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.ui.player.PlayerView;
import edu.sevenp.desktop.ui.player.PlayerViewModel;
import edu.sevenp.model.CourseId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the player window and waits until the learner closes it. Uses {@link Platform#startup} rather
 * than an {@code Application} subclass, so that the window gets its collaborators through
 * constructors and the launcher stays a plain class (which packaging needs).
 */
public final class DesktopUi {

    private DesktopUi() {
    }

    /** Thrown when there is no display to show a window on. */
    public static final class NoDisplayException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoDisplayException(Throwable cause) {
            super("The player needs a graphical display, and none is available ("
                    + cause.getMessage() + "). Headless use: --self-check, --import <package>.", cause);
        }
    }

    public static void showAndWait(LibraryService library, CourseId preferredCourse) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sevenp-background");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Platform.setImplicitExit(true);
            Platform.startup(() -> {
                PlayerViewModel viewModel = new PlayerViewModel(library, new LessonHtml(),
                        new UiExecutors(background, Platform::runLater), preferredCourse);
                PlayerView view = new PlayerView(viewModel);
                Scene scene = new Scene(view.root(), 1200, 780);
                view.installShortcuts(scene);
                Stage stage = new Stage();
                stage.setMinWidth(720);
                stage.setMinHeight(480);
                stage.titleProperty().bind(viewModel.courseTitleProperty().concat(" — 7P Course Player"));
                stage.setScene(scene);
                stage.setOnHidden(event -> closed.countDown());
                stage.show();
                viewModel.start();
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            background.shutdownNow();
            throw new NoDisplayException(e);
        }
        try {
            closed.await();
        } finally {
            background.shutdownNow();
            Platform.exit();
        }
    }
}
