package edu.sevenp.desktop.ui;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens the profile a start goes straight to (named on the command line, or chosen without a question) on a thread of
 * its own from the moment the launcher knows it, while JavaFX starts and the window opens: the store's opening was
 * the longest step before the player window could be built (docs/benchmarks.md). The start-up view's first request
 * for that profile takes what this opened, or its failure; any other request opens as usual.
 */
public final class ProfileHeadStart implements StartupViewModel.ProfileOpener {

    private final StartupViewModel.ProfileOpener opener;
    private final String profile;
    private final AtomicReference<CompletableFuture<PlayerServices>> early;

    private ProfileHeadStart(StartupViewModel.ProfileOpener opener, String profile) {
        this.opener = opener;
        this.profile = profile;
        CompletableFuture<PlayerServices> opening = new CompletableFuture<>();
        early = new AtomicReference<>(opening);
        Thread thread = new Thread(() -> {
            try {
                opening.complete(opener.open(profile));
            } catch (Exception | LinkageError e) {
                opening.completeExceptionally(e); // reported by the start-up view, which takes it
            }
        }, "sevenp-profile-open");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code opener}, opening {@code profile} from now on; just {@code opener} when no profile is known yet (null). */
    public static StartupViewModel.ProfileOpener of(StartupViewModel.ProfileOpener opener, String profile) {
        Objects.requireNonNull(opener, "opener");
        return profile == null ? opener : new ProfileHeadStart(opener, profile);
    }

    @Override
    public PlayerServices open(String name) throws Exception {
        CompletableFuture<PlayerServices> opening = profile.equals(name) ? early.getAndSet(null) : null;
        if (opening == null) {
            return opener.open(name);
        }
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
