package edu.sevenp.desktop;

import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.ui.DesktopUi;
import edu.sevenp.desktop.ui.PlayerServices;
import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.settings.FolderOpener;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;

/**
 * The player's entry point. A plain class, not a JavaFX {@code Application}, so that it starts from a
 * classpath and from jpackage images alike. Without options it opens the window; {@code --help}
 * lists the headless commands and their exit codes ({@link ExitCode}).
 */
public final class Launcher {

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
            case SELF_CHECK -> SelfCheck.run(options.paths(), System.out);
            case IMPORT -> PackageImportCommand.run(options.paths(), options.packageToImport().orElseThrow(),
                    System.out, System.err);
            case SIGN_IN -> SignInCommand.run(options.paths(), options.signIn().orElseThrow(), PasswordInput::fromStandardInput,
                    System.out, System.err);
            case SYNC -> SyncCommand.run(options.paths(), options.json(), System.out, System.err);
            case SIGN_OUT -> SignOutCommand.run(options.paths(), System.out, System.err);
            case WINDOW -> openWindow(options.paths(), startedAt);
        };
        System.exit(exitCode);
    }

    /**
     * Shows the window at once; the profile opens behind its start-up view. Exit code 1 when it could not open. The
     * learner's language becomes the default locale first, before anything of the window is built: every view takes
     * its words from the default locale's bundles.
     */
    private static int openWindow(DesktopPaths paths, long startedAt) {
        logToFile(paths);
        Locale system = Locale.getDefault();
        SettingsFile settingsFile = SettingsFile.of(paths, system);
        Settings settings = settingsFile.loadOrDefaults();
        Locale.setDefault(settings.language().locale(system));
        SettingsContext settingsContext = new SettingsContext(settingsFile, settings,
                new Appearance(settings.theme(), settings.textSize()), paths.dataDirectory(), FolderOpener.system());
        try {
            boolean opened = DesktopUi.showAndWait(() -> openProfile(paths), failure -> StartupProblem.explain(failure, paths),
                    paths.logFile(), startedAt, WindowPlacementFile.of(paths), settingsContext);
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

    private static PlayerServices openProfile(DesktopPaths paths) {
        DesktopContext context = DesktopContext.open(paths);
        // The index opens while the window starts; the window asks for it in the background.
        context.startSearch();
        // The window starts sync when it shows and stops it when it closes (the context closes it again, harmlessly).
        SyncService sync = context.sync(SyncService.Schedule.DEFAULT);
        return new PlayerServices(context.learning(), context.library(), context::search, sync, context.downloads(),
                context.packageImport(), context.sampleCourse(), context::close);
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
