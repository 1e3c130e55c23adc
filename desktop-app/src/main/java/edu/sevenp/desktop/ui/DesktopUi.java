package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.profiles.LocalProfiles;
import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.common.ProblemLog;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.settings.FolderOpener;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.application.Platform;
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

        public NoDisplayException(Throwable cause) {
            super("The player needs a graphical display, and none is available ("
                    + cause.getMessage() + "). Headless use: --self-check, --import <package>.", cause);
        }
    }

    /**
     * Shows the window at once, with the profile screen or (for {@code requested}) opening that profile in the
     * background, and waits until the learner closes the window. Then it lets the last writes finish and closes the
     * profile open, also when the window was closed while a profile was still opening (the opening is waited for,
     * never left half done).
     *
     * @param opener opens a profile (on a background thread)
     * @param explain turns a failed opening of a profile into a message for the learner
     * @param logFile where the details of a failure are
     * @param startedAt {@link System#nanoTime()} at the start of the program
     * @param profiles the profiles of the data folder, for the profile screen
     * @param requested the profile named on the command line (no profile screen), or null
     * @param placements where the window opens, and where it is kept when it closes, by profile
     * @param appearance the theme and text size every window follows (the launcher has set the language already)
     * @param settings each profile's settings, which the settings screen changes and keeps; read as the profile's player
     *        window is made, whose theme and text size then apply
     * @return false when the window last showed why a profile could not open; true otherwise
     */
    public static boolean showAndWait(StartupViewModel.ProfileOpener opener, BiFunction<Throwable, String, String> explain,
            Path logFile, long startedAt, LocalProfiles profiles, String requested,
            Function<String, WindowPlacementStore> placements, Appearance appearance,
            Function<String, SettingsContext> settings) throws InterruptedException {
        return showAndWait(opener, explain, logFile, startedAt, profiles, requested, placements, appearance, settings, null);
    }

    /**
     * As above, with more in each player window (the launcher adds "Open course folder…", issue 11).
     *
     * @param extend told of each player window made, with its settings, before it shows; null: nothing to add
     */
    public static boolean showAndWait(StartupViewModel.ProfileOpener opener, BiFunction<Throwable, String, String> explain,
            Path logFile, long startedAt, LocalProfiles profiles, String requested,
            Function<String, WindowPlacementStore> placements, Appearance appearance,
            Function<String, SettingsContext> settings, BiConsumer<PlayerWindow, SettingsContext> extend)
            throws InterruptedException {
        return showAndWait(opener, explain, logFile, startedAt, profiles, requested, placements, appearance, settings,
                extend, InstitutionNotices.none());
    }

    /**
     * As above, saying what was wrong in the institution's setup (docs/institution-config.md) over the window.
     *
     * @param notices the institution configuration's problems; the profiles' course folder failures join them
     */
    public static boolean showAndWait(StartupViewModel.ProfileOpener opener, BiFunction<Throwable, String, String> explain,
            Path logFile, long startedAt, LocalProfiles profiles, String requested,
            Function<String, WindowPlacementStore> placements, Appearance appearance,
            Function<String, SettingsContext> settings, BiConsumer<PlayerWindow, SettingsContext> extend,
            InstitutionNotices notices) throws InterruptedException {
        // Read before the window exists, so that it shows at once where it was left: by the profile it opens first.
        String first = requested != null ? requested : profiles.lastUsed().orElse(null);
        WindowPlacement saved = first == null ? null : placements.apply(first).load().orElse(null);
        ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sevenp-background");
            thread.setDaemon(true);
            return thread;
        });
        // Searching has a thread of its own: the results for the last key never wait behind other background work.
        ExecutorService searching = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sevenp-search");
            thread.setDaemon(true);
            return thread;
        });
        UiExecutors searchExecutors = new UiExecutors(searching, Platform::runLater);
        StartupViewModel model = new StartupViewModel(opener, explain,
                new ProblemLog(logFile, FolderOpener.system()::open), new UiExecutors(background, Platform::runLater),
                profiles, requested, System.getProperty("user.name", ""), notices);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try {
            Platform.setImplicitExit(true);
            Platform.startup(() -> {
                try {
                    LOG.info("JavaFX started {} ms after start", (System.nanoTime() - startedAt) / 1_000_000);
                    appearance.followAllWindows();
                    StartupWindow window = new StartupWindow(new Stage(), model,
                            services -> playerWindow(services, background, searchExecutors,
                                    settings.apply(model.profileProperty().get()), extend),
                            startedAt, saved, placement -> {
                                // The profile open when the window closes, else the one it opened on.
                                String profile = model.profileProperty().get() != null ? model.profileProperty().get() : first;
                                if (profile != null) {
                                    background.execute(() -> keep(placements.apply(profile), placement));
                                }
                            });
                    window.closed().thenRun(() -> closed.complete(null));
                    window.show();
                } catch (RuntimeException e) {
                    model.abandon();
                    closed.completeExceptionally(e);
                }
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            background.shutdownNow();
            searching.shutdownNow();
            throw new NoDisplayException(e);
        }
        try {
            closed.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The window could not be shown: " + e.getCause().getMessage(), e.getCause());
        } finally {
            // Also when interrupted: the opening finishes, and whatever it opened is closed below.
            PlayerServices services = model.opened().exceptionally(failure -> null).join();
            // Let queued writes (the last lesson's time) finish before the profile closes.
            background.shutdown();
            if (!background.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running {} s after the window closed; stopping it", DRAIN_SECONDS);
            }
            background.shutdownNow();
            searching.shutdownNow();
            Platform.exit();
            if (services != null) {
                services.close();
            }
        }
        return !model.opened().isCompletedExceptionally();
    }

    private static void keep(WindowPlacementStore placements, WindowPlacement placement) {
        try {
            placements.save(placement);
        } catch (RuntimeException e) {
            // Losing the placement costs the learner one resize; the profile still closes cleanly.
            LOG.warn("The window's placement was not saved", e);
        }
    }

    /**
     * The player window over an opened profile, as the launcher's window makes it (its profile's theme and text size
     * applied first); public so that a test starts the window the same way.
     *
     * @param background the one background thread of the window
     * @param extend told of the window before it shows; null for nothing to add
     */
    public static PlayerWindow playerWindow(PlayerServices services, ExecutorService background,
            UiExecutors searchExecutors, SettingsContext settings, BiConsumer<PlayerWindow, SettingsContext> extend) {
        settings.appearance().set(settings.started().theme(), settings.started().textSize());
        PlayerWindow window = new PlayerWindow(services.learning(), services.library(), services.search(), services.sync(),
                services.downloads(), services.imports(), new UiExecutors(background, Platform::runLater),
                Clock.systemUTC(), ZoneId.systemDefault(), services.preferredCourse(), settings, searchExecutors);
        if (extend != null) {
            extend.accept(window, settings);
        }
        return window;
    }
}
