package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.content.LessonHtml;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.search.SearchHit;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.ui.bookmarks.BookmarksView;
import edu.sevenp.desktop.ui.bookmarks.BookmarksViewModel;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.library.LibraryView;
import edu.sevenp.desktop.ui.library.LibraryViewModel;
import edu.sevenp.desktop.ui.notes.NotesView;
import edu.sevenp.desktop.ui.notes.NotesViewModel;
import edu.sevenp.desktop.ui.player.PlayerView;
import edu.sevenp.desktop.ui.player.PlayerViewModel;
import edu.sevenp.desktop.ui.player.ProgressViewModel;
import edu.sevenp.desktop.ui.quiz.QuizView;
import edu.sevenp.desktop.ui.quiz.QuizViewModel;
import edu.sevenp.desktop.ui.search.FxUiScheduler;
import edu.sevenp.desktop.ui.search.SearchView;
import edu.sevenp.desktop.ui.search.SearchViewModel;
import edu.sevenp.desktop.ui.sync.AccountPageView;
import edu.sevenp.desktop.ui.sync.AccountPageViewModel;
import edu.sevenp.desktop.ui.sync.SignInView;
import edu.sevenp.desktop.ui.sync.SignInViewModel;
import edu.sevenp.desktop.ui.sync.SyncIndicator;
import edu.sevenp.desktop.ui.sync.SyncPanelView;
import edu.sevenp.desktop.ui.sync.SyncTexts;
import edu.sevenp.desktop.ui.sync.SyncViewModel;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.QuizId;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The player window's parts wired together: the player, its progress, the notes, bookmarks, quizzes and
 * search panels, the library, which takes the place of the lesson while it is shown, and sync (the indicator in
 * the status bar, its panel and the sign-in dialog). Panels follow
 * the lesson the player shows and open lessons through it. Other panels join with
 * {@link PlayerView#addSideTab} on {@link #view()} and open lessons with
 * {@link PlayerViewModel#openLesson} on {@link #player()}. Create and use it on the JavaFX thread.
 */
public final class PlayerWindow {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PlayerWindow.class);

    /** How often the time spent on the lesson shown is saved while the window is open. */
    public static final Duration STUDY_REPORT_PERIOD = Duration.ofSeconds(45);
    /** How often the sync indicator counts the learner's waiting changes between syncs (a cheap count in H2). */
    public static final Duration SYNC_RECOUNT_PERIOD = Duration.ofSeconds(10);

    private final PlayerViewModel player;
    private final ProgressViewModel progress;
    private final NotesViewModel notes;
    private final BookmarksViewModel bookmarks;
    private final QuizViewModel quizzes;
    private final SearchViewModel search;
    private final LibraryViewModel library;
    private final SyncViewModel sync;
    private final SignInViewModel signIn;
    private final AccountPageViewModel account;
    private final PlayerView view;
    private final NotesView notesView;
    private final BookmarksView bookmarksView;
    private final QuizView quizView;
    private final SearchView searchView;
    private final LibraryView libraryView;
    private final SyncPanelView syncPanel;
    private final SignInView signInView;
    private final AccountPageView accountView;
    private final Tab notesTab;
    private final Tab quizTab;
    private final Tab searchTab;
    private Timeline studyTicker;
    private Timeline syncRecount;
    private ProfileExit exit = (removeProfile, message) -> LOG.warn("nothing takes the window back; {}", message);
    private String profileName;

    /** Hands the window back to what showed the player: the profile screen shows again. */
    @FunctionalInterface
    public interface ProfileExit {

        /**
         * @param removeProfile whether to remove the profile from this computer once it has closed
         * @param message what the profile screen says (what happened)
         */
        void leave(boolean removeProfile, String message);
    }

    /**
     * @param search the profile's search; called once, on the background executor (it may wait for the index)
     * @param sync the profile's sync engine: started by {@link #start()}, stopped by {@link #close()}
     * @param clock times the learner's study (a test clock in tests)
     * @param zone the learner's time zone, for the times notes were written
     * @param preferredCourse the course to open first when the library has it (may be null)
     */
    public PlayerWindow(LearningServices learning, LibraryService courses, Supplier<SearchService> search, SyncService sync,
            UiExecutors executors, Clock clock, ZoneId zone, CourseId preferredCourse) {
        Objects.requireNonNull(learning, "learning");
        LibraryService library = Objects.requireNonNull(courses, "courses");
        player = new PlayerViewModel(library, learning.lessons(), learning.resume(), new LessonHtml(), executors,
                preferredCourse);
        progress = new ProgressViewModel(learning.courses(), learning.progress(), clock, executors, player);
        notes = new NotesViewModel(learning.notes(), library, executors, player, player, zone);
        bookmarks = new BookmarksViewModel(learning.bookmarks(), library, executors, player, player);
        // A submitted quiz changes neither the outline nor the progress; the quiz list re-reads itself.
        quizzes = new QuizViewModel(learning.quizzes(), executors, clock);
        this.search = new SearchViewModel(search, learning.courses(), executors, new FxUiScheduler(), this::openHit);
        this.library = new LibraryViewModel(learning.courses(), learning.dashboard(), executors, clock, this::openCourse);
        // The engine tells its listeners on its own thread, or on the one closing it: statuses always reach the
        // properties through runLater, whatever executors the window was given (tests give same-thread ones).
        UiExecutors syncExecutors = new UiExecutors(executors.background(), Platform::runLater);
        SyncTexts syncTexts = new SyncTexts(zone, Locale.getDefault());
        this.sync = new SyncViewModel(Objects.requireNonNull(sync, "sync"), syncExecutors, syncTexts,
                message -> exit.leave(true, message));
        signIn = new SignInViewModel(sync, executors);
        account = new AccountPageViewModel(sync, executors, syncTexts);
        player.shownLessonProperty().addListener((property, old, shown) -> {
            if (shown != null) {
                progress.lessonShown(shown);
                notes.show(shown);
                bookmarks.show(shown);
                quizzes.showLesson(shown.course(), shown.lesson());
                this.search.setCurrentCourse(shown.course());
            }
        });

        view = new PlayerView(player, progress);
        notesView = new NotesView(notes);
        bookmarksView = new BookmarksView(bookmarks);
        quizView = new QuizView(quizzes);
        searchView = new SearchView(this.search);
        libraryView = new LibraryView(this.library);
        signInView = new SignInView(signIn);
        accountView = new AccountPageView(account);
        syncPanel = new SyncPanelView(this.sync, this::showSignIn, this::showAccount);
        view.addStatusAction(new SyncIndicator(this.sync, this::showSyncPanel).root());
        notesTab = view.addSideTab("Notes", notesView.root());
        view.addSideTab("Bookmarks", bookmarksView.root());
        quizTab = view.addSideTab("Quizzes", quizView.root());
        searchTab = view.addSideTab("Search", searchView.root());
        view.addLessonAction(bookmarksView.toggle());
        addHeaderButtons();
        // Esc leaves the library for the lesson (the filter field has no use for it).
        libraryView.root().addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                closeLibrary();
                event.consume();
            }
        });
    }

    private void addHeaderButtons() {
        Button searchButton = new Button("Search");
        searchButton.setId("searchButton");
        searchButton.setMnemonicParsing(false);
        searchButton.setTooltip(new Tooltip("Search lessons, quizzes and notes (Ctrl+F)"));
        searchButton.setOnAction(event -> showSearch());
        Button libraryButton = new Button();
        libraryButton.setId("libraryButton");
        libraryButton.setMnemonicParsing(false);
        libraryButton.setTooltip(new Tooltip("Show your library, or go back to the lesson (Ctrl+L)"));
        libraryButton.setOnAction(event -> toggleLibrary());
        libraryButton.textProperty().bind(view.showingPlayerProperty().map(player -> player ? "Library" : "Back to lesson"));
        view.addHeaderAction(searchButton);
        view.addHeaderAction(libraryButton);
    }

    /** Search results lead to the lesson, the Notes tab or the Quizzes tab. */
    private void openHit(SearchHit hit) {
        switch (hit.type()) {
            case LESSON -> player.openLesson(hit.course(), hit.lesson());
            case NOTE -> {
                player.openLesson(hit.course(), hit.lesson());
                view.showSideTab(notesTab);
            }
            case QUIZ -> {
                if (hit.lesson() != null) {
                    // The lesson's quiz list (it follows the lesson) holds the quiz.
                    player.openLesson(hit.course(), hit.lesson());
                } else if (isOpen(hit.course())) {
                    quizzes.showQuiz(new QuizId(hit.id()));
                } else {
                    // Every lesson of a course lists its course-wide quizzes after its own.
                    player.openCourse(hit.course());
                }
                view.showSideTab(quizTab);
                quizView.focus();
            }
        }
    }

    private boolean isOpen(CourseId course) {
        return player.outlineProperty().get() != null && player.outlineProperty().get().course().id().equals(course);
    }

    private void openCourse(CourseId course) {
        player.openCourse(course);
        closeLibrary();
    }

    private void toggleLibrary() {
        if (view.isShowingPlayer()) {
            showLibrary();
        } else {
            closeLibrary();
        }
    }

    /** Shows the library instead of the lesson, read afresh (progress has moved since it was last shown). */
    public void showLibrary() {
        library.refresh();
        view.showInstead(libraryView.root());
        libraryView.focus();
    }

    private void closeLibrary() {
        if (!view.isShowingPlayer()) {
            view.showPlayer();
        }
    }

    /** Opens the sync panel over the window (Ctrl+Shift+S, or the indicator). */
    public void showSyncPanel() {
        syncPanel.show(view.root().getScene().getWindow());
    }

    /** Opens the account page over the window: the account's devices (Ctrl+Shift+A, or "Account…" in the sync panel). */
    public void showAccount() {
        accountView.show(view.root().getScene().getWindow());
    }

    /** Opens the sign-in dialog over the sync panel, filled from the account the profile had. */
    private void showSignIn() {
        signInView.show(syncPanel.window(), sync.statusProperty().get());
    }

    private void showSearch() {
        closeLibrary();
        view.showSideTab(searchTab);
        searchView.focus();
    }

    public Parent root() {
        return view.root();
    }

    /** What takes the window back when the learner leaves the profile (switches, or signs out and removes its data). */
    public void setOnLeave(ProfileExit exit) {
        this.exit = Objects.requireNonNull(exit, "exit");
    }

    /**
     * Says in the status bar which profile is open; its button (and Ctrl+Shift+P) closes the profile and goes back to
     * the profile screen. For the window's host, which knows the profile's name.
     */
    public void showProfile(String name) {
        Objects.requireNonNull(name, "name");
        Button profile = new Button("Profile: " + name);
        profile.setId("profileButton");
        profile.setMnemonicParsing(false);
        profile.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        profile.setTooltip(new Tooltip("Close this profile and choose another (Ctrl+Shift+P)"));
        profile.setOnAction(event -> switchProfile());
        profileName = name;
        view.addStatusAction(profile);
    }

    /** Closes the profile and goes back to the profile screen (Ctrl+Shift+P); its data stays. */
    public void switchProfile() {
        exit.leave(false, profileName == null ? "" : "Closed the profile \u201c" + profileName + "\u201d; everything in"
                + " it stays on this computer.");
    }

    /** The window's keyboard shortcuts; see the README's list. */
    public void installShortcuts(Scene scene) {
        view.installShortcuts(scene);
        bookmarksView.installShortcuts(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                () -> {
                    closeLibrary();
                    view.showSideTab(notesTab);
                    notesView.focusEditor();
                });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.ALT_DOWN), () -> {
            if (notesTab.isSelected()) {
                notesView.toggleWholeCourse();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.ALT_DOWN), () -> {
            if (notesTab.isSelected()) {
                notesView.chooseExportFile();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::showSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::toggleLibrary);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::showSyncPanel);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::showAccount);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::switchProfile);
        // Any key, click, scroll or mouse move means the learner is there: study time counts (again).
        scene.addEventFilter(InputEvent.ANY, event -> progress.inputSeen());
        // Ctrl+Enter needs no entry here: the note editor and the quiz pane each take it only while they hold
        // the focus (key filters on their own nodes), so one never submits the other.
    }

    /** Opens the starting course and the search index, and starts sync. */
    public void start() {
        player.start();
        search.start();
        sync.start();
        // The engine counts changes after each of its steps; the learner's writes in between are counted here.
        syncRecount = new Timeline(new KeyFrame(javafx.util.Duration.millis(SYNC_RECOUNT_PERIOD.toMillis()),
                event -> sync.recount()));
        syncRecount.setCycleCount(Animation.INDEFINITE);
        syncRecount.play();
    }

    /**
     * Saves the time spent on the lesson shown every {@code period} while the window is open, after checking
     * whether the learner went idle (idle time is not counted).
     */
    public void reportStudyTimeEvery(Duration period) {
        stopTicker();
        studyTicker = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), event -> {
            progress.checkIdle();
            progress.reportStudyTime();
        }));
        studyTicker.setCycleCount(Animation.INDEFINITE);
        studyTicker.play();
    }

    /** The window was minimised ({@code true}) or restored: study time does not count while it is minimised. */
    public void windowHidden(boolean hidden) {
        progress.windowHidden(hidden);
    }

    /**
     * The window closes: saves the time not yet reported and the reading position (on the background executor,
     * which should then drain).
     */
    public void close() {
        stopTicker();
        if (syncRecount != null) {
            syncRecount.stop();
        }
        view.leaveLesson();
        search.dispose();
        progress.close();
        syncPanel.close();
        accountView.close();
        signInView.close();
        sync.close();
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

    public QuizViewModel quizzes() {
        return quizzes;
    }

    public SearchViewModel search() {
        return search;
    }

    public LibraryViewModel library() {
        return library;
    }

    public SyncViewModel sync() {
        return sync;
    }

    public PlayerView view() {
        return view;
    }
}
