package edu.sevenp.desktop;

import edu.sevenp.model.platform.UserDataDirectory;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The launcher's command line, parsed.
 *
 * @param signIn the server and account of {@code --sign-in}
 * @param json whether {@code --sync} or {@code --validate} prints one JSON object instead of words
 * @param profileGiven whether {@code --profile} named the profile: the window then opens it without the profile screen
 * @param coursePath the package of {@code --validate}, or the folder of {@code --new-course}
 * @param institutionConfig the institution configuration file of {@code --institution-config} (or
 *        {@code SEVENP_INSTITUTION_CONFIG}), read instead of the usual places
 */
public record LaunchOptions(Mode mode, DesktopPaths paths, Optional<Path> packageToImport, Optional<SignIn> signIn,
        boolean json, boolean profileGiven, Optional<Path> coursePath, Optional<Path> institutionConfig) {

    public enum Mode {
        WINDOW(null),
        SELF_CHECK("--self-check"),
        IMPORT("--import"),
        SIGN_IN("--sign-in"),
        SYNC("--sync"),
        SIGN_OUT("--sign-out"),
        VALIDATE("--validate"),
        NEW_COURSE("--new-course"),
        PREVIEW("--preview"),
        STARTUP_TRAINING("--startup-training"),
        HELP("--help");

        private final String option;

        Mode(String option) {
            this.option = option;
        }
    }

    /** The server and e-mail address of {@code --sign-in}; the password comes on standard input. */
    public record SignIn(URI server, String email) {

        public SignIn {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(email, "email");
        }
    }

    public static final String USAGE = """
            Usage: sevenp [options]
              (no options)                 open the course player window on the profile screen
              --self-check                 open and migrate the local library, print a JSON status line, exit
              --import <package>           import a course package (folder or .zip) into the profile, print a summary
              --preview <package>          preview a course package (folder or .zip) as learners will see it, in a
                                           throw-away library, reloading as its files change (no profile, no sync)
              --sign-in <server URL> <email>
                                           sign the profile in (the password is read from standard input, one line)
                                           and sync it once
              --sync [--json]              sync the profile once and print a summary (--json: one JSON object)
              --sign-out                   forget the profile's sign-in; everything in the profile is kept
              --validate <package> [--json]
                                           check a course package (folder or .zip) and print its readiness report:
                                           errors, warnings and totals (--json: one JSON object); exit 0 when it
                                           has no errors, 1 when it has
              --new-course <folder>        write a small valid course package to start from (a new or empty folder)
              --profile <name>             use this learner profile (the window opens it without the profile
                                           screen; commands without it use the profile "default")
              --data-dir <folder>          keep data here instead of the usual folder (also SEVENP_DATA_DIR)
              --institution-config <file>  read this institution configuration instead of the system-wide one and
                                           the one beside the app (also SEVENP_INSTITUTION_CONFIG)
              --startup-training           for packaging only: open the window on the profile (as --profile does;
                                           "default" without it), wait until the first lesson's page has loaded,
                                           close the window and exit 0; exit 1 when none loads within 60 s
              --help                       show this help
            Exit codes of --sign-in, --sync and --sign-out:
              0 done   1 other failure   2 bad usage or no password   3 not signed in
              4 sign-in refused (wrong password, account suspended, device signed out)
              5 server unreachable or busy: try again later   6 app and server versions do not match
              7 the profile is open in a running player
            """;

    public LaunchOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(packageToImport, "packageToImport");
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(coursePath, "coursePath");
        Objects.requireNonNull(institutionConfig, "institutionConfig");
    }

    /** Options with the usual institution configuration. */
    public LaunchOptions(Mode mode, DesktopPaths paths, Optional<Path> packageToImport, Optional<SignIn> signIn,
            boolean json, boolean profileGiven, Optional<Path> coursePath) {
        this(mode, paths, packageToImport, signIn, json, profileGiven, coursePath, Optional.empty());
    }

    /** Options of a command that works on no course package or course folder. */
    public LaunchOptions(Mode mode, DesktopPaths paths, Optional<Path> packageToImport, Optional<SignIn> signIn,
            boolean json, boolean profileGiven) {
        this(mode, paths, packageToImport, signIn, json, profileGiven, Optional.empty());
    }

    public static LaunchOptions parse(List<String> arguments, Map<String, String> environment) {
        Mode mode = Mode.WINDOW;
        Path dataDirectory = Optional.ofNullable(environment.get("SEVENP_DATA_DIR")).filter(value -> !value.isBlank())
                .map(Path::of).orElseGet(() -> UserDataDirectory.forApplication("sevenp"));
        String profile = DesktopPaths.DEFAULT_PROFILE;
        boolean profileGiven = false;
        Path importPath = null;
        SignIn signIn = null;
        boolean json = false;
        Path coursePath = null;
        Path institutionConfig = Optional.ofNullable(environment.get("SEVENP_INSTITUTION_CONFIG"))
                .filter(value -> !value.isBlank()).map(Path::of).orElse(null);
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "--self-check" -> mode = chooseMode(mode, Mode.SELF_CHECK);
                case "--startup-training" -> mode = chooseMode(mode, Mode.STARTUP_TRAINING);
                case "--help", "-h" -> mode = Mode.HELP;
                case "--import" -> {
                    mode = chooseMode(mode, Mode.IMPORT);
                    importPath = Path.of(value(arguments, ++i, "--import needs a value"));
                }
                case "--sign-in" -> {
                    mode = chooseMode(mode, Mode.SIGN_IN);
                    URI server = server(value(arguments, ++i, "--sign-in needs a server URL and an e-mail address"));
                    signIn = new SignIn(server, value(arguments, ++i, "--sign-in needs an e-mail address after the URL"));
                }
                case "--preview" -> {
                    // The package previewed travels as the one to import: one path, read by the mode.
                    mode = chooseMode(mode, Mode.PREVIEW);
                    importPath = Path.of(value(arguments, ++i, "--preview needs a course folder or .zip"));
                }
                case "--sync" -> mode = chooseMode(mode, Mode.SYNC);
                case "--sign-out" -> mode = chooseMode(mode, Mode.SIGN_OUT);
                case "--validate" -> {
                    mode = chooseMode(mode, Mode.VALIDATE);
                    coursePath = Path.of(value(arguments, ++i, "--validate needs a course package: a folder or a .zip"));
                }
                case "--new-course" -> {
                    mode = chooseMode(mode, Mode.NEW_COURSE);
                    coursePath = Path.of(value(arguments, ++i, "--new-course needs the folder to write the course into"));
                }
                case "--json" -> json = true;
                case "--profile" -> {
                    profile = value(arguments, ++i, "--profile needs a value");
                    profileGiven = true;
                }
                case "--institution-config" -> institutionConfig = Path.of(value(arguments, ++i,
                        "--institution-config needs a configuration file"));
                case "--data-dir" -> dataDirectory = Path.of(value(arguments, ++i, "--data-dir needs a value"));
                default -> throw new IllegalArgumentException("unknown option '" + argument + "'");
            }
        }
        if (json && mode != Mode.SYNC && mode != Mode.VALIDATE && mode != Mode.HELP) {
            throw new IllegalArgumentException("--json goes with --sync or --validate");
        }
        return new LaunchOptions(mode, new DesktopPaths(dataDirectory, profile), Optional.ofNullable(importPath),
                Optional.ofNullable(signIn), json, profileGiven, Optional.ofNullable(coursePath),
                Optional.ofNullable(institutionConfig));
    }

    /** The course package of {@code --preview}; empty in the other modes. */
    public Optional<Path> packageToPreview() {
        return mode == Mode.PREVIEW ? packageToImport : Optional.empty();
    }

    private static Mode chooseMode(Mode current, Mode requested) {
        if (current != Mode.WINDOW && current != Mode.HELP && current != requested) {
            throw new IllegalArgumentException(current.option + " and " + requested.option + " cannot be combined");
        }
        return current == Mode.HELP ? Mode.HELP : requested;
    }

    /** An http or https address with a host; the sign-in itself finds out whether a 7P server answers there. */
    private static URI server(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Explained below, as for any other address that is not a server's.
        }
        throw new IllegalArgumentException("--sign-in needs the server's address as an http:// or https:// URL, was '"
                + text + "'");
    }

    private static String value(List<String> arguments, int index, String whenMissing) {
        if (index >= arguments.size() || arguments.get(index).startsWith("--")) {
            throw new IllegalArgumentException(whenMissing);
        }
        return arguments.get(index);
    }
}
