package edu.sevenp.server.sync;

import static edu.sevenp.server.sync.PushPullIT.enroll;
import static edu.sevenp.server.sync.PushPullIT.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.migrations.testing.PostgresCluster;
import edu.sevenp.migrations.testing.SharedPostgres;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.server.ReplicaConfig;
import edu.sevenp.server.db.DatabaseStartupException;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.HotStandby;
import edu.sevenp.server.testing.RunningServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Pulls and catalog reads from a streaming read replica (docs/operations.md, "Scale-out"): a real primary and a real
 * hot standby on loopback. The replica serves what it has caught up with, never a read it is behind for, and a
 * replica that is down leaves the reads to the primary. Row-level security binds the request role there too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class ReadReplicaIT {

    private SharedPostgres postgres;
    private TestDatabase database;
    private HotStandby standby;
    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private UUID instructor;

    @BeforeAll
    void start() {
        postgres = SharedPostgres.on(PostgresCluster.startEmbedded(HotStandby.PRIMARY_SETTINGS));
        database = postgres.newDatabase();
        standby = HotStandby.of(postgres.cluster());
        server = RunningServer.withReplica(database, standby);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
        instructor = accounts.instructor("Teacher").user();
    }

    @AfterAll
    void stop() {
        try {
            server.close();
        } finally {
            try {
                standby.close();
            } finally {
                postgres.close();
            }
        }
    }

    @Test
    @Order(1)
    void pullsAndCatalogReadsAreServedByTheReplica() {
        Catalog.Course course = catalog.freeCourse(instructor, "replica-reads", 2);
        Device laptop = new Device(accounts.learner("Ana"));
        UUID note = UUID.randomUUID();
        laptop.push(enroll(laptop, course), note(laptop, course, note, "read from the standby", null));
        long before = reads("replica");

        laptop.pullAll();
        ApiClient.Response page = server.client().get("/api/v1/catalog");

        assertThat(laptop.<NoteRow>row("user_notes", note).content()).isEqualTo("read from the standby");
        assertThat(laptop.rows("course_lessons")).hasSize(2);
        assertThat(page.status()).isEqualTo(200);
        assertThat(reads("replica") - before).as("pulls and the catalog page read from the replica")
                .isGreaterThanOrEqualTo(laptop.pulls() + 1);
    }

    @Test
    @Order(2)
    void rowLevelSecurityBindsTheRequestRoleOnTheReplica() throws SQLException, InterruptedException {
        Catalog.Course course = catalog.freeCourse(instructor, "replica-rls", 1);
        Device ana = new Device(accounts.learner("Ana"));
        Device bo = new Device(accounts.learner("Bo"));
        UUID note = UUID.randomUUID();
        ana.push(enroll(ana, course), note(ana, course, note, "Ana's own", null));
        bo.push(enroll(bo, course));

        bo.pullAll();
        standby.awaitCaughtUp(Duration.ofSeconds(10));

        assertThat(bo.rows("user_notes")).isEmpty();
        assertThat(notesVisibleOnReplica(ana.user(), note)).isEqualTo(1);
        assertThat(notesVisibleOnReplica(bo.user(), note)).as("another learner's note through the replica").isZero();
    }

    @Test
    @Order(3)
    void aReplicaBehindThePrimaryIsNotReadFromUntilItCatchesUp() {
        Catalog.Course course = catalog.freeCourse(instructor, "replica-behind", 1);
        Device laptop = new Device(accounts.learner("Cy"));
        laptop.push(enroll(laptop, course));
        laptop.pullAll();
        standby.pauseReplay();
        UUID note = UUID.randomUUID();
        long behindBefore = reads("primaryReplicaBehind");
        long replicaBefore;
        try {
            laptop.push(note(laptop, course, note, "written while the standby is paused", null));

            laptop.pullAll();

            assertThat(laptop.<NoteRow>row("user_notes", note).content())
                    .as("the pull right after the push sees it").isEqualTo("written while the standby is paused");
            assertThat(reads("primaryReplicaBehind") - behindBefore).isGreaterThanOrEqualTo(1);
            replicaBefore = reads("replica");
        } finally {
            standby.resumeReplay();
        }

        laptop.pullAll();

        assertThat(reads("replica") - replicaBefore).as("read from the replica once it has caught up").isPositive();
    }

    @Test
    @Order(4)
    void aServerThatIsNoStandbyIsRefusedAsTheReplica() {
        ReplicaConfig primaryAsReplica = new ReplicaConfig(database.jdbcUrl(), PostgresCluster.REQUEST_ROLE,
                database.cluster().rolePassword());

        assertThatThrownBy(() -> RunningServer.withReplica(database, primaryAsReplica).close())
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageContaining("is not a hot standby (pg_is_in_recovery() is false)");
    }

    @Test
    @Order(5)
    void aReplicaThatIsDownLeavesTheReadsToThePrimary() {
        Catalog.Course course = catalog.freeCourse(instructor, "replica-down", 1);
        Device laptop = new Device(accounts.learner("Dee"));
        UUID note = UUID.randomUUID();
        laptop.push(enroll(laptop, course), note(laptop, course, note, "the standby is gone", null));
        long downBefore = reads("primaryReplicaDown");

        standby.stop();
        laptop.pullAll();
        laptop.pullAll();

        assertThat(laptop.<NoteRow>row("user_notes", note).content()).isEqualTo("the standby is gone");
        assertThat(reads("primaryReplicaDown") - downBefore).isGreaterThanOrEqualTo(2);
        assertThat(server.client().get("/health").status()).as("the primary alone keeps the server healthy").isEqualTo(200);
    }

    private long reads(String where) {
        JsonNode health = server.client().get("/health").json();
        return health.path("reads").path(where).asLong(-1);
    }

    /** The learner's notes with this id the request role sees on the replica, acting as {@code user}. */
    private int notesVisibleOnReplica(UUID user, UUID note) throws SQLException {
        try (Connection connection = standby.request(database.name()).getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement act = connection.prepareStatement("SELECT set_config('app.user_id', ?, true)")) {
                act.setString(1, user.toString());
                act.execute();
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM user_notes WHERE id = ?")) {
                query.setObject(1, note);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            } finally {
                connection.rollback();
            }
        }
    }
}
