package edu.sevenp.desktop;

import edu.sevenp.desktop.institution.InstitutionConfig;
import edu.sevenp.desktop.sync.Credentials;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncSummary;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Function;

/**
 * {@code --sign-in <server URL> <email>}: signs the profile in with the password from standard input (the
 * profile becomes the account's; a device id the server refuses is replaced), syncs once, and prints one line
 * saying who is signed in where and what was synced. For scripted set-up of many machines.
 */
final class SignInCommand {

    private SignInCommand() {
    }

    /** @param password asks for the password with the prompt it is given; the array is wiped after use */
    static int run(DesktopPaths paths, LaunchOptions.SignIn target, Function<String, char[]> password, PrintStream out,
            PrintStream err) {
        return run(paths, InstitutionConfig.none(), target, password, out, err);
    }

    /** Through the institution's proxies, trusting its certificates. */
    static int run(DesktopPaths paths, InstitutionConfig institution, LaunchOptions.SignIn target,
            Function<String, char[]> password, PrintStream out, PrintStream err) {
        try (DesktopContext context = DesktopContext.open(paths, institution)) {
            char[] secret = password.apply("Password for " + target.email() + " at " + target.server() + ": ");
            try {
                if (secret.length == 0) {
                    err.println("No password came on standard input (one line is read); nothing was done.");
                    return ExitCode.USAGE.code();
                }
                SyncService sync = context.sync(SyncCommand.ONCE);
                SyncService.SignedIn signedIn = sync.signIn(target.server(), target.email(), secret);
                Credentials who = signedIn.credentials();
                String line = "Signed in to " + who.server() + " as " + who.email() + " (" + who.name() + ")";
                try {
                    SyncSummary summary = SyncCommand.await(signedIn.firstSync());
                    out.println(line + "; synced: " + SyncCommand.briefly(summary) + ".");
                    return ExitCode.OK.code();
                } catch (RuntimeException failure) {
                    out.println(line + "; not synced yet.");
                    err.println(failure.getMessage());
                    return ExitCode.of(failure).code();
                }
            } finally {
                Arrays.fill(secret, '\0');
            }
        } catch (RuntimeException failure) {
            err.println(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
            return ExitCode.of(failure).code();
        }
    }
}
