package edu.sevenp.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.EventStream;
import edu.sevenp.server.testing.Learning;
import edu.sevenp.server.testing.RunningServer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The push channel (docs/sync-protocol.md, section 12): server-sent events fed by LISTEN/NOTIFY. */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushChannelIT {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private Catalog.Course course;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
        course = catalog.freeCourse(accounts.instructor("Teacher").user(), "events", 2);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aPushFromOneDeviceTellsTheUsersOtherDeviceAndNobodyElse() throws Exception {
        Accounts.SignedIn ana = accounts.learner("Ana");
        Device laptop = new Device(ana);
        Device phone = new Device(accounts.signIn(ana.email(), UUID.randomUUID()));
        Device stranger = new Device(accounts.learner("Stranger"));
        laptop.push(new Learning(ana.user(), course).enroll(NOW));
        try (EventStream phoneEvents = new EventStream(phone.api());
                EventStream strangerEvents = new EventStream(stranger.api())) {
            assertThat(phoneEvents.next("hello", 10)).isNotNull();
            assertThat(strangerEvents.next("hello", 10)).isNotNull();

            laptop.push(new Learning(ana.user(), course).note(UUID.randomUUID(), 0, "hello phone", NOW, null));

            EventStream.Event changed = phoneEvents.next("changed", 10);
            assertThat(changed).isNotNull();
            assertThat(changed.data()).contains("\"user\"");
            assertThat(strangerEvents.next("changed", 2)).as("another user hears nothing").isNull();
        }
    }

    @Test
    void aChangeToACourseReachesOnlyThoseEntitledToIt() throws Exception {
        Device enrolled = new Device(accounts.learner("Enrolled"));
        enrolled.push(new Learning(enrolled.user(), course).enroll(NOW));
        Device outsider = new Device(accounts.learner("Outsider"));
        try (EventStream enrolledEvents = new EventStream(enrolled.api());
                EventStream outsiderEvents = new EventStream(outsider.api())) {
            assertThat(enrolledEvents.next("hello", 10)).isNotNull();
            assertThat(outsiderEvents.next("hello", 10)).isNotNull();

            catalog.execute("UPDATE course_lessons SET title = 'Retitled' WHERE id = ?", course.lesson(1));

            EventStream.Event changed = enrolledEvents.next("changed", 10);
            assertThat(changed).isNotNull();
            assertThat(changed.data()).contains(Streams.course(course.id()));
            assertThat(outsiderEvents.next("changed", 2)).isNull();
        }
    }

    @Test
    void theChannelSurvivesLosingItsDatabaseConnection() throws Exception {
        Accounts.SignedIn bea = accounts.learner("Bea");
        Device laptop = new Device(bea);
        Device phone = new Device(accounts.signIn(bea.email(), UUID.randomUUID()));
        laptop.push(new Learning(bea.user(), course).enroll(NOW));
        try (EventStream phoneEvents = new EventStream(phone.api())) {
            assertThat(phoneEvents.next("hello", 10)).isNotNull();

            // What a database restart does to the listener: its backend goes away.
            catalog.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN sevenp_sync%'");

            EventStream.Event afterReconnect = phoneEvents.next("changed", 20);
            assertThat(afterReconnect).as("told to pull: notifications may have been missed").isNotNull();
            phoneEvents.drain();
            laptop.push(new Learning(bea.user(), course).note(UUID.randomUUID(), 0, "after the restart", NOW, null));
            assertThat(phoneEvents.next("changed", 10)).isNotNull();
        }
    }

    @Test
    void theChannelNeedsASignedInDevice() {
        try (EventStream anonymous = new EventStream(server.client())) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (anonymous.status() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }
}
