package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.content.LessonHtml;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.library.PackageImport;
import edu.sevenp.desktop.search.SearchHit;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.media.CourseDownloads;
import edu.sevenp.desktop.ui.bookmarks.BookmarksView;
import edu.sevenp.desktop.ui.bookmarks.BookmarksViewModel;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.catalog.CatalogView;
import edu.sevenp.desktop.ui.catalog.CatalogViewModel;
import edu.sevenp.desktop.ui.common.LessonOpener;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.desktop.ui.common.ProblemLog;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.conflicts.NoteConflictsView;
import edu.sevenp.desktop.ui.conflicts.NoteConflictsViewModel;
import edu.sevenp.desktop.ui.dashboard.DashboardTexts;
import edu.sevenp.desktop.ui.dashboard.DashboardView;
import edu.sevenp.desktop.ui.dashboard.DashboardViewModel;
import edu.sevenp.desktop.ui.dashboard.SyncRecommendationFeed;
import edu.sevenp.desktop.ui.statistics.StatisticsTexts;
import edu.sevenp.desktop.ui.statistics.StatisticsView;
import edu.sevenp.desktop.ui.statistics.StatisticsViewModel;
import edu.sevenp.desktop.ui.library.CoursesScreen;
import edu.sevenp.desktop.ui.library.LibraryView;
import edu.sevenp.desktop.ui.library.LibraryViewModel;
import edu.sevenp.desktop.ui.notes.NotesView;
import edu.sevenp.desktop.ui.notes.NotesViewModel;
import edu.sevenp.desktop.ui.player.PlayerView;
import edu.sevenp.desktop.ui.player.PlayerViewModel;
import edu.sevenp.desktop.ui.player.ProgressViewModel;
import edu.sevenp.desktop.ui.quiz.QuizPageView;
import edu.sevenp.desktop.ui.quiz.QuizView;
import edu.sevenp.desktop.ui.quiz.QuizViewModel;
import edu.sevenp.desktop.ui.search.FxUiScheduler;
import edu.sevenp.desktop.ui.search.SearchView;
import edu.sevenp.desktop.ui.search.SearchViewModel;
import edu.sevenp.desktop.ui.sync.AccountPageView;
import edu.sevenp.desktop.ui.sync.AccountPageViewModel;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import edu.sevenp.desktop.ui.settings.SettingsView;
import edu.sevenp.desktop.ui.settings.SettingsViewModel;
import edu.sevenp.desktop.ui.sync.SignInView;
import edu.sevenp.desktop.ui.sync.SignInViewModel;
import edu.sevenp.desktop.ui.sync.SyncIndicator;
import edu.sevenp.desktop.ui.sync.SyncPanelView;
import edu.sevenp.desktop.ui.sync.SyncTexts;
import edu.sevenp.desktop.ui.sync.SyncViewModel;
import edu.sevenp.desktop.ui.video.FxPlayback;
import edu.sevenp.desktop.ui.video.Playbacks;
import edu.sevenp.desktop.ui.video.VideoView;
import edu.sevenp.desktop.ui.video.VideoViewModel;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.QuizId;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
    private final SyncService syncEngine;
    private final SignInViewModel signIn;
    private final AccountPageViewModel account;
    private final VideoViewModel video;
    private final PlayerView view;
    private final VideoView videoView;
    /** Kept here: a binding nothing holds on to would be collected, and its listener with it. */
    private final BooleanBinding showingPlayer;
    private final NotesView notesView;
    private final BookmarksView bookmarksView;
    private final QuizView quizView;
    private final QuizPageView quizPage;
    private final SearchView searchView;
    private final LibraryView libraryView;
    private final CatalogView catalogView;
    private final DashboardTexts dashboardTexts = new DashboardTexts(Locale.getDefault());
    private final DashboardViewModel dashboard;
    private final NoteConflictsView conflictsView;
    private final DashboardView dashboardView;
    private final StatisticsViewModel statistics;
    private final StatisticsView statisticsView;
    private final CatalogViewModel catalog;
    private final CoursesScreen coursesScreen;
    private final SyncPanelView syncPanel;
    private final SignInView signInView;
    private final AccountPageView accountView;
    private final SettingsViewModel settings;
    private final SettingsView settingsView;
    private final Messages messages = Messages.of(PlayerWindow.class);
    private final Tab notesTab;
    private final Tab quizTab;
    private final Tab searchTab;
    private Timeline studyTicker;
    private Timeline syncRecount;
    private ProfileExit exit = (removeProfile, message) -> LOG.warn("nothing takes the window back; {}", message);
    private String profileName;
    /** Set once the window has closed: what waited for the first lesson does not start after that. */
    private boolean closed;

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
     * @param downloads the profile's server courses on this computer (over {@code sync})
     * @param imports imports course packages from disk
     * @param clock times the learner's study (a test clock in tests)
     * @param zone the learner's time zone, for the times notes were written
     * @param preferredCourse the course to open first when the library has it (may be null)
     */
    public PlayerWindow(LearningServices learning, LibraryService courses, Supplier<SearchService> search, SyncService sync,
            CourseDownloads downloads, PackageImport imports, UiExecutors executors, Clock clock, ZoneId zone,
            CourseId preferredCourse) {
        this(learning, courses, search, sync, downloads, imports, executors, clock, zone, preferredCourse,
                FxPlayback::open, SettingsContext.inMemory());
    }

    /**
     * @param settingsContext the learner's settings: the settings screen (Ctrl+,) changes and keeps them, the lesson
     *     follows their appearance (the window's controls follow it through their scene)
     */
    public PlayerWindow(LearningServices learning, LibraryService courses, Supplier<SearchService> search, SyncService sync,
            CourseDownloads downloads, PackageImport imports, UiExecutors executors, Clock clock, ZoneId zone,
            CourseId preferredCourse, SettingsContext settingsContext) {
        this(learning, courses, search, sync, downloads, imports, executors, clock, zone, preferredCourse,
                FxPlayback::open, settingsContext, executors);
    }

    /**
     * @param searchExecutors where searching runs: in the app a thread of its own, so that the results for the last
     *     key never wait behind other background work (progress writes, panels reading the store)
     */
    public PlayerWindow(LearningServices learning, LibraryService courses, Supplier<SearchService> search, SyncService sync,
            CourseDownloads downloads, PackageImport imports, UiExecutors executors, Clock clock, ZoneId zone,
            CourseId preferredCourse, SettingsContext settingsContext, UiExecutors searchExecutors) {
        this(learning, courses, search, sync, downloads, imports, executors, clock, zone, preferredCourse,
                FxPlayback::open, settingsContext, searchExecutors);
    }

    /** @param playbacks plays videos: JavaFX's media player, or a scripted one in tests */
    public PlayerWindow(LearningServices learning, LibraryService courses, Supplier<SearchService> search, SyncService sync,
            CourseDownloads downloads, PackageImport imports, UiExecutors executors, Clock clock, ZoneId zone,
            CourseId preferredCourse, Playbacks playbacks, SettingsContext settingsContext) {
        this(learning, courses, search, sync, downloads, imports, executors, clock, zone, preferredCourse, playbacks,
                settingsContext, executors);
    }

    private PlayerWindow(LearningServices learning, LibraryService courses, Supplier<SearchService> search, SyncService sync,
            CourseDownloads downloads, PackageImport imports, UiExecutors executors, Clock clock, ZoneId zone,
            CourseId preferredCourse, Playbacks playbacks, SettingsContext settingsContext, UiExecutors searchExecutors) {
        Objects.requireNonNull(learning, "learning");
        LibraryService library = Objects.requireNonNull(courses, "courses");
        player = new PlayerViewModel(library, learning.lessons(), learning.resume(), new LessonHtml(), executors,
                preferredCourse);
        // The first lesson is read in the background while the rest of the window is built.
        player.prepare();
        progress = new ProgressViewModel(learning.courses(), learning.progress(), clock, executors, player);
        video = new VideoViewModel(learning.video(), executors, player, playbacks, clock);
        video.onCompleted(report -> Optional.ofNullable(player.shownLessonProperty().get())
                .ifPresent(shown -> progress.watchedToCompletion(shown, report.completedCourse())));
        // A note's or a bookmark's time plays the video from there.
        LessonOpener opener = new LessonOpener() {
            @Override
            public void openLesson(CourseId course, LessonId lesson) {
                player.openLesson(course, lesson);
            }

            @Override
            public void openLessonAt(CourseId course, LessonId lesson, int seconds) {
                video.seekWhenShown(lesson, seconds);
                player.openLesson(course, lesson);
                videoView.focus();
            }
        };
        notes = new NotesViewModel(learning.notes(), library, executors, player, opener, zone);
        notes.useVideoTime(video::currentSecond);
        notes.videoLessonProperty().bind(video.hasVideoProperty());
        bookmarks = new BookmarksViewModel(learning.bookmarks(), library, executors, player, opener);
        bookmarks.useVideoTime(video::currentSecond);
        // A submitted quiz changes neither the outline nor the progress; the quiz list re-reads itself.
        quizzes = new QuizViewModel(learning.quizzes(), executors, clock);
        // A graded attempt in progress is not left for another lesson or course without a question.
        player.guardLeaving(quizzes);
        this.search = new SearchViewModel(search, learning.courses(), Objects.requireNonNull(searchExecutors,
                "searchExecutors"), new FxUiScheduler(), this::openHit);
        this.library = new LibraryViewModel(learning.courses(), learning.dashboard(), executors, clock, this::openCourse,
                downloads, imports);
        catalog = new CatalogViewModel(sync::catalog, downloads, executors);
        dashboard = new DashboardViewModel(learning.dashboard(), new SyncRecommendationFeed(Objects.requireNonNull(sync,
                "sync")), executors, clock, dashboardTexts, this::openCourse);
        // The engine tells its listeners on its own thread, or on the one closing it: statuses always reach the
        // properties through runLater, whatever executors the window was given (tests give same-thread ones).
        syncEngine = sync;
        UiExecutors syncExecutors = new UiExecutors(executors.background(), Platform::runLater);
        SyncTexts syncTexts = new SyncTexts(zone, Locale.getDefault());
        this.sync = new SyncViewModel(Objects.requireNonNull(sync, "sync"), syncExecutors, syncTexts,
                message -> exit.leave(true, message));
        signIn = new SignInViewModel(sync, executors);
        account = new AccountPageViewModel(sync, executors, syncTexts);
        settings = new SettingsViewModel(Objects.requireNonNull(settingsContext, "settingsContext"), executors,
                Bindings.createStringBinding(() -> signedInServer(this.sync.statusProperty().get()),
                        this.sync.statusProperty()));
        // The server signed in to is the one to propose next time.
        signIn.signedInProperty().addListener((property, old, signedIn) -> {
            if (signedIn) {
                settings.serverUsed(signIn.serverProperty().get());
            }
        });
        player.shownLessonProperty().addListener((property, old, shown) -> {
            if (shown != null) {
                progress.lessonShown(shown);
                video.show(shown);
                notes.show(shown);
                bookmarks.show(shown);
                quizzes.showLesson(shown.course(), shown.lesson());
                this.search.setCurrentCourse(shown.course());
            }
        });

        // Once its video plays here, a lesson completes by watching; one whose video cannot play keeps Mark complete.
        video.readyProperty().addListener((property, was, ready) -> {
            LessonRef shown = player.shownLessonProperty().get();
            if (ready && shown != null) {
                progress.completesByWatching(shown);
            }
        });

        view = new PlayerView(player, progress);
        videoView = new VideoView(video);
        view.addLessonMedia(videoView.root());
        notesView = new NotesView(notes);
        bookmarksView = new BookmarksView(bookmarks);
        quizView = new QuizView(quizzes);
        quizPage = new QuizPageView(quizzes);
        // An attempt is taken in the main pane, where the lesson shows; the lesson comes back after it.
        quizzes.phaseProperty().addListener((property, old, phase) -> {
            if (phase == QuizViewModel.Phase.LIST) {
                view.showLessonPage();
            } else {
                closeLibrary();
                video.pause();
                view.showMainPage(quizPage.root(), quizPage::focus);
            }
        });
        // A sync may bring the server's grade of an attempt that awaited it.
        this.sync.statusProperty().addListener((property, old, status) -> {
            if (status != null && status.lastSuccess() != null
                    && (old == null || !status.lastSuccess().equals(old.lastSuccess()))) {
                quizzes.gradesMayHaveChanged();
            }
        });
        searchView = new SearchView(this.search);
        libraryView = new LibraryView(this.library);
        catalogView = new CatalogView(catalog, this::showSyncPanel);
        coursesScreen = new CoursesScreen(this.library, libraryView, catalogView,
                catalog::show, catalog::hide);
        coursesScreen.onReveal(() -> view.showInstead(coursesScreen.root()));
        dashboardView = new DashboardView(dashboard, dashboardTexts);
        StatisticsTexts statisticsTexts = new StatisticsTexts(Locale.getDefault());
        statistics = new StatisticsViewModel(sync.statistics(), executors, clock, statisticsTexts);
        statisticsView = new StatisticsView(statistics, statisticsTexts);
        signInView = new SignInView(signIn);
        settingsView = new SettingsView(settings);
        view.followAppearance(settingsContext.appearance());
        NoteConflictsViewModel conflicts = new NoteConflictsViewModel(learning.notes(), executors, zone,
                Locale.getDefault(), () -> {
                    // Counting reads the store: on the engine's thread. The notes shown may have changed too.
                    sync.recount();
                    LessonRef shown = player.shownLessonProperty().get();
                    if (shown != null) {
                        notes.show(shown);
                    }
                });
        conflictsView = new NoteConflictsView(conflicts);
        accountView = new AccountPageView(account);
        syncPanel = new SyncPanelView(this.sync, this::showSignIn, this::showAccount,
                conflictsView.openButton(this::showConflicts));
        view.addStatusAction(new SyncIndicator(this.sync, this::showSyncPanel).root());
        offerLog(settingsContext.problemLog());
        notesTab = view.addSideTab("tab-notes", messages.get("tab.notes"), notesView.root());
        view.addSideTab("tab-bookmarks", messages.get("tab.bookmarks"), bookmarksView.root());
        quizTab = view.addSideTab("tab-quizzes", messages.get("tab.quizzes"), quizView.root());
        searchTab = view.addSideTab("tab-search", messages.get("tab.search"), searchView.root());
        view.addLessonAction(bookmarksView.toggle());
        addHeaderButtons();
        // The library or the dashboard takes the lesson's place: its video stops rather than play on unseen.
        showingPlayer = view.showingPlayerProperty();
        showingPlayer.addListener((property, was, showing) -> {
            if (!showing) {
                video.pause();
            }
        });
        // The library and the catalog follow sync: live download progress, sign-in and sign-out.
        this.sync.statusProperty().addListener((property, old, now) -> {
            this.library.syncStatus(now);
            catalog.syncStatus(now);
        });
        catalog.syncStatus(this.sync.statusProperty().get());
        // Esc leaves the library for the lesson (the filter field has no use for it).
        coursesScreen.root().addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                closeLibrary();
                event.consume();
            }
        });
        // And the dashboard: a filter, because its lists take Esc for themselves (to cancel an edit they never start).
        dashboardView.root().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                closeLibrary();
                event.consume();
            }
        });
        statisticsView.root().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                closeLibrary();
                event.consume();
            }
        });
    }

    /** Every error banner and failure message offers "Open log": the details of what went wrong are there. */
    private void offerLog(ProblemLog log) {
        view.offerLog(log);
        videoView.offerLog(log);
        libraryView.offerLog(log);
        catalogView.offerLog(log);
        syncPanel.offerLog(log);
        quizView.offerLog(log);
        quizPage.offerLog(log);
        searchView.offerLog(log);
        dashboardView.offerLog(log);
        signInView.offerLog(log);
        accountView.offerLog(log);
        conflictsView.offerLog(log);
    }

    private void addHeaderButtons() {
        Button searchButton = new Button(messages.get("header.search"));
        searchButton.setId("searchButton");
        searchButton.setMnemonicParsing(false);
        searchButton.setTooltip(new Tooltip(messages.get("header.search.tooltip")));
        searchButton.setOnAction(event -> showSearch());
        Button libraryButton = new Button();
        libraryButton.setId("libraryButton");
        libraryButton.setMnemonicParsing(false);
        libraryButton.setTooltip(new Tooltip(messages.get("header.library.tooltip")));
        libraryButton.setOnAction(event -> toggleLibrary());
        libraryButton.textProperty().bind(view.showingProperty(coursesScreen.root())
                .map(showing -> messages.get(showing ? "header.backToLesson" : "header.library")));
        Button settingsButton = new Button(messages.get("header.settings"));
        settingsButton.setId("settingsButton");
        settingsButton.setMnemonicParsing(false);
        settingsButton.setTooltip(new Tooltip(messages.get("header.settings.tooltip")));
        settingsButton.setOnAction(event -> showSettings());
        Button dashboardButton = dashboardView.headerButton(view.showingProperty(dashboardView.root()),
                this::toggleDashboard);
        view.addHeaderAction(searchButton);
        view.addHeaderAction(dashboardButton);
        view.addHeaderAction(libraryButton);
        view.addHeaderAction(settingsButton);
    }

    /** Search results lead to the lesson, the Notes tab or the Quizzes tab. */
    private void openHit(SearchHit hit) {
        switch (hit.type()) {
            case LESSON -> player.openLesson(hit.course(), hit.lesson());
            case NOTE -> {
                if (hit.lesson() != null) {
                    player.openLesson(hit.course(), hit.lesson());
                } else {
                    // A note from a removed lesson has no lesson to open: the whole course's notes list it.
                    if (!isOpen(hit.course())) {
                        player.openCourse(hit.course());
                    }
                    notes.wholeCourseProperty().set(true);
                }
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
        if (view.isShowing(coursesScreen.root()) && !coursesScreen.showsCatalog()) {
            closeLibrary();
        } else {
            showLibrary();
        }
    }

    private void toggleDashboard() {
        if (view.isShowing(dashboardView.root())) {
            closeLibrary();
        } else {
            showDashboard();
        }
    }

    /** Shows an instructor's course statistics instead of the lesson (Ctrl+Shift+T), read afresh; again: back. */
    public void toggleStatistics() {
        if (view.isShowing(statisticsView.root())) {
            closeLibrary();
        } else {
            statistics.refresh();
            view.showInstead(statisticsView.root());
            statisticsView.focus();
        }
    }

    /** The course statistics screen, for an export to a path chosen elsewhere than its file chooser. */
    public StatisticsView statisticsScreen() {
        return statisticsView;
    }

    /** Shows the dashboard instead of the lesson, read afresh. */
    public void showDashboard() {
        dashboard.refresh();
        view.showInstead(dashboardView.root());
        dashboardView.focus();
    }

    /** Shows the library instead of the lesson, read afresh (progress has moved since it was last shown). */
    public void showLibrary() {
        view.showInstead(coursesScreen.root());
        coursesScreen.showLibrary();
    }

    /** Shows the server's catalog instead of the lesson (Ctrl+Shift+L), next to the library. */
    public void showCatalog() {
        view.showInstead(coursesScreen.root());
        coursesScreen.showCatalog();
    }

    private void toggleCatalog() {
        if (!view.isShowingPlayer() && coursesScreen.showsCatalog()) {
            closeLibrary();
        } else {
            showCatalog();
        }
    }

    /** The library and catalog screen, for the import of a package from a path (the file chooser's or a drop's). */
    public CoursesScreen courses() {
        return coursesScreen;
    }

    private void closeLibrary() {
        if (!view.isShowingPlayer()) {
            view.showPlayer();
        }
    }

    /**
     * Whether the window may close now. With a graded quiz attempt in progress the quiz page asks first, and
     * {@code close} runs once the learner confirms leaving it.
     */
    public boolean mayClose(Runnable close) {
        if (quizzes.mayLeave(close)) {
            return true;
        }
        closeLibrary();
        return false;
    }

    /** Opens the sync panel over the window (Ctrl+Shift+S, or the indicator). */
    public void showSyncPanel() {
        syncPanel.show(view.root().getScene().getWindow());
    }

    /** Opens the account page over the window: the account's devices (Ctrl+Shift+A, or "Account…" in the sync panel). */
    public void showAccount() {
        accountView.show(view.root().getScene().getWindow());
    }

    /** Opens conflicting notes side by side over the sync panel. */
    private void showConflicts() {
        conflictsView.show(syncPanel.window());
    }

    /** Opens the sign-in dialog over the sync panel, filled from the account the profile had, or the settings' server. */
    private void showSignIn() {
        signInView.show(syncPanel.window(), sync.statusProperty().get(), settings.serverToPropose(),
                settings.isLocked(edu.sevenp.desktop.ui.settings.SettingKey.SERVER_URL));
    }

    /** Opens the settings screen over the window (Ctrl+, or the header's Settings). */
    public void showSettings() {
        settingsView.show(view.root().getScene().getWindow());
    }

    private static String signedInServer(edu.sevenp.desktop.sync.SyncStatus status) {
        return status == null || status.account() == null ? "" : status.account().server();
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
        Button profile = new Button(messages.format("status.profile", name));
        profile.setId("profileButton");
        profile.setMnemonicParsing(false);
        profile.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        profile.setTooltip(new Tooltip(messages.get("status.profile.tooltip")));
        profile.setOnAction(event -> switchProfile());
        profileName = name;
        view.addStatusAction(profile);
    }

    /**
     * Closes the profile and goes back to the profile screen (Ctrl+Shift+P); its data stays. A graded quiz attempt in
     * progress is not left without a question.
     */
    public void switchProfile() {
        Runnable leave = () -> exit.leave(false, profileName == null ? "" : messages.format("profile.closed", profileName));
        if (mayClose(leave)) {
            leave.run();
        }
    }

    /** The window's keyboard shortcuts; see the README's list. */
    public void installShortcuts(Scene scene) {
        view.installShortcuts(scene);
        bookmarksView.installShortcuts(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                () -> {
                    closeLibrary();
                    notes.stampVideoTime();
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
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::toggleDashboard);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), this::toggleStatistics);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::showSyncPanel);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::showAccount);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::switchProfile);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), this::showSettings);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::toggleCatalog);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                () -> coursesScreen.chooseImport(scene.getWindow()));
        coursesScreen.acceptDrops(scene);
        // Any key, click, scroll or mouse move means the learner is there: study time counts (again).
        scene.addEventFilter(InputEvent.ANY, event -> progress.inputSeen());
        // Ctrl+Enter needs no entry here: the note editor and the quiz pane each take it only while they hold
        // the focus (key filters on their own nodes), so one never submits the other.
    }

    /**
     * Opens the starting course; once its first lesson shows (or the player has found none to show), opens the search
     * index and starts sync, which would otherwise compete with the first lesson for the processor and the store.
     */
    public void start() {
        player.start();
        // On the JavaFX thread, whatever thread told the player it had started (the timeline below needs it).
        player.started().thenRun(() -> onFxThread(() -> afterFirstLessonDrawn(this::startAfterFirstLesson)));
    }

    /**
     * Runs {@code then} once the first lesson is on screen (at once when there is none to show): the search index and
     * the sync engine then take the other processor core, not while the lesson is being drawn.
     */
    private void afterFirstLessonDrawn(Runnable then) {
        if (player.shownPageProperty().get() == null || view.lessonDrawnProperty().get() != null) {
            then.run();
            return;
        }
        view.lessonDrawnProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable drawn) {
                drawn.removeListener(this);
                then.run();
            }
        });
    }

    private static void onFxThread(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }

    private void startAfterFirstLesson() {
        if (closed) {
            return;
        }
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
        closed = true;
        stopTicker();
        if (syncRecount != null) {
            syncRecount.stop();
        }
        view.leaveLesson();
        video.close();
        search.dispose();
        progress.close();
        syncPanel.close();
        accountView.close();
        signInView.close();
        settingsView.close();
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

    public DashboardViewModel dashboard() {
        return dashboard;
    }

    public LibraryViewModel library() {
        return library;
    }

    public CatalogViewModel catalog() {
        return catalog;
    }

    public SyncViewModel sync() {
        return sync;
    }

    /** The profile's sync engine, for what acts as its account beside the window (publishing from a preview). */
    public SyncService syncEngine() {
        return syncEngine;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public PlayerView view() {
        return view;
    }

    public VideoViewModel video() {
        return video;
    }

    public VideoView videoView() {
        return videoView;
    }

    public QuizPageView quizPage() {
        return quizPage;
    }
}
