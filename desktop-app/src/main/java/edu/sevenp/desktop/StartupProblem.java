package edu.sevenp.desktop;

import edu.sevenp.desktop.store.StoreInUseException;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemText;
import java.util.Locale;

/**
 * Why the player could not open a profile, in words for the learner and in their language (the log keeps the
 * technical details; the start-up view offers to open it).
 */
final class StartupProblem {

    private StartupProblem() {
    }

    static String explain(Throwable failure, DesktopPaths paths) {
        return explain(failure, paths, Locale.getDefault());
    }

    static String explain(Throwable failure, DesktopPaths paths, Locale locale) {
        Messages messages = Messages.forPackage("edu.sevenp.desktop.ui", locale);
        if (failure instanceof StoreInUseException) {
            return messages.format("startup.inUse", paths.profile());
        }
        // A damaged or unreadable library explains itself; anything else is a fault, told in general words.
        return messages.format("startup.failed", paths.profile()) + " "
                + new ProblemText(locale).explain(failure, messages.get("startup.failedUnexpectedly"));
    }
}
