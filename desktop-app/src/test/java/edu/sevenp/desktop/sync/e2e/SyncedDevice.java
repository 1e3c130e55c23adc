package edu.sevenp.desktop.sync.e2e;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.CredentialFile;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.desktop.sync.client.HttpSyncApi;
import edu.sevenp.desktop.sync.media.MediaDownloader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One learner's device for end-to-end tests: its own H2 file and a real sync engine over HTTP. */
final class SyncedDevice implements AutoCloseable {

    /** No timer, no push channel and no automatic retries within a test: the test says when to sync. */
    static final SyncService.Schedule MANUAL = new SyncService.Schedule(Duration.ofDays(1), Duration.ofDays(1),
            Duration.ofDays(1), Duration.ofDays(1), false);

    private final Path folder;
    private final LocalStore store;
    private final SyncService sync;

    private SyncedDevice(Path folder, Clock clock) {
        this.folder = folder;
        this.store = LocalStore.openFile(folder, "default", clock);
        this.sync = new SyncService(store, new CredentialFile(folder.resolve(CredentialFile.NAME)),
                (server, device, credentials) -> new HttpSyncApi(server, device, credentials, clock),
                new Installation("E2E " + folder.getFileName(), "Linux", "test"), MediaDownloader.forStore(store), MANUAL,
                clock, new SplittableRandom(folder.hashCode()));
    }

    static SyncedDevice open(Path folder) {
        return new SyncedDevice(folder, Clock.systemUTC());
    }

    static SyncedDevice open(Path folder, Clock clock) {
        return new SyncedDevice(folder, clock);
    }

    LocalStore store() {
        return store;
    }

    SyncService sync() {
        return sync;
    }

    Path folder() {
        return folder;
    }

    void signIn(String serverUrl, String email, String password) {
        sync.signIn(URI.create(serverUrl), email, password.toCharArray());
    }

    /** One full sync, waited for; its failure is thrown as it came. */
    SyncSummary syncOnce() {
        try {
            return sync.syncNow().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("a sync took more than a minute", e);
        }
    }

    @Override
    public void close() {
        sync.close();
        store.close();
    }
}
