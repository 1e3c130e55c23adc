package edu.sevenp.desktop.sync;

import edu.sevenp.model.protocol.AccountView;
import edu.sevenp.model.protocol.CatalogPage;
import edu.sevenp.model.protocol.CategoryView;
import edu.sevenp.model.protocol.CourseDetail;
import edu.sevenp.model.protocol.DeviceInfo;
import edu.sevenp.model.protocol.DeviceView;
import edu.sevenp.model.protocol.PullRequest;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PushRequest;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.ServerInfo;
import edu.sevenp.model.protocol.VersionRange;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sync server in memory for SyncService's tests: signs in whoever asks, as the device the engine names;
 * answers an empty pull; fails every signed-in request as the test says (a revoked device). The push channel it opens is handed to the test.
 */
final class ScriptedServer implements SyncApiFactory {

    static final UUID USER = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 5, 9, 0, 0, 0, ZoneOffset.UTC);

    /** The events of the push channel the engine opened. */
    final CompletableFuture<ServerEvents> channel = new CompletableFuture<>();
    /** How many clients the engine made. */
    final AtomicInteger connections = new AtomicInteger();
    /** How many pulls were answered, and the most that were ever in progress at once. */
    final AtomicInteger pulls = new AtomicInteger();
    /** How many pushes the engine tried (this script answers none). */
    final AtomicInteger pushes = new AtomicInteger();
    /** The courses the learner enrolled in through the catalog, in order. */
    final List<UUID> enrollments = new CopyOnWriteArrayList<>();
    /** How many times the engine asked the server for its version and clock (once a run). */
    final AtomicInteger contacts = new AtomicInteger();
    final AtomicInteger mostPullsAtOnce = new AtomicInteger();
    private final AtomicInteger pullsNow = new AtomicInteger();
    private volatile SyncFailure requestFailure;
    private volatile SyncFailure contactFailure;
    private volatile CountDownLatch pullGate;
    /** The devices revoked, in order. */
    final List<UUID> revoked = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Another computer of the account, besides the engine's own. */
    static final UUID OTHER_DEVICE = UUID.fromString("00000000-0000-4000-8000-0000000000d9");

    void failRequestsWith(SyncFailure failure) {
        requestFailure = failure;
    }

    /** The server cannot be reached (a failure) or can again (null). */
    void failContactWith(SyncFailure failure) {
        contactFailure = failure;
    }

    /** Pulls wait until the latch opens (null: they do not wait). */
    void holdPullsUntil(CountDownLatch gate) {
        pullGate = gate;
    }

    @Override
    public SyncApi connect(URI server, DeviceInfo device, CredentialStore credentials) {
        connections.incrementAndGet();
        return new Client(server, device, credentials);
    }

    private final class Client implements SyncApi {

        private final URI server;
        private final DeviceInfo device;
        private final CredentialStore credentials;

        Client(URI server, DeviceInfo device, CredentialStore credentials) {
            this.server = server;
            this.device = device;
            this.credentials = credentials;
        }

        @Override
        public ServerContact contact() {
            contacts.incrementAndGet();
            if (contactFailure != null) {
                throw contactFailure;
            }
            return new ServerContact(new ServerInfo("scripted", new VersionRange(1, 1), "open", NOW), Duration.ZERO,
                    Duration.ZERO);
        }

        @Override
        public AccountView register(String email, char[] password, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Credentials signIn(String email, char[] password) {
            Credentials signedIn = new Credentials(server, USER, email, "Ana", device.id(), "refresh-" + device.id(),
                    NOW.plusDays(90));
            credentials.save(signedIn);
            return signedIn;
        }

        @Override
        public void signOut() {
            credentials.clear();
        }

        @Override
        public List<DeviceView> devices() {
            if (requestFailure != null) {
                throw requestFailure;
            }
            return List.of(new DeviceView(device.id(), device.name(), "Linux", "test", NOW, NOW, null, true),
                    new DeviceView(OTHER_DEVICE, "Lab PC", "Windows", "test", NOW.minusDays(3), NOW.minusDays(1),
                            revoked.contains(OTHER_DEVICE) ? NOW : null, false));
        }

        @Override
        public void revokeDevice(UUID id) {
            if (requestFailure != null) {
                throw requestFailure;
            }
            revoked.add(id);
        }

        @Override
        public PushResponse push(PushRequest request) {
            pushes.incrementAndGet();
            if (requestFailure != null) {
                throw requestFailure;
            }
            throw new UnsupportedOperationException("this script answers no push");
        }

        @Override
        public PullResponse pull(PullRequest request) {
            if (requestFailure != null) {
                throw requestFailure;
            }
            mostPullsAtOnce.accumulateAndGet(pullsNow.incrementAndGet(), Math::max);
            try {
                CountDownLatch gate = pullGate;
                if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the pull go on");
                }
                return new PullResponse(NOW, List.of(), List.of(), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                pullsNow.decrementAndGet();
                pulls.incrementAndGet();
            }
        }

        @Override
        public MediaBody media(String sha256, long from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CatalogPage catalog(CatalogSearch search) {
            if (requestFailure != null) {
                throw requestFailure;
            }
            return new CatalogPage(List.of(), search.page(), search.pageSize(), 0);
        }

        @Override
        public List<CategoryView> categories() {
            if (requestFailure != null) {
                throw requestFailure;
            }
            return List.of();
        }

        @Override
        public CourseDetail course(UUID course) {
            throw new UnsupportedOperationException("this script has no course details");
        }

        @Override
        public EnrollmentRow enroll(UUID course) {
            if (requestFailure != null) {
                throw requestFailure;
            }
            enrollments.add(course);
            return new EnrollmentRow(UUID.randomUUID(), USER, course, "active", NOW, null, BigDecimal.ZERO, null, NOW, NOW, 1);
        }

        @Override
        public java.util.List<edu.sevenp.model.protocol.CourseFigures> instructorCourses() {
            throw new UnsupportedOperationException("no course statistics here");
        }

        @Override
        public edu.sevenp.model.protocol.CourseStatistics courseStatistics(UUID course) {
            throw new UnsupportedOperationException("no course statistics here");
        }

        @Override
        public edu.sevenp.desktop.sync.PublishVerdict publish(java.nio.file.Path zip, String summary,
                edu.sevenp.desktop.sync.UploadProgress progress, edu.sevenp.desktop.sync.Cancellation cancellation) {
            throw new UnsupportedOperationException("no publishing here");
        }

        @Override
        public AutoCloseable listen(ServerEvents events) {
            channel.complete(events);
            return () -> { };
        }

        @Override
        public java.util.List<edu.sevenp.model.protocol.Recommendation> recommendations(int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Traffic traffic() {
            return new Traffic(0, 0);
        }
    }
}
