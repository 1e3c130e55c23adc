package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.model.CourseId;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the player window and waits until the learner closes it. Uses {@link Platform#startup} rather
 * than an {@code Application} subclass, so that the window gets its collaborators through
 * constructors and the launcher stays a plain class (which packaging needs).
 */
public final class DesktopUi {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopUi.class);

    /** How long closing waits for the last writes (the time spent on the last lesson) before the store closes. */
    private static final long DRAIN_SECONDS = 10;

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

    /**
     * @param learning the learner's services over the profile's store (progress, notes, bookmarks)
     * @param library the courses in the store
     * @param search the profile's search, started before (it may block until the index opens: the window
     *        calls it on its background executor)
     */
    public static void showAndWait(LearningServices learning, LibraryService library, Supplier<SearchService> search,
            CourseId preferredCourse) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sevenp-background");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Platform.setImplicitExit(true);
            Platform.startup(() -> {
                PlayerWindow window = new PlayerWindow(learning, library, search, new UiExecutors(background, Platform::runLater),
                        Clock.systemUTC(), ZoneId.systemDefault(), preferredCourse);
                Scene scene = new Scene(window.root(), 1280, 800);
                window.installShortcuts(scene);
                Stage stage = new Stage();
                stage.setMinWidth(900);
                stage.setMinHeight(520);
                stage.titleProperty().bind(window.player().courseTitleProperty().concat(" — 7P Course Player"));
                stage.setScene(scene);
                stage.setOnHidden(event -> {
                    window.close();
                    closed.countDown();
                });
                stage.show();
                window.start();
                window.reportStudyTimeEvery(PlayerWindow.STUDY_REPORT_PERIOD);
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            background.shutdownNow();
            throw new NoDisplayException(e);
        }
        try {
            closed.await();
            // Let queued writes (the last lesson's time) finish before the caller closes the store.
            background.shutdown();
            if (!background.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running {} s after the window closed; stopping it", DRAIN_SECONDS);
            }
        } finally {
            background.shutdownNow();
            Platform.exit();
        }
    }
}
