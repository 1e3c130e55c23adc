package edu.sevenp.desktop;

import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncStatus;
import java.io.PrintStream;

/**
 * {@code --sign-out}: the server is told when it can be, and the profile forgets its sign-in. Everything the
 * learner has here stays, changes not yet sent included; they go once the profile signs in again.
 */
final class SignOutCommand {

    private SignOutCommand() {
    }

    static int run(DesktopPaths paths, PrintStream out, PrintStream err) {
        try (DesktopContext context = DesktopContext.open(paths)) {
            SyncService sync = context.sync(SyncCommand.ONCE);
            SyncStatus.Account account = sync.status().account();
            if (account == null) {
                out.println("This profile was not signed in. Everything in it is kept.");
                return ExitCode.OK.code();
            }
            sync.signOut();
            out.println("Signed out of " + account.server() + " (" + account.email() + "). Everything in this profile is"
                    + " kept; " + count(sync.status().pendingChanges() + sync.status().heldChanges()) + " will be sent after"
                    + " the next sign-in.");
            return ExitCode.OK.code();
        } catch (RuntimeException failure) {
            err.println(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
            return ExitCode.of(failure).code();
        }
    }

    private static String count(int changes) {
        return changes == 1 ? "1 change not yet sent" : changes + " changes not yet sent";
    }
}
