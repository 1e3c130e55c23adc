package edu.sevenp.desktop;

import edu.sevenp.desktop.ui.DesktopUi;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;

/**
 * The player's entry point. A plain class, not a JavaFX {@code Application}, so that it starts from a
 * classpath and from jpackage images alike. Without options it opens the window; {@code --help}
 * lists the headless commands.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(Arrays.asList(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("sevenp: " + e.getMessage());
            System.err.print(LaunchOptions.USAGE);
            System.exit(2);
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
            case WINDOW -> openWindow(options.paths());
        };
        System.exit(exitCode);
    }

    private static int openWindow(DesktopPaths paths) {
        logToFile(paths);
        try (DesktopContext context = DesktopContext.open(paths)) {
            // The index opens while the store and the window start; the window asks for it in the background.
            context.startSearch();
            DesktopUi.showAndWait(context.learning(), context.library(), context::search, context.sampleCourse());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            System.err.println("7P Course Player could not start: " + e.getMessage());
            System.err.println("Details are in " + paths.logFile());
            org.slf4j.LoggerFactory.getLogger(Launcher.class).error("Start-up failed", e);
            return 1;
        }
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
