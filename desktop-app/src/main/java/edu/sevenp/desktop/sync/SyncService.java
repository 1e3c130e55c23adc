package edu.sevenp.desktop.sync;

import edu.sevenp.desktop.failure.FailureWords;
import edu.sevenp.desktop.status.StatusBoard;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.store.OutboxState;
import edu.sevenp.desktop.store.SettingsRepository;
import edu.sevenp.desktop.store.ProfileOfAnotherAccountException;
import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.AccountView;
import edu.sevenp.model.protocol.DeviceView;
import edu.sevenp.model.protocol.Recommendation;
import edu.sevenp.model.sync.SyncEntity;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sync for one profile, outside the UI (docs/sync-client.md): one run at a time on its own thread, on a
 * timer, at once when the learner asks or the server's push channel says something changed, and again
 * after a transient failure with backoff and jitter, with no new local write needed. Everything it knows
 * is on its {@link #status() status}, which listeners are told of.
 */
public final class SyncService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    static final String LAST_SUCCESS = "sync.last_success";
    /** What the learner is told when the profile's folder turned out to be a copy (LocalStore#copyDetected). */
    public static String copiedProfile() {
        return words("copiedProfile");
    }

    /**
     * When and how often to sync.
     *
     * @param listen whether to keep the push channel open (a sync at once when the server says something changed)
     * @param afterChange how soon after the learner's new changes are counted a sync sends them (while the server
     *        answers), or null to leave them to the timer
     */
    public record Schedule(Duration firstDelay, Duration interval, Duration retryFirst, Duration retryMax, boolean listen,
            Duration afterChange) {

        public static final Schedule DEFAULT = new Schedule(Duration.ofSeconds(2), Duration.ofMinutes(5),
                Duration.ofSeconds(5), Duration.ofMinutes(10), true, Duration.ofSeconds(10));

        /** A schedule that leaves new changes to the timer. */
        public Schedule(Duration firstDelay, Duration interval, Duration retryFirst, Duration retryMax, boolean listen) {
            this(firstDelay, interval, retryFirst, retryMax, listen, null);
        }
    }

    /**
     * A sign-in that worked: who is signed in, and the sync it started.
     *
     * @param firstSync completes with that sync's summary, or its failure
     */
    public record SignedIn(Credentials credentials, CompletableFuture<SyncSummary> firstSync) {
    }

    private final LocalStore store;
    private final CredentialStore credentials;
    private final SyncApiFactory factory;
    private final Installation installation;
    private final MediaStage media;
    private final Schedule schedule;
    private final Clock clock;
    private final Backoff backoff;
    private final Backoff channelBackoff;
    private final StatusBoard<SyncStatus, SyncListener> board;
    private final ScheduledExecutorService executor;

    private SyncApi api;
    private AutoCloseable channel;
    private ScheduledFuture<?> next;
    private CompletableFuture<SyncSummary> waiting = new CompletableFuture<>();
    private boolean started;
    private boolean closed;

    public SyncService(LocalStore store, CredentialStore credentials, SyncApiFactory factory, Installation installation,
            MediaStage media, Schedule schedule, Clock clock, RandomGenerator random) {
        this.store = Objects.requireNonNull(store, "store");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.installation = Objects.requireNonNull(installation, "installation");
        this.media = media;
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new Backoff(schedule.retryFirst(), schedule.retryMax(), random);
        this.channelBackoff = new Backoff(schedule.retryFirst(), schedule.retryMax(), random);
        this.board = new StatusBoard<>(initialStatus(), SyncListener::statusChanged, "sync");
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sevenp-sync");
            thread.setDaemon(true);
            return thread;
        });
    }

    public SyncStatus status() {
        return board.current();
    }

    public void addListener(SyncListener listener) {
        board.add(listener);
    }

    public void removeListener(SyncListener listener) {
        board.remove(listener);
    }

    /**
     * Counts the waiting, kept and refused changes again, on the sync thread, and tells the listeners when they
     * changed: the learner wrote something, and the status should say so before the next sync.
     */
    public synchronized void recount() {
        if (!closed) {
            executor.execute(this::refreshCounts);
        }
    }

    /**
     * The rows with a change waiting to be sent, counted by kind (a note edited five times is one note). Reads the
     * store: call it off the UI thread.
     */
    public Map<SyncEntity, Integer> pendingByKind() {
        return store.outbox().rowsByEntity(OutboxState.PENDING);
    }

    /** The rows whose changes are kept here because their course is not on the server, by kind. Reads the store. */
    public Map<SyncEntity, Integer> heldByKind() {
        return store.outbox().rowsByEntity(OutboxState.HELD);
    }

    /** The changes the server refused for good, oldest first, with its reasons. Reads the store. */
    public List<RejectedChange> rejectedChanges() {
        return store.outbox().rejected().stream().map(SyncService::rejectedChange).toList();
    }

    private static RejectedChange rejectedChange(Outbox.Entry entry) {
        Outbox.Rejection reason = entry.rejection().orElseThrow(() -> new IllegalStateException(
                "rejected outbox entry " + entry.seq() + " has no reason"));
        return new RejectedChange(entry.entity(), entry.entityId(), reason.code(), reason.message());
    }

    /**
     * The catalog of the server this profile is signed in to. Its calls run on the caller's thread, beside any sync,
     * and fail with {@link SyncFailure.Kind#SIGNED_OUT} while the profile is not signed in.
     */
    public ServerCatalog catalog() {
        return new ServerCatalog(() -> connected().orElseThrow(() -> SyncFailure.of(SyncFailure.Kind.SIGNED_OUT,
                words("catalogNeedsSignIn"))));
    }

    /**
     * The signed-in instructor's course statistics, with the last ones fetched kept for offline viewing. Calls run on
     * the caller's thread, beside any sync.
     */
    public InstructorStatistics statistics() {
        return new InstructorStatistics(() -> connected().orElseThrow(() -> SyncFailure.of(SyncFailure.Kind.SIGNED_OUT,
                words("statisticsNeedSignIn"))), store.statisticsCache());
    }

    /**
     * Publishing course packages as this profile's account (issue 11). Calls run on the caller's thread, beside any
     * sync, and fail with {@link SyncFailure.Kind#SIGNED_OUT} while the profile is not signed in.
     */
    public CoursePublishing publishing() {
        return new CoursePublishing(() -> connected().orElseThrow(() -> SyncFailure.of(SyncFailure.Kind.SIGNED_OUT,
                notSignedIn())), () -> Optional.ofNullable(status().account()));
    }

    /** Starts the timer and the push channel; a profile that is not signed in only reports so. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        executor.execute(this::refreshCounts);
        if (ownCredentials().isPresent()) {
            scheduleRun(schedule.firstDelay());
            executor.execute(this::openChannel);
        }
    }

    /**
     * Asks for a sync as soon as possible; completes with the summary of a run that started after this call,
     * or with its {@link SyncFailure}. A request while a run is going asks for one more run after it.
     */
    public synchronized CompletableFuture<SyncSummary> syncNow() {
        if (closed) {
            return CompletableFuture.failedFuture(SyncFailure.of(SyncFailure.Kind.REFUSED, words("stopped")));
        }
        CompletableFuture<SyncSummary> result = waiting;
        scheduleRun(Duration.ZERO);
        return result;
    }

    /**
     * Signs the profile in (docs/sync-client.md, "Identity"), on the sync thread so no run overlaps it, and
     * starts syncing. The first sign-in hands the profile's records to the account. A device id that the
     * server refuses (another account's, or revoked) is replaced and the sign-in repeated once. Signing in is
     * also what a copied profile ({@link #copiedProfile()}) waits for.
     *
     * @throws SyncFailure when the server refused (wrong password, unreachable, …)
     * @throws ProfileOfAnotherAccountException when the profile belongs to another account
     */
    public SignedIn signIn(URI server, String email, char[] password) {
        Credentials signedIn = onSyncThread(() -> {
            closeChannel();
            Credentials credentialsNow;
            SyncApi signing = factory.connect(server, installation.as(store.identity().deviceId()), credentials);
            try {
                credentialsNow = signing.signIn(email, password);
            } catch (SyncFailure failure) {
                if (failure.kind() != SyncFailure.Kind.DEVICE_TAKEN && failure.kind() != SyncFailure.Kind.DEVICE_REVOKED) {
                    throw failure;
                }
                LOG.info("device id refused by the server ({}); making a new one", failure.code().orElse("-"));
                store.renewDeviceId();
                signing = factory.connect(server, installation.as(store.identity().deviceId()), credentials);
                credentialsNow = signing.signIn(email, password);
            }
            try {
                store.adoptAccount(new UserId(credentialsNow.userId()), credentialsNow.name());
            } catch (ProfileOfAnotherAccountException e) {
                credentials.clear();
                throw e;
            }
            store.dismissCopyDetected();
            synchronized (this) {
                // The client that signed in holds the new access token: syncing with it spends no refresh.
                api = signing;
            }
            backoff.succeeded();
            return credentialsNow;
        });
        board.update(status -> initialStatus());
        synchronized (this) {
            started = true;
        }
        executor.execute(this::openChannel);
        return new SignedIn(signedIn, syncNow());
    }

    /**
     * The server's recommendations for this learner, asked on the caller's thread (not behind a running sync); empty
     * when the profile is not signed in.
     *
     * @throws SyncFailure when the server cannot be reached or refuses
     */
    public Optional<List<Recommendation>> recommendations(int limit) {
        return connected().map(connectedApi -> connectedApi.recommendations(limit));
    }

    /** Signs out: the server is told when it can be, the credentials go, the profile's data stays. */
    public void signOut() {
        onSyncThread(() -> {
            closeChannel();
            Optional<SyncApi> connected = connected();
            try {
                connected.ifPresent(SyncApi::signOut);
            } catch (SyncFailure failure) {
                LOG.info("signed out here; the server could not be told ({})", failure.getMessage());
            } finally {
                forgetSignIn();
            }
            return null;
        });
        board.update(status -> initialStatus());
    }

    /**
     * Makes an account on {@code server} (docs/sync-protocol.md, {@code POST /auth/register}), when the server takes
     * registrations; does not sign in. Talks to the network: call it off the UI thread.
     *
     * @throws SyncFailure when the server refused, in words that say what to change (the address is taken, the
     *         password too short, the server makes no accounts itself), or could not be reached
     */
    public AccountView register(URI server, String email, char[] password, String name) {
        return factory.connect(server, installation.as(store.identity().deviceId()), credentials)
                .register(email, password, name);
    }

    /**
     * The signed-in account's devices, newest first, revoked ones included. Talks to the network: call it off the UI
     * thread.
     *
     * @throws SyncFailure when the profile is not signed in ({@link SyncFailure.Kind#SIGNED_OUT}) or the server refused
     */
    public List<DeviceView> devices() {
        return signedInApi().devices();
    }

    /** This installation's device id, as the server knows it. */
    public UUID deviceId() {
        return store.identity().deviceId().value();
    }

    /**
     * Signs one of the account's devices out for good (docs/sync-protocol.md, {@code DELETE /devices/{id}}); it can
     * sync no more until someone signs in on it again, and its data stays on it. Revoking this device signs this
     * profile out (its data stays here). Talks to the network: call it off the UI thread.
     *
     * @return whether it was this device
     * @throws SyncFailure when the profile is not signed in, or the server refused or could not be reached
     */
    public boolean revokeDevice(UUID device) {
        Objects.requireNonNull(device, "device");
        if (!device.equals(deviceId())) {
            signedInApi().revokeDevice(device);
            return false;
        }
        onSyncThread(() -> {
            closeChannel();
            try {
                signedInApi().revokeDevice(device);
            } catch (SyncFailure failure) {
                executor.execute(this::openChannel);
                throw failure;
            }
            forgetSignIn();
            return null;
        });
        board.update(status -> initialStatus());
        return true;
    }

    private SyncApi signedInApi() {
        return connected().orElseThrow(() -> SyncFailure.of(SyncFailure.Kind.SIGNED_OUT, notSignedIn()));
    }

    /** The sign-in ends here: the credentials go and nothing more is planned. On the sync thread. */
    private void forgetSignIn() {
        credentials.clear();
        synchronized (this) {
            api = null;
            if (next != null) {
                next.cancel(false);
                next = null;
            }
        }
    }

    private <T> T onSyncThread(java.util.concurrent.Callable<T> work) {
        try {
            return executor.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SyncFailure.of(SyncFailure.Kind.REFUSED, words("interrupted"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private synchronized void scheduleRun(Duration delay) {
        if (closed) {
            return;
        }
        if (next != null && next.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis()) {
            return; // a run is already due sooner
        }
        if (next != null) {
            next.cancel(false);
        }
        next = executor.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One full sync on the sync thread; plans the next one. */
    private void runOnce() {
        CompletableFuture<SyncSummary> answering;
        synchronized (this) {
            next = null;
            answering = waiting;
            waiting = new CompletableFuture<>();
        }
        Optional<SyncApi> connected = connected();
        if (connected.isEmpty()) {
            SyncStatus now = board.update(status -> initialStatus());
            answering.completeExceptionally(SyncFailure.of(SyncFailure.Kind.SIGNED_OUT,
                    now.lastError() != null ? now.lastError() : notSignedIn()));
            return;
        }
        board.update(status -> new SyncStatus(status.account(), status.connection(), SyncStatus.Activity.SYNCING,
                SyncStage.CONTACT, null, status.pendingChanges(), status.heldChanges(), status.rejectedChanges(),
                status.conflictCopies(), status.lastSuccess(), status.lastError(), null));
        try {
            SyncSummary summary = new SyncRun(connected.get(), store.sync(), store.identity().deviceId(), media,
                    this::stageProgress, clock).run();
            Instant now = clock.instant();
            store.settings().put(LAST_SUCCESS, now.toString());
            backoff.succeeded();
            Instant nextRun = now.plus(schedule.interval());
            // The sync succeeded; what kept media back (a full disk) is still for the learner to see.
            board.update(status -> counted(new SyncStatus(status.account(), SyncStatus.Connection.ONLINE,
                    SyncStatus.Activity.IDLE, null, null, 0, 0, 0, 0, now, summary.mediaProblem(), nextRun)));
            scheduleRun(schedule.interval());
            answering.complete(summary);
        } catch (SyncFailure failure) {
            SyncFailure told = failure;
            if (failure.kind() == SyncFailure.Kind.SEQUENCE_REUSED) {
                rekeyBehindServer();
                told = new SyncFailure(SyncFailure.Kind.SEQUENCE_REUSED, "sequence_reused", copiedProfile(), null, failure);
            }
            failed(told);
            answering.completeExceptionally(told);
        } catch (SyncRun.BehindServer behind) {
            rekeyBehindServer();
            SyncFailure failure = new SyncFailure(SyncFailure.Kind.SEQUENCE_REUSED, "profile_restored", copiedProfile(), null,
                    behind);
            failed(failure);
            answering.completeExceptionally(failure);
        } catch (RuntimeException e) {
            // A fault of this app or its store: logged in full, shown in words, retried later like a transient one.
            LOG.error("sync failed", e);
            failed(new SyncFailure(SyncFailure.Kind.REFUSED, null, words("failedHere"), null, e));
            answering.completeExceptionally(e);
        }
    }

    /** As for a copied folder: a new device id, and a new sign-in for it (the credentials are the old id's). */
    private void rekeyBehindServer() {
        store.rekeyBehindServer();
        synchronized (this) {
            api = null;
        }
        LOG.warn("the server holds changes under this device's numbers that this profile never made (restored from an"
                + " older copy?): device id renewed; sign in again to sync");
    }

    private void failed(SyncFailure failure) {
        LOG.warn("sync failed kind={} code={} reason=\"{}\"", failure.kind(), failure.code().orElse("-"), failure.getMessage());
        boolean retry = failure.kind().transientFailure() || failure.kind() == SyncFailure.Kind.REFUSED;
        Duration wait = retry ? backoff.afterFailure(failure.retryAfter().orElse(null)) : null;
        Instant nextRun = wait == null ? null : clock.instant().plus(wait);
        SyncStatus.Connection connection = failure.kind() == SyncFailure.Kind.UNREACHABLE ? SyncStatus.Connection.OFFLINE
                : failure.kind() == SyncFailure.Kind.NETWORK ? SyncStatus.Connection.UNKNOWN : SyncStatus.Connection.ONLINE;
        SyncStatus.Activity activity = retry ? SyncStatus.Activity.WAITING_TO_RETRY : SyncStatus.Activity.NEEDS_ATTENTION;
        board.update(status -> counted(new SyncStatus(status.account(), connection, activity, null, null, 0, 0, 0, 0,
                status.lastSuccess(), failure.getMessage(), nextRun)));
        if (retry) {
            scheduleRun(wait);
        } else {
            closeChannel();
        }
    }

    private void stageProgress(SyncStage stage, SyncProgress progress) {
        board.update(status -> new SyncStatus(status.account(), SyncStatus.Connection.ONLINE, SyncStatus.Activity.SYNCING,
                stage, progress, status.pendingChanges(), status.heldChanges(), status.rejectedChanges(),
                status.conflictCopies(), status.lastSuccess(), status.lastError(), null));
    }

    private synchronized Optional<SyncApi> connected() {
        if (api == null) {
            Optional<Credentials> held = ownCredentials();
            if (held.isEmpty()) {
                return Optional.empty();
            }
            api = factory.connect(held.get().server(), installation.as(store.identity().deviceId()), credentials);
        }
        return Optional.of(api);
    }

    /** The push channel: pull when it opens or says something changed; reopen with backoff when it ends. */
    private void openChannel() {
        if (!schedule.listen()) {
            return;
        }
        Optional<SyncApi> connected = connected();
        if (connected.isEmpty() || closed) {
            return;
        }
        try {
            AutoCloseable opened = connected.get().listen(new ServerEvents() {
                @Override
                public void opened() {
                    channelBackoff.succeeded();
                    syncNow();
                }

                @Override
                public void changed(List<String> streams) {
                    syncNow();
                }

                @Override
                public void closed(SyncFailure failure) {
                    channelClosed(failure);
                }
            });
            synchronized (this) {
                closeChannel();
                channel = opened;
            }
        } catch (SyncFailure failure) {
            channelClosed(failure);
        }
    }

    private void channelClosed(SyncFailure failure) {
        if (closed) {
            return;
        }
        if (failure != null && !failure.kind().transientFailure()) {
            failed(failure);
            return;
        }
        Duration wait = channelBackoff.afterFailure(failure == null ? null : failure.retryAfter().orElse(null));
        LOG.info("push channel closed; reopening in {} ms", wait.toMillis());
        executor.schedule(this::openChannel, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (Exception e) {
                LOG.debug("closing the push channel", e);
            }
            channel = null;
        }
    }

    private void refreshCounts() {
        int[] pendingBefore = new int[1];
        SyncStatus now = board.update(status -> {
            pendingBefore[0] = status.pendingChanges();
            return counted(status);
        });
        // New changes go soon rather than at the next timer (up to minutes later), so that another device sees a
        // note within seconds; but only while the server answers, never around a retry's backoff.
        if (schedule.afterChange() != null && now.pendingChanges() > pendingBefore[0]
                && now.activity() == SyncStatus.Activity.IDLE && now.connection() == SyncStatus.Connection.ONLINE) {
            scheduleRun(schedule.afterChange());
        }
    }

    /** The status with the counts read from the store now. */
    private SyncStatus counted(SyncStatus status) {
        // Counts only: planning a push would read every waiting change's payload, every 10 s while the window is open.
        return new SyncStatus(status.account(), status.connection(), status.activity(), status.stage(), status.progress(),
                store.outbox().pendingCount(), store.outbox().heldCount(), store.outbox().rejected().size(),
                store.sync().conflictCopies(),
                status.lastSuccess(), status.lastError(), status.nextAttempt());
    }

    /**
     * The stored credentials when they were issued to this profile's device id. Others came with a folder copied
     * from another installation (whose device id the store replaced when it opened): using them would make two
     * installations share one sign-in and refresh token, so they are forgotten. Checked on every read rather than
     * once, so that a crash between the store's new device id and this can never leave them in use.
     */
    private Optional<Credentials> ownCredentials() {
        Optional<Credentials> held = credentials.load();
        UUID device = store.identity().deviceId().value();
        if (held.isPresent() && !held.get().deviceId().equals(device)) {
            LOG.warn("the stored sign-in belongs to device {}, not to this installation ({}); forgotten", held.get().deviceId(),
                    device);
            credentials.clear();
            return Optional.empty();
        }
        return held;
    }

    private SyncStatus initialStatus() {
        Optional<Credentials> held = ownCredentials();
        SettingsRepository settings = store.settings();
        Instant lastSuccess = settings.get(LAST_SUCCESS, String.class).map(Instant::parse).orElse(null);
        if (held.isEmpty()) {
            if (store.copyDetected().isPresent()) {
                return counted(new SyncStatus(null, SyncStatus.Connection.UNKNOWN, SyncStatus.Activity.NEEDS_ATTENTION, null,
                        null, 0, 0, 0, 0, null, copiedProfile(), null));
            }
            return counted(SyncStatus.notSignedIn(0));
        }
        return counted(new SyncStatus(new SyncStatus.Account(held.get().server().toString(), held.get().email()),
                SyncStatus.Connection.UNKNOWN, SyncStatus.Activity.IDLE, null, null, 0, 0, 0, 0, lastSuccess, null, null));
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (next != null) {
                next.cancel(false);
            }
            closeChannel();
            waiting.completeExceptionally(SyncFailure.of(SyncFailure.Kind.REFUSED, words("stopped")));
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the sync thread did not stop within 10 s");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        board.update(status -> new SyncStatus(status.account(), status.connection(), SyncStatus.Activity.STOPPED, null, null,
                status.pendingChanges(), status.heldChanges(), status.rejectedChanges(), status.conflictCopies(),
                status.lastSuccess(), status.lastError(), null));
    }

    /** In the learner's language: read when said, as the language is set before the engine starts. */
    private static String notSignedIn() {
        return words("notSignedIn");
    }

    /** The learner's words {@code key}, from the sync package's bundle in the default locale. */
    private static String words(String key) {
        return FailureWords.of(SyncFailure.class).text(key);
    }
}
