package edu.sevenp.desktop;

import edu.sevenp.desktop.store.StoreInUseException;

/** Why the player could not open a profile, in words for the learner (the log keeps the technical details). */
final class StartupProblem {

    private StartupProblem() {
    }

    static String explain(Throwable failure, DesktopPaths paths) {
        if (failure instanceof StoreInUseException) {
            return "Your library (profile \"" + paths.profile() + "\") is open in another 7P Course Player window. "
                    + "Close that window and try again, or go back to the profiles and choose another one.";
        }
        String message = failure.getMessage();
        return "Your library could not be opened: "
                + (message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
    }
}
