package edu.sevenp.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.StreamPage;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.Learning;
import edu.sevenp.server.testing.RunningServer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A device offline past the tombstone horizon (docs/sync-protocol.md, section 6): its stream starts over with a
 * full copy, what was deleted meanwhile does not come back, and what it uploads first is kept.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TombstoneHorizonIT {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private RunningServer server;
    private TestDatabase database;
    private Accounts accounts;
    private Catalog catalog;

    @BeforeAll
    void start(TestDatabase testDatabase) {
        database = testDatabase;
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aDeviceBackAfterTheHorizonStartsOverAndNoDeletedRowComesBack() {
        Catalog.Course course = catalog.freeCourse(accounts.instructor("Teacher").user(), "horizon", 2);
        Accounts.SignedIn account = accounts.learner("Nomad");
        Device travelling = new Device(account);
        Device home = new Device(accounts.signIn(account.email(), UUID.randomUUID()));
        Learning learner = new Learning(account.user(), course);
        UUID kept = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        travelling.push(learner.enroll(NOW), learner.note(kept, 0, "kept", NOW, null), learner.note(deleted, 1, "deleted later", NOW, null));
        travelling.pullAll();
        assertThat(travelling.rows("user_notes")).containsKeys(kept, deleted);

        home.pullAll();
        long version = home.<NoteRow>row("user_notes", deleted).version();
        home.push(learner.deleteNote(deleted, NOW, version));
        UUID addedAtHome = UUID.randomUUID();
        home.push(learner.note(addedAtHome, 0, "written at home", NOW, null));
        // Forty days pass; the feed is purged past the thirty-day horizon.
        catalog.execute("UPDATE sync_changes SET changed_at = changed_at - interval '40 days'");
        purge();

        UUID writtenAway = UUID.randomUUID();
        travelling.push(learner.note(writtenAway, 1, "written away", NOW, null));
        List<PullResponse> answers = travelling.pullAll();

        StreamPage first = answers.get(0).streams().stream().filter(page -> page.stream().equals(Streams.USER)).findFirst()
                .orElseThrow();
        assertThat(first.reset()).isTrue();
        assertThat(first.bootstrap()).isTrue();
        assertThat(travelling.rows("user_notes").keySet()).containsExactlyInAnyOrder(kept, addedAtHome, writtenAway);
        assertThat(travelling.rows("course_lessons")).hasSize(2);
    }

    @Test
    void aPurgeMovesTheHorizonAndKeepsRecentChanges() {
        Catalog.Course course = catalog.freeCourse(accounts.instructor("Other").user(), "recent", 1);
        Device device = new Device(accounts.learner("Recent"));
        device.push(new Learning(device.user(), course).enroll(NOW));
        device.pullAll();

        purge();
        PullResponse again = device.pullOnce(null);

        assertThat(again.streams()).as("a cursor newer than the horizon goes on as before").isEmpty();
    }

    private void purge() {
        Accounts.execute(database.owner(), "SELECT purge_sync_changes(interval '30 days')");
    }
}
