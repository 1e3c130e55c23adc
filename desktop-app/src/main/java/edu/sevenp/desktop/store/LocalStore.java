package edu.sevenp.desktop.store;

import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.migrations.CurrentSchema;
import edu.sevenp.migrations.MigrationOutcome;
import edu.sevenp.migrations.Migrations;
import edu.sevenp.migrations.Target;
import edu.sevenp.model.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TransactionListener;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * The learner's local database: an H2 file in the profile's folder, migrated to the newest local
 * schema when opened, and beside it the profile's media folder, where media files are kept by their
 * SHA-256. Everything the player shows offline is read from here.
 */
public final class LocalStore implements AutoCloseable {

    /** H2 in PostgreSQL mode, so the mirror's SQL reads like the server's (see stack.md). */
    private static final String MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    /**
     * Every commit is written to the file before it returns. H2's default (500 ms) keeps commits in
     * memory: killing the process then lost the last ~0.7 s of committed work (11,000 transactions in
     * a measurement); with 0 it lost none, at about 0.13 ms a commit. DiskFlusher adds the fsync.
     */
    private static final String DURABLE = ";WRITE_DELAY=0";
    private static final String FILE_NAME = "store";
    /** The database file H2 keeps in a profile's folder, and locks while it has it open. */
    static final String DATABASE_FILE = FILE_NAME + ".mv.db";
    private static final String MEDIA_FOLDER = "media";

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final MigrationOutcome migration;
    private final String location;
    private final Path directory;
    /** Changes when the profile signs in to an account or gets a new device id; read it afresh each time. */
    private volatile ProfileIdentity identity;
    private final DiskFlusher flusher;
    private final MediaFolder media;
    /** An in-memory store's media folder is temporary and removed on close; a profile's is kept. */
    private final boolean temporaryMedia;
    /** Every time the store writes of its own (updated_at, an outbox entry's created_at) comes from here. */
    private final Clock clock;
    /** One for the store: every learner write goes through it (see WriteTransactions). */
    private final WriteTransactions writes;

    private LocalStore(JdbcConnectionPool pool, MigrationOutcome migration, String location, Path directory,
            String hostName, String profileName, Path mediaDirectory, boolean temporaryMedia, Clock clock,
            InstallationFingerprint movedFrom) {
        this.pool = pool;
        this.clock = clock;
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(pool);
        configuration.set(SQLDialect.H2);
        this.flusher = new DiskFlusher(DSL.using(pool, SQLDialect.H2));
        configuration.set(TransactionListener.onCommitEnd(context -> flusher.commitHappened()));
        this.dsl = DSL.using(configuration);
        this.migration = migration;
        this.location = location;
        this.directory = directory;
        // Measured after H2 made its file in the folder: see InstallationFingerprint's creation time.
        InstallationFingerprint fingerprint = directory == null ? null : InstallationFingerprint.of(directory, hostName);
        this.identity = IdentityRepository.ensure(dsl, profileName, fingerprint, movedFrom, clock);
        this.media = new MediaFolder(mediaDirectory);
        this.temporaryMedia = temporaryMedia;
        this.writes = new WriteTransactions(dsl);
    }

    /**
     * Opens (creating and migrating when needed) the store of profile {@code profileName} kept in {@code directory}.
     * A folder that is a copy of another installation's gets a new device id before anything else can use the
     * store ({@link #copyDetected()}).
     */
    public static LocalStore openFile(Path directory, String profileName) {
        return openFile(directory, profileName, Clock.systemUTC());
    }

    /** As {@link #openFile(Path, String)}, with the times the store writes taken from {@code clock}. */
    public static LocalStore openFile(Path directory, String profileName, Clock clock) {
        return openFile(directory, profileName, clock, InstallationFingerprint.thisHost());
    }

    /** As {@link #openFile(Path, String, Clock)}, as if on the computer called {@code hostName}: for tests. */
    static LocalStore openFile(Path directory, String profileName, Clock clock, String hostName) {
        return openFile(directory, profileName, clock, hostName, null);
    }

    /** As {@link #openFile(Path, String)}, right after the player itself moved the folder ({@link StoreFolders#rename}). */
    static LocalStore openMovedFile(Path directory, String profileName, String hostName, InstallationFingerprint movedFrom) {
        return openFile(directory, profileName, Clock.systemUTC(), hostName, movedFrom);
    }

    /**
     * As {@link #openFile(Path, String, Clock, String)}, right after the player itself moved the folder
     * ({@link StoreFolders#rename}): a folder that was this installation's at {@code movedFrom} keeps its device id.
     */
    static LocalStore openFile(Path directory, String profileName, Clock clock, String hostName,
            InstallationFingerprint movedFrom) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the library folder " + directory + ": " + e.getMessage(), e);
        }
        Path file = directory.toAbsolutePath().resolve(FILE_NAME);
        Path home = directory.toAbsolutePath();
        return open("jdbc:h2:file:" + file + MODE + DURABLE, file + ".mv.db", home, hostName, profileName,
                home.resolve(MEDIA_FOLDER), false, clock, movedFrom);
    }

    /**
     * A private in-memory store, gone when closed: for tests and previews. Its media folder is a new
     * temporary folder, removed with the store.
     */
    public static LocalStore openInMemory(String name) {
        return openInMemory(name, Clock.systemUTC());
    }

    /** As {@link #openInMemory(String)}, with the times the store writes taken from {@code clock}. */
    public static LocalStore openInMemory(String name, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        Path mediaDirectory;
        try {
            mediaDirectory = Files.createTempDirectory("sevenp-media-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary media folder: " + e.getMessage(), e);
        }
        try {
            return open("jdbc:h2:mem:" + name + MODE + ";DB_CLOSE_DELAY=-1", "memory:" + name, null, null, "default",
                    mediaDirectory, true, clock, null);
        } catch (RuntimeException e) {
            deleteTree(mediaDirectory);
            throw e;
        }
    }

    private static LocalStore open(String url, String location, Path directory, String hostName, String profileName,
            Path mediaDirectory, boolean temporaryMedia, Clock clock, InstallationFingerprint movedFrom) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            checkAvailable(pool, location);
            // Flyway costs about a second to load in a new JVM; a store already current does without it.
            MigrationOutcome outcome = CurrentSchema.ofH2(pool).orElseGet(() -> new Migrations(pool, Target.H2).migrate());
            return new LocalStore(pool, outcome, location, directory, hostName, profileName, mediaDirectory, temporaryMedia,
                    clock, movedFrom);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    private static void checkAvailable(JdbcConnectionPool pool, String location) {
        try (Connection connection = pool.getConnection()) {
            connection.isValid(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new StoreInUseException(StoreException.WORDS.text("inUse", location), e);
            }
            throw new StoreException(StoreException.WORDS.text("unopenable", location), e);
        }
    }

    DSLContext dsl() {
        return dsl;
    }

    DiskFlusher flusher() {
        return flusher;
    }

    public CourseRepository courses() {
        return new CourseRepository(dsl);
    }

    /** Imports course packages: their media files into the media folder, everything else in one transaction. */
    public CourseImporter importer() {
        return new CourseImporter(dsl, media, clock);
    }

    /** The media files this profile holds, by content ({@code media:<sha256>} references). */
    public MediaLibrary media() {
        return new MediaLibrary(dsl, media);
    }

    /** Which media files this profile holds and how far their downloads are (the media_cache table). */
    public MediaCacheRepository mediaCache() {
        return new MediaCacheRepository(dsl, clock);
    }

    /**
     * Where media files are kept, each named by its SHA-256: {@code <profile folder>/media}, or a temporary
     * folder for an in-memory store. Created on first use.
     */
    public Path mediaDirectory() {
        return media.directory();
    }

    /** The profile's learner and this device, made on the profile's first start. */
    public ProfileIdentity identity() {
        return identity;
    }

    /**
     * The profile now belongs to the server account {@code account}: its learner's records and queued
     * changes are handed over (the first time) and the identity changes. Services made before hold the old one.
     *
     * @throws ProfileOfAnotherAccountException when the profile belongs to another account
     */
    public ProfileIdentity adoptAccount(UserId account, String name) {
        identity = writes.run("linkAccount", tx -> AccountLink.adopt(tx, identity, account, name, clock));
        return identity;
    }

    /**
     * Whether this profile's folder was found to be a copy of another installation's when it opened (now or
     * at an earlier start), and re-keyed; kept until {@link #dismissCopyDetected()}.
     */
    public Optional<ProfileCopy> copyDetected() {
        return InstallationCheck.lastCopy(settings());
    }

    /** The learner signed in again after a copy was found: nothing is left to explain. */
    public void dismissCopyDetected() {
        InstallationCheck.dismiss(settings());
    }

    /**
     * The server has applied changes under this device id that this store never made (its folder was restored
     * from an older copy in place): re-keyed like a copy ({@link #copyDetected()}), so nothing new is taken for
     * a replay and dropped.
     */
    public ProfileIdentity rekeyBehindServer() {
        identity = writes.run("newDeviceId", tx -> InstallationCheck.behindServer(tx, identity, clock));
        return identity;
    }

    /** A new device id for this installation; the changes still to send go under it. */
    public ProfileIdentity renewDeviceId() {
        identity = writes.run("newDeviceId", tx -> AccountLink.renewDevice(tx, identity, clock));
        return identity;
    }

    public SettingsRepository settings() {
        return new SettingsRepository(dsl, clock);
    }

    public Outbox outbox() {
        return new Outbox(dsl, identity.deviceId(), clock);
    }

    /** The store's side of sync: cursors, what to push, push answers and pulled answers. */
    public SyncRepository sync() {
        return new SyncRepository(dsl, writes, identity, clock);
    }

    /** What the learner chose about server courses' copies on this computer: paused or removed downloads. */
    public CourseDownloadRepository downloads() {
        return new CourseDownloadRepository(dsl, writes, clock);
    }

    /** The last course statistics fetched from the server, for offline viewing (local only). */
    public StatisticsCacheRepository statisticsCache() {
        return new StatisticsCacheRepository(dsl, clock);
    }

    public SearchQueue searchQueue() {
        return new SearchQueue(dsl);
    }

    public SearchContentRepository searchContent() {
        return new SearchContentRepository(dsl);
    }

    public LessonRepository lessons() {
        return new LessonRepository(dsl);
    }

    public LessonProgressRepository progress() {
        return new LessonProgressRepository(dsl, writes, outbox(), clock);
    }

    public EnrollmentRepository enrollments() {
        return new EnrollmentRepository(dsl, writes, outbox(), clock);
    }

    public CompletionRepository completions() {
        return new CompletionRepository(dsl, writes, outbox());
    }

    public NoteRepository notes() {
        return new NoteRepository(dsl, writes, outbox());
    }

    public BookmarkRepository bookmarks() {
        return new BookmarkRepository(dsl, writes, outbox());
    }

    public QuizRepository quizzes() {
        return new QuizRepository(dsl, writes, outbox());
    }

    /** What the profile holds, counted (what removing it would lose). */
    public StoreContents contents() {
        return StoreContents.count(dsl);
    }

    public DashboardRepository dashboards() {
        return new DashboardRepository(dsl);
    }

    public String schemaVersion() {
        return migration.schemaVersion();
    }

    /** The profile's folder, where files that belong with the database live; empty for an in-memory store. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** The database file (or in-memory name), for messages. */
    public String location() {
        return location;
    }

    /**
     * Completes once everything committed before the call is on the disk itself. Commits are flushed
     * within 200 ms anyway; wait for this before telling the learner something is saved.
     */
    public CompletableFuture<Void> flushToDisk() {
        return flusher.flushNow();
    }

    @Override
    public void close() {
        flusher.close();
        pool.dispose();
        if (temporaryMedia) {
            deleteTree(media.directory());
        }
    }

    /**
     * Closes the store and, for an in-memory one, drops its database, which H2 otherwise keeps until the program ends
     * (DB_CLOSE_DELAY=-1): a preview's store is thrown away, not kept for reopening.
     */
    public void discard() {
        try {
            if (directory == null) {
                flusher.close();
                shutDown();
            }
        } finally {
            close();
        }
    }

    private void shutDown() {
        try {
            dsl.execute("SHUTDOWN");
        } catch (DataAccessException e) {
            // H2 closes the session it shuts down with, and says so: that is the shutdown having worked.
            if (!(e.getCause() instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN)) {
                throw e;
            }
        }
    }

    private static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the temporary media folder " + directory + ": " + e.getMessage(), e);
        }
    }
}
