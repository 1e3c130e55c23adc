package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.learning.Bookmark;
import edu.sevenp.model.learning.Note;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.RunningServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9, end-to-end scenarios 1 and 8: two devices of one learner edit the same note and bookmark, write their own,
 * and study offline; whichever syncs first, and whatever their clocks say (two days ahead or behind), they end with
 * the server's rows, the later edit (by server time) wins, and the losing note text survives as a conflict copy.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfflineEditsConvergeIT {

    /** The one outcome of the scenario, whichever device syncs first and whatever the clocks. */
    private static final Outcome EXPECTED = new Outcome(
            List.of("L0 Desktop: joins pair rows", "L0 Laptop: joins combine rows (conflict copy)",
                    "L1 Written on the laptop", "L2 Written on the desktop"),
            List.of("L0 Desktop's own", "L1 Desktop's title", "L2 Laptop's own"),
            List.of("L0 in_progress 70% 115s at 200", "L1 completed 100% 20s at 0"),
            List.of("active 33.33%"),
            List.of());

    enum Order { LAPTOP_FIRST, DESKTOP_FIRST }

    private static final AtomicInteger COURSES = new AtomicInteger();

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private DataSource superuser;
    private UUID instructor;

    @TempDir
    Path folders;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        superuser = database.superuser();
        catalog = new Catalog(superuser);
        instructor = accounts.instructor("Ines").user();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Order.class)
    void devicesThatEditedOfflineConvergeInEitherOrderAndKeepTheLosingText(Order order) {
        assertThat(scenario(order, Duration.ZERO, Duration.ZERO)).isEqualTo(EXPECTED);
    }

    @ParameterizedTest(name = "{0}, laptop {1} h, desktop {2} h")
    @CsvSource({"LAPTOP_FIRST, 48, -48", "DESKTOP_FIRST, -48, 48"})
    void clocksTwoDaysOffEndExactlyLikeCorrectClocks(Order order, int laptopHours, int desktopHours) {
        assertThat(scenario(order, Duration.ofHours(laptopHours), Duration.ofHours(desktopHours))).isEqualTo(EXPECTED);
    }

    /**
     * Runs the scenario and checks convergence, exactly-once and the conflict copy on both devices; answers the outcome.
     * Each device writes its edits at its own clock's time: the laptop's ten minutes ago, the desktop's five, so the
     * desktop's edits are the later ones in server time, whatever the clocks say.
     */
    private Outcome scenario(Order order, Duration laptopSkew, Duration desktopSkew) {
        Catalog.Course course = catalog.freeCourse(instructor, "offline-" + COURSES.incrementAndGet(), 3);
        Accounts.SignedIn ana = accounts.learner("Ana");
        assertThat(ana.api().post("/api/v1/courses/" + course.id() + "/enrollment", "").status()).isEqualTo(201);
        Ledger ledger = new Ledger();
        Path run = folders.resolve(order + "-" + laptopSkew.toHours() + "-" + desktopSkew.toHours());
        try (SyncedDevice laptop = SyncedDevice.open(run.resolve("laptop"), Clock.offset(Clock.systemUTC(), laptopSkew),
                SyncedDevice.MANUAL, ledger);
                SyncedDevice desktop = SyncedDevice.open(run.resolve("desktop"), Clock.offset(Clock.systemUTC(), desktopSkew),
                        SyncedDevice.MANUAL, ledger)) {
            laptop.signIn(server.baseUrl(), ana.email(), Accounts.PASSWORD);
            desktop.signIn(server.baseUrl(), ana.email(), Accounts.PASSWORD);
            laptop.syncOnce();
            Note shared = laptop.writeNote(course.lesson(0), "Joins match rows");
            Bookmark mark = laptop.bookmark(course.lesson(1), "Key idea");
            laptop.study(course.lesson(0), 30, 20, 30, laptop.now().minusMinutes(60));
            laptop.syncOnce();
            desktop.syncOnce();

            // Offline on both.
            laptop.editNote(shared.id().value(), "Laptop: joins combine rows", laptop.now().minusMinutes(10));
            desktop.editNote(shared.id().value(), "Desktop: joins pair rows", desktop.now().minusMinutes(5));
            laptop.retitleBookmark(mark.id().value(), "Laptop's title", laptop.now().minusMinutes(10));
            desktop.retitleBookmark(mark.id().value(), "Desktop's title", desktop.now().minusMinutes(5));
            laptop.writeNote(course.lesson(1), "Written on the laptop");
            desktop.writeNote(course.lesson(2), "Written on the desktop");
            laptop.bookmark(course.lesson(2), "Laptop's own");
            desktop.bookmark(course.lesson(0), "Desktop's own");
            laptop.study(course.lesson(0), 40, 40, 100, laptop.now().minusMinutes(10));
            desktop.study(course.lesson(0), 45, 70, 200, desktop.now().minusMinutes(5));
            desktop.complete(course.lesson(1), 20);

            SyncedDevice first = order == Order.LAPTOP_FIRST ? laptop : desktop;
            SyncedDevice second = order == Order.LAPTOP_FIRST ? desktop : laptop;
            first.syncOnce();
            second.syncOnce();
            first.syncOnce();

            Convergence.assertConverged(superuser, ana.user(), order.toString(), laptop, desktop);
            Convergence.assertExactlyOnce(superuser, ana.user(), ledger, order.toString());
            for (SyncedDevice device : List.of(laptop, desktop)) {
                assertThat(conflictCopiesOf(device, shared.id().value())).as(device.name())
                        .containsExactly("Laptop: joins combine rows");
                assertThat(device.sync().status().conflictCopies()).as(device.name()).isEqualTo(1);
            }
            return Outcome.of(LearnerRows.onServer(superuser, ana.user()), course);
        }
    }

    private static List<String> conflictCopiesOf(SyncedDevice device, UUID note) {
        return LearnerRows.onDevice(device.store(), device.user().value()).table("user_notes").values().stream()
                .filter(row -> row.get("conflict_of").equals(note.toString()))
                .map(row -> row.get("content")).toList();
    }

}
