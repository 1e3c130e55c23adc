package edu.sevenp.desktop.store;

import edu.sevenp.migrations.MigrationOutcome;
import edu.sevenp.migrations.Migrations;
import edu.sevenp.migrations.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The learner's local database: an H2 file in the profile's folder, migrated to the newest local
 * schema when opened. Everything the player shows offline is read from here.
 */
public final class LocalStore implements AutoCloseable {

    /** H2 in PostgreSQL mode, so the mirror's SQL reads like the server's (see stack.md). */
    private static final String MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static final String FILE_NAME = "store";

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final MigrationOutcome migration;
    private final String location;
    private final ProfileIdentity identity;
    private final Clock clock = Clock.systemUTC();
    /** One for the store: every learner write goes through it (see WriteTransactions). */
    private final WriteTransactions writes;

    private LocalStore(JdbcConnectionPool pool, MigrationOutcome migration, String location, String profileName) {
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.H2);
        this.migration = migration;
        this.location = location;
        this.identity = IdentityRepository.ensure(dsl, profileName);
        this.writes = new WriteTransactions(dsl);
    }

    /** Opens (creating and migrating when needed) the store of profile {@code profileName} kept in {@code directory}. */
    public static LocalStore openFile(Path directory, String profileName) {
        Objects.requireNonNull(directory, "directory");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the library folder " + directory + ": " + e.getMessage(), e);
        }
        Path file = directory.toAbsolutePath().resolve(FILE_NAME);
        return open("jdbc:h2:file:" + file + MODE, file + ".mv.db", profileName);
    }

    /** A private in-memory store, gone when closed: for tests and previews. */
    public static LocalStore openInMemory(String name) {
        return open("jdbc:h2:mem:" + name + MODE + ";DB_CLOSE_DELAY=-1", "memory:" + name, "default");
    }

    private static LocalStore open(String url, String location, String profileName) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            checkAvailable(pool, location);
            MigrationOutcome outcome = new Migrations(pool, Target.H2).migrate();
            return new LocalStore(pool, outcome, location, profileName);
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
                throw new StoreInUseException("The library " + location + " is open in another 7P player. "
                        + "Close the other player (or choose another profile) and try again.", e);
            }
            throw new StoreException("Cannot open the library " + location + ": " + e.getMessage(), e);
        }
    }

    DSLContext dsl() {
        return dsl;
    }

    public CourseRepository courses() {
        return new CourseRepository(dsl);
    }

    public CourseImporter importer() {
        return new CourseImporter(dsl);
    }

    /** The profile's learner and this device, made on the profile's first start. */
    public ProfileIdentity identity() {
        return identity;
    }

    public SettingsRepository settings() {
        return new SettingsRepository(dsl);
    }

    public Outbox outbox() {
        return new Outbox(dsl, identity.deviceId());
    }

    public SearchQueue searchQueue() {
        return new SearchQueue(dsl);
    }

    public LessonRepository lessons() {
        return new LessonRepository(dsl, notes(), bookmarks());
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

    public DashboardRepository dashboards() {
        return new DashboardRepository(dsl);
    }

    public String schemaVersion() {
        return migration.schemaVersion();
    }

    /** The database file (or in-memory name), for messages. */
    public String location() {
        return location;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
