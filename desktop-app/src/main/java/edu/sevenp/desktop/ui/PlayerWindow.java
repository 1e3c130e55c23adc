package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.content.LessonHtml;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.ui.bookmarks.BookmarksView;
import edu.sevenp.desktop.ui.bookmarks.BookmarksViewModel;
import edu.sevenp.desktop.ui.notes.NotesView;
import edu.sevenp.desktop.ui.notes.NotesViewModel;
import edu.sevenp.desktop.ui.player.PlayerView;
import edu.sevenp.desktop.ui.player.PlayerViewModel;
import edu.sevenp.desktop.ui.player.ProgressViewModel;
import edu.sevenp.model.CourseId;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The player window's parts wired together: the player, its progress, the notes and bookmarks panels.
 * Panels follow the lesson the player shows and open lessons through it. Other panels join with
 * {@link PlayerView#addSideTab} on {@link #view()} and open lessons with
 * {@link PlayerViewModel#openLesson} on {@link #player()}. Create and use it on the JavaFX thread.
 */
public final class PlayerWindow {

    /** How often the time spent on the lesson shown is saved while the window is open. */
    public static final Duration STUDY_REPORT_PERIOD = Duration.ofSeconds(45);

    private final PlayerViewModel player;
    private final ProgressViewModel progress;
    private final NotesViewModel notes;
    private final BookmarksViewModel bookmarks;
    private final PlayerView view;
    private final NotesView notesView;
    private final BookmarksView bookmarksView;
    private final Tab notesTab;
    private Timeline studyTicker;

    /**
     * @param clock times the learner's study (a test clock in tests)
     * @param zone the learner's time zone, for the times notes were written
     * @param preferredCourse the course to open first when the library has it (may be null)
     */
    public PlayerWindow(LearningServices learning, LibraryService library, UiExecutors executors, Clock clock, ZoneId zone,
            CourseId preferredCourse) {
        Objects.requireNonNull(learning, "learning");
        player = new PlayerViewModel(library, learning.lessons(), new LessonHtml(), executors, preferredCourse);
        progress = new ProgressViewModel(learning.courses(), learning.progress(), clock, executors, player);
        notes = new NotesViewModel(learning.notes(), library, executors, player, player, zone);
        bookmarks = new BookmarksViewModel(learning.bookmarks(), library, executors, player, player);
        player.shownLessonProperty().addListener((property, old, shown) -> {
            if (shown != null) {
                progress.lessonShown(shown);
                notes.show(shown);
                bookmarks.show(shown);
            }
        });

        view = new PlayerView(player, progress);
        notesView = new NotesView(notes);
        bookmarksView = new BookmarksView(bookmarks);
        notesTab = view.addSideTab("Notes", notesView.root());
        view.addSideTab("Bookmarks", bookmarksView.root());
        view.addLessonAction(bookmarksView.toggle());
    }

    public Parent root() {
        return view.root();
    }

    /** The window's keyboard shortcuts; see the README's list. */
    public void installShortcuts(Scene scene) {
        view.installShortcuts(scene);
        bookmarksView.installShortcuts(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                () -> {
                    view.showSideTab(notesTab);
                    notesView.focusEditor();
                });
    }

    /** Opens the starting course. */
    public void start() {
        player.start();
    }

    /** Saves the time spent on the lesson shown every {@code period} while the window is open. */
    public void reportStudyTimeEvery(Duration period) {
        stopTicker();
        studyTicker = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()),
                event -> progress.reportStudyTime()));
        studyTicker.setCycleCount(Animation.INDEFINITE);
        studyTicker.play();
    }

    /** The window closes: saves the time not yet reported (on the background executor, which should then drain). */
    public void close() {
        stopTicker();
        progress.close();
    }

    private void stopTicker() {
        if (studyTicker != null) {
            studyTicker.stop();
            studyTicker = null;
        }
    }

    public PlayerViewModel player() {
        return player;
    }

    public ProgressViewModel progress() {
        return progress;
    }

    public NotesViewModel notes() {
        return notes;
    }

    public BookmarksViewModel bookmarks() {
        return bookmarks;
    }

    public PlayerView view() {
        return view;
    }
}
