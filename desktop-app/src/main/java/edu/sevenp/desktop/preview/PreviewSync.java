package edu.sevenp.desktop.preview;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncService;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The sync engine of a preview, which the player window needs but which never reaches a server: it has no sign-in,
 * and any attempt to connect (a sign-in, an account made) is refused before a request is made.
 */
public final class PreviewSync {

    /** What a sign-in attempt in a preview is told (the preview hides the sync indicator, so this is a last guard). */
    static final String REFUSAL = "A preview does not sync: nothing done in it is kept or sent to a server.";
    /** Never started on a timer: there is nothing to sync, and no channel to listen to. */
    private static final SyncService.Schedule NEVER = new SyncService.Schedule(Duration.ofDays(365), Duration.ofDays(365),
            Duration.ofDays(365), Duration.ofDays(365), false);

    private PreviewSync() {
    }

    public static SyncService over(LocalStore store, Installation installation, Clock clock) {
        return new SyncService(store, new NoSignIn(), (server, device, credentials) -> {
            throw SyncFailure.of(SyncFailure.Kind.REFUSED, REFUSAL);
        }, installation, null, NEVER, clock, new SplittableRandom());
    }
}
