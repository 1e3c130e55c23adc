package edu.sevenp.desktop.testing;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.MediaStage;
import edu.sevenp.desktop.sync.MemoryCredentials;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.client.HttpSyncApi;
import java.time.Clock;
import java.util.SplittableRandom;

/** The real sync engine over HTTP for a store in memory, its sign-in kept in memory: what the windows under test use. */
public final class SyncEngines {

    /**
     * The app's schedule without the push channel: a test's own "Sync now" sends what it wrote, not a sync the server's
     * "something changed" started meanwhile.
     */
    public static final SyncService.Schedule NO_CHANNEL = new SyncService.Schedule(
            SyncService.Schedule.DEFAULT.firstDelay(), SyncService.Schedule.DEFAULT.interval(),
            SyncService.Schedule.DEFAULT.retryFirst(), SyncService.Schedule.DEFAULT.retryMax(), false);

    private SyncEngines() {
    }

    public static SyncService overHttp(LocalStore store, SyncService.Schedule schedule) {
        return overHttp(store, schedule, null);
    }

    /** As {@link #overHttp(LocalStore, SyncService.Schedule)}, with a media stage (null: none). */
    public static SyncService overHttp(LocalStore store, SyncService.Schedule schedule, MediaStage media) {
        return new SyncService(store, new MemoryCredentials(),
                (server, device, credentials) -> new HttpSyncApi(server, device, credentials, Clock.systemUTC()),
                new Installation("UI test", "Linux", "test"), media, schedule, Clock.systemUTC(), new SplittableRandom(7));
    }
}
