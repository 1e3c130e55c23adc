package edu.sevenp.desktop;

import edu.sevenp.model.platform.UserDataDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The launcher's command line, parsed. */
public record LaunchOptions(Mode mode, DesktopPaths paths, Optional<Path> packageToImport) {

    public enum Mode {
        WINDOW,
        SELF_CHECK,
        IMPORT,
        HELP
    }

    public static final String USAGE = """
            Usage: sevenp [options]
              (no options)          open the course player window
              --self-check          open and migrate the local library, print a JSON status line, exit
              --import <package>    import a course package (folder or .zip) into the profile, print a summary
              --profile <name>      use this learner profile (default: default)
              --data-dir <folder>   keep data here instead of the usual folder (also SEVENP_DATA_DIR)
              --help                show this help
            """;

    public LaunchOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(packageToImport, "packageToImport");
    }

    public static LaunchOptions parse(List<String> arguments, Map<String, String> environment) {
        Mode mode = Mode.WINDOW;
        Path dataDirectory = Optional.ofNullable(environment.get("SEVENP_DATA_DIR")).filter(value -> !value.isBlank())
                .map(Path::of).orElseGet(() -> UserDataDirectory.forApplication("sevenp"));
        String profile = DesktopPaths.DEFAULT_PROFILE;
        Path importPath = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--self-check" -> mode = chooseMode(mode, Mode.SELF_CHECK);
                case "--help", "-h" -> mode = Mode.HELP;
                case "--import" -> {
                    mode = chooseMode(mode, Mode.IMPORT);
                    importPath = Path.of(value(arguments, ++i, argument));
                }
                case "--profile" -> profile = value(arguments, ++i, argument);
                case "--data-dir" -> dataDirectory = Path.of(value(arguments, ++i, argument));
                default -> throw new IllegalArgumentException("unknown option '" + argument + "'");
            }
        }
        return new LaunchOptions(mode, new DesktopPaths(dataDirectory, profile), Optional.ofNullable(importPath));
    }

    private static Mode chooseMode(Mode current, Mode requested) {
        if (current != Mode.WINDOW && current != Mode.HELP && current != requested) {
            throw new IllegalArgumentException("--self-check and --import cannot be combined");
        }
        return current == Mode.HELP ? Mode.HELP : requested;
    }

    private static String value(List<String> arguments, int index, String option) {
        if (index >= arguments.size() || arguments.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return arguments.get(index);
    }
}
