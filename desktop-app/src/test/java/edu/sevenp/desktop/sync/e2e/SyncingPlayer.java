package edu.sevenp.desktop.sync.e2e;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreAccess;
import edu.sevenp.desktop.sync.CredentialFile;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncStage;
import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.desktop.sync.client.HttpSyncApi;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Child-JVM main for the kill tests: a player that opens a profile and runs one full sync with the real engine,
 * printing markers the parent waits for before it kills it. Arguments: {@code <profile folder> <mode> [<server url>
 * <email> <password>]}; with a server it signs in first. Prints {@code READY}, then {@code SYNCED} and the summary
 * when the sync ended well, or {@code FAILED <reason>}.
 *
 * <p>Mode {@code plain} only syncs. Mode {@code lock-cursor}, for a kill during apply: once the first pulled page is
 * stored, it locks the course stream's cursor row from a second connection and prints {@code LOCKED}; the engine then
 * writes the next page's rows and waits for that lock in the middle of its transaction, and a watcher prints
 * {@code BLOCKED} when it does.
 */
public final class SyncingPlayer {

    private SyncingPlayer() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String mode = args[1];
        // Never closed: the parent ends this process with SIGKILL, or it exits.
        LocalStore store = LocalStore.openFile(folder, "default");
        SyncService sync = new SyncService(store, new CredentialFile(folder.resolve(CredentialFile.NAME)),
                (server, device, credentials) -> new HttpSyncApi(server, device, credentials, Clock.systemUTC()),
                new Installation("E2E child " + folder.getFileName(), "Linux", "test"), null, SyncedDevice.MANUAL,
                Clock.systemUTC(), new SplittableRandom(1));
        if (mode.equals("lock-cursor")) {
            lockCursorAfterFirstPage(store, sync);
        }
        say("READY");
        try {
            if (args.length > 2) {
                sync.signIn(URI.create(args[2]), args[3], args[4].toCharArray());
            }
            SyncSummary summary = sync.syncNow().get(5, TimeUnit.MINUTES);
            say("SYNCED");
            say("SUMMARY " + summary);
            System.exit(0);
        } catch (Exception e) {
            say("FAILED " + e);
            System.exit(1);
        }
    }

    private static void lockCursorAfterFirstPage(LocalStore store, SyncService sync) {
        AtomicBoolean locked = new AtomicBoolean();
        sync.addListener(status -> {
            // Told on the sync thread between pages: the first page and its cursor are committed.
            if (status.stage() == SyncStage.PULL && status.progress() != null && status.progress().done() > 0
                    && locked.compareAndSet(false, true)) {
                try {
                    Connection holder = StoreAccess.dsl(store).configuration().connectionProvider().acquire();
                    holder.setAutoCommit(false);
                    try (PreparedStatement lock = holder.prepareStatement(
                            "SELECT cursor FROM sync_state WHERE stream LIKE 'course:%' FOR UPDATE")) {
                        lock.executeQuery().close();
                    }
                    say("LOCKED");
                    Thread watcher = new Thread(() -> watchForBlockedSession(store), "blocked-watcher");
                    watcher.setDaemon(true);
                    watcher.start();
                } catch (SQLException e) {
                    say("FAILED to lock the cursor: " + e);
                }
            }
        });
    }

    private static void watchForBlockedSession(LocalStore store) {
        try (Connection connection = StoreAccess.dsl(store).configuration().connectionProvider().acquire();
                PreparedStatement blocked = connection.prepareStatement(
                        "SELECT count(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL")) {
            while (true) {
                try (ResultSet result = blocked.executeQuery()) {
                    result.next();
                    if (result.getLong(1) > 0) {
                        say("BLOCKED");
                        return;
                    }
                }
                Thread.sleep(5);
            }
        } catch (SQLException | InterruptedException e) {
            say("FAILED watching for the blocked engine: " + e);
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
