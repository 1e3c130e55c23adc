package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.learning.Note;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.RunningServer;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The real engine against the real server on a real PostgreSQL, two devices of one learner. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncEndToEndIT {

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;

    @TempDir
    static Path folders;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aNoteWrittenOnOneDeviceReachesTheOther() {
        Catalog.Course course = catalog.freeCourse(accounts.instructor("Ines").user(), "e2e-first", 3);
        Accounts.SignedIn ana = accounts.learner("Ana");
        ana.api().post("/api/v1/courses/" + course.id() + "/enrollment", "");

        try (SyncedDevice laptop = SyncedDevice.open(folders.resolve("laptop"));
                SyncedDevice desktop = SyncedDevice.open(folders.resolve("desktop"))) {
            laptop.signIn(server.baseUrl(), ana.email(), Accounts.PASSWORD);
            SyncSummary first = laptop.syncOnce();
            assertThat(laptop.store().sync().syncedCourses()).containsExactly(course.id());

            Note note = laptop.store().notes().create(laptop.store().identity().userId(), new LessonId(course.lesson(0)),
                    "Outer joins keep unmatched rows", null, OffsetDateTime.now(ZoneOffset.UTC)).orElseThrow();
            SyncSummary second = laptop.syncOnce();
            assertThat(second.pushed()).as("%s then %s", first, second).isEqualTo(1);

            desktop.signIn(server.baseUrl(), ana.email(), Accounts.PASSWORD);
            desktop.syncOnce();

            assertThat(desktop.store().notes().find(desktop.store().identity().userId(), note.id()))
                    .hasValueSatisfying(found -> assertThat(found.content()).isEqualTo("Outer joins keep unmatched rows"));
        }
    }
}
