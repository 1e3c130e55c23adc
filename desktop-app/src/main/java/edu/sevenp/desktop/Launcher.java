package edu.sevenp.desktop;

import edu.sevenp.desktop.institution.ConfigLocations;
import edu.sevenp.desktop.institution.InstitutionConfig;
import edu.sevenp.desktop.profiles.LocalProfiles;
import edu.sevenp.desktop.ui.DesktopUi;
import edu.sevenp.desktop.ui.PlayerWindow;
import edu.sevenp.desktop.ui.ProfileHeadStart;
import edu.sevenp.desktop.ui.StartupTraining;
import edu.sevenp.desktop.ui.StartupViewModel;
import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.publish.Publisher;
import edu.sevenp.desktop.ui.preview.OpenCourseFolder;
import edu.sevenp.desktop.ui.preview.PreviewUi;
import edu.sevenp.desktop.ui.settings.FolderOpener;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The player's entry point. A plain class, not a JavaFX {@code Application}, so that it starts from a
 * classpath and from jpackage images alike. Without options it opens the window; {@code --help}
 * lists the headless commands and their exit codes ({@link ExitCode}).
 */
public final class Launcher {

    /** How long {@code --startup-training} waits for the first lesson's page, and how long it lets the window settle. */
    private static final Duration TRAINING_LIMIT = Duration.ofSeconds(60);
    private static final Duration TRAINING_SETTLING = Duration.ofSeconds(1);

    private Launcher() {
    }

    public static void main(String[] args) {
        long startedAt = System.nanoTime();
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(Arrays.asList(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("sevenp: " + e.getMessage());
            System.err.print(LaunchOptions.USAGE);
            System.exit(ExitCode.USAGE.code());
            return;
        }
        int exitCode = switch (options.mode()) {
            case HELP -> {
                System.out.print(LaunchOptions.USAGE);
                yield 0;
            }
            case SELF_CHECK -> SelfCheck.run(options.paths(), institution(options), System.out);
            case IMPORT -> PackageImportCommand.run(options.paths(), institution(options),
                    options.packageToImport().orElseThrow(), System.out, System.err);
            case SIGN_IN -> SignInCommand.run(options.paths(), institution(options), options.signIn().orElseThrow(),
                    PasswordInput::fromStandardInput, System.out, System.err);
            case SYNC -> SyncCommand.run(options.paths(), institution(options), options.json(), System.out, System.err);
            case SIGN_OUT -> SignOutCommand.run(options.paths(), System.out, System.err);
            case VALIDATE -> ValidateCommand.run(options.coursePath().orElseThrow(), options.json(), System.out, System.err);
            case NEW_COURSE -> NewCourseCommand.run(options.coursePath().orElseThrow(), System.out, System.err);
            case PREVIEW -> openPreview(options.paths(), options.packageToPreview().orElseThrow());
            case WINDOW -> openWindow(options.paths(), options.profileGiven() ? options.paths().profile() : null, options,
                    startedAt, window -> {
                    });
            case STARTUP_TRAINING -> trainStartup(options, startedAt);
        };
        System.exit(exitCode);
    }

    /**
     * Shows the window at once, on the profile screen or, for a profile named on the command line, opening it behind
     * the start-up view. Exit code 1 when the window last showed why a profile could not open. The language of the
     * profile the window starts with (the one named, else the one opened last) becomes the default locale first,
     * before anything of the window is built: every view takes its words from the default locale's bundles. Each
     * profile keeps its own settings: the theme and text size follow the profile that opens; a language applies from
     * the next start.
     */
    private static int openWindow(DesktopPaths paths, String requested, LaunchOptions options, long startedAt,
            Consumer<PlayerWindow> watch) {
        logToFile(paths);
        InstitutionConfig institution = institution(options);
        LocalProfiles profiles = new LocalProfiles(paths.dataDirectory());
        Locale system = Locale.getDefault();
        WindowStart start = new WindowStart(paths, institution, system);
        String direct = start.profileToOpen(profiles, requested);
        String first = direct != null ? direct : profiles.lastUsed().orElse(null);
        Settings starting = start.startingSettings(first);
        Locale.setDefault(starting.language().locale(system));
        // The store opens while JavaFX starts and the window opens; after the language is set, as the opening says
        // what failed (an institution's course package) in it.
        StartupViewModel.ProfileOpener opener = ProfileHeadStart.of(start.opener(), direct);
        Appearance appearance = new Appearance(starting.theme(), starting.textSize());
        Function<String, SettingsContext> settings = start.settings(appearance, FolderOpener.system());
        try {
            boolean opened = DesktopUi.showAndWait(opener,
                    (failure, profile) -> StartupProblem.explain(failure, paths.withProfile(profile)), paths.logFile(),
                    startedAt, profiles, direct, profile -> WindowPlacementFile.of(paths.withProfile(profile)),
                    appearance, settings, (window, context) -> {
                        new OpenCourseFolder(PreviewContext::open, context.started(),
                                Publisher.as(window.syncEngine().publishing())).addTo(window);
                        watch.accept(window);
                    }, start.notices());
            if (!opened) {
                // The window said why; this is for whoever started the player from a terminal.
                System.err.println("7P Course Player could not start. Details are in " + paths.logFile());
            }
            return opened ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (DesktopUi.NoDisplayException e) {
            System.err.println("7P Course Player could not start: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Launcher.class).error("The window failed", e);
            System.err.println("7P Course Player could not start: " + e.getMessage() + ". Details are in " + paths.logFile());
            return 1;
        }
    }

    /**
     * {@code --startup-training}, for packaging: a window start on the profile (named, else "default") that closes by
     * itself once the first lesson's page has loaded, so that the build lists the classes a real start loads.
     */
    private static int trainStartup(LaunchOptions options, long startedAt) {
        logToFile(options.paths()); // before StartupTraining's logger exists
        StartupTraining training = new StartupTraining(TRAINING_LIMIT, TRAINING_SETTLING);
        training.startClock();
        int exitCode = openWindow(options.paths(), options.paths().profile(), options, startedAt, training::watch);
        if (!training.lessonLoaded()) {
            System.err.println("sevenp: --startup-training: the window closed without a lesson page loaded (it waits "
                    + TRAINING_LIMIT.toSeconds() + " s at most). Details are in " + options.paths().logFile());
            return ExitCode.FAILURE.code();
        }
        return exitCode;
    }

    /**
     * {@code --preview}: the package in a preview window, over a throw-away store in memory; no profile
     * screen, and no profile of the data folder is read or changed (only the log is written there). The window speaks
     * the computer's language, in the light theme.
     */
    private static int openPreview(DesktopPaths paths, Path location) {
        logToFile(paths);
        if (!Files.exists(location)) {
            System.err.println("sevenp: --preview: " + location + " does not exist");
            return ExitCode.USAGE.code();
        }
        try {
            PreviewUi.showAndWait(() -> PreviewContext.open(location), SettingsContext.inMemory());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (DesktopUi.NoDisplayException e) {
            System.err.println("7P Course Player could not start: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Launcher.class).error("The preview failed", e);
            System.err.println("The preview failed: " + e.getMessage() + ". Details are in " + paths.logFile());
            return 1;
        }
    }

    /**
     * The institution's configuration (docs/institution-config.md): the file named on the command line or in the
     * environment, else the system-wide file and the one beside the installed app. Each file read and each problem in
     * them is logged, with its file and line; the player starts whatever they hold.
     */
    private static InstitutionConfig institution(LaunchOptions options) {
        InstitutionConfig config = ConfigLocations.of(System.getProperty("os.name"), System.getenv(),
                System.getProperty("jpackage.app-path"), options.institutionConfig().orElse(null)).load();
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Launcher.class);
        config.files().forEach(file -> log.info("Institution configuration read from {}", file));
        config.problems().forEach(problem -> log.warn("Institution configuration: {} (the default applies instead)",
                problem));
        return config;
    }

    /** A windowed app has no console worth reading: its log goes to the data folder (before any logger exists). */
    private static void logToFile(DesktopPaths paths) {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") != null) {
            return;
        }
        try {
            Files.createDirectories(paths.logFile().getParent());
            System.setProperty("org.slf4j.simpleLogger.logFile", paths.logFile().toString());
        } catch (IOException e) {
            System.err.println("Logging to the console: cannot create " + paths.logFile().getParent() + " (" + e.getMessage() + ")");
        }
    }
}
