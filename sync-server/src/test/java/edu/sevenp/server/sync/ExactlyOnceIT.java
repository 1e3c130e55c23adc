package edu.sevenp.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.protocol.ChangeResult;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.PushedChange;
import edu.sevenp.model.sync.LearnerChange;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.ApiClient;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Changes;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.LearnerState;
import edu.sevenp.server.testing.Learning;
import edu.sevenp.server.testing.RunningServer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exactly once (docs/sync-protocol.md, section 7): a batch sent three times, shuffled and with gaps in its
 * sequence numbers, leaves the state of one in-order delivery; time spent is never doubled.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactlyOnceIT {

    private static final OffsetDateTime T0 = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3);

    private RunningServer server;
    private Accounts accounts;
    private Catalog catalog;
    private UUID instructor;

    @BeforeAll
    void start(TestDatabase database) {
        server = RunningServer.start(database);
        accounts = new Accounts(server);
        catalog = new Catalog(database.superuser());
        instructor = accounts.instructor("Teacher").user();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aBatchSentThreeTimesShuffledWithGapsEndsAsOneInOrderDelivery() {
        Catalog.Course course = catalog.freeCourse(instructor, "exactly-once", 4);
        Device once = new Device(accounts.learner("Once"));
        Device thrice = new Device(accounts.learner("Thrice"));

        List<PushedChange> inOrder = withGaps(session(once.user(), course));
        once.pushRaw(inOrder);
        List<PushedChange> replayed = withGaps(session(thrice.user(), course));
        Random random = new Random(42);
        for (int delivery = 0; delivery < 3; delivery++) {
            List<PushedChange> shuffled = new ArrayList<>(replayed);
            Collections.shuffle(shuffled, random);
            thrice.pushRaw(shuffled);
        }

        LearnerState expected = LearnerState.of(server.database().superuser(), once.user(), course);
        assertThat(LearnerState.of(server.database().superuser(), thrice.user(), course)).isEqualTo(expected);
        assertThat(expected.progress()).anySatisfy(row -> assertThat(row).startsWith("1 completed 100.00 150 "));
    }

    @Test
    void aRetryAfterALostAnswerIsAnsweredAsDuplicatesAndChangesNothing() {
        Catalog.Course course = catalog.freeCourse(instructor, "retry", 4);
        Device laptop = new Device(accounts.learner("Retry"));
        List<PushedChange> batch = withGaps(session(laptop.user(), course));
        PushResponse first = laptop.pushRaw(batch);
        LearnerState after = LearnerState.of(server.database().superuser(), laptop.user(), course);

        PushResponse retry = laptop.pushRaw(batch);

        assertThat(first.results()).extracting(ChangeResult::status).containsOnly(ChangeStatus.APPLIED);
        assertThat(retry.results()).extracting(ChangeResult::status).containsOnly(ChangeStatus.DUPLICATE);
        assertThat(retry.lastAppliedSeq()).isEqualTo(first.lastAppliedSeq());
        assertThat(LearnerState.of(server.database().superuser(), laptop.user(), course)).isEqualTo(after);
    }

    @Test
    void aLaterBatchWithGapsIsAppliedAndAnOlderNumberIsNot() {
        Catalog.Course course = catalog.freeCourse(instructor, "gaps", 2);
        Device laptop = new Device(accounts.learner("Gaps"));
        Learning learner = new Learning(laptop.user(), course);
        laptop.pushRaw(List.of(Changes.change(10, learner.enroll(T0))));

        PushResponse later = laptop.pushRaw(List.of(Changes.change(25, learner.studied(0, 10, 5, 60, T0.plusMinutes(1)))));
        PushResponse older = laptop.pushRaw(List.of(Changes.change(11, learner.studied(0, 20, 9, 60, T0.plusMinutes(2)))));

        assertThat(later.results().get(0).status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(older.results().get(0).status()).isEqualTo(ChangeStatus.DUPLICATE);
        assertThat(older.lastAppliedSeq()).isEqualTo(25);
        assertThat(LearnerState.of(server.database().superuser(), laptop.user(), course).progress())
                .containsExactly("1 in_progress 10.00 60 5");
    }

    @Test
    void theLastAnsweredNumberReusedForAnotherChangeIsRefusedWhole() {
        Catalog.Course course = catalog.freeCourse(instructor, "reused", 2);
        Device laptop = new Device(accounts.learner("Reused"));
        Learning learner = new Learning(laptop.user(), course);
        laptop.pushRaw(List.of(Changes.change(1, learner.enroll(T0)),
                Changes.change(2, learner.studied(0, 10, 5, 60, T0.plusMinutes(1)))));
        LearnerState before = LearnerState.of(server.database().superuser(), laptop.user(), course);

        // A backup of the folder from before seq 2, restored in place, issues 2 and 3 for new changes.
        ApiClient.Response reused = laptop.pushResponse(List.of(
                Changes.change(2, learner.studied(1, 30, 7, 120, T0.plusMinutes(5))),
                Changes.change(3, learner.studied(1, 40, 9, 30, T0.plusMinutes(6)))));

        assertThat(reused.status()).as(reused.toString()).isEqualTo(409);
        assertThat(reused.error()).isEqualTo("sequence_reused");
        assertThat(LearnerState.of(server.database().superuser(), laptop.user(), course)).as("nothing applied").isEqualTo(before);
    }

    @Test
    void aRetryOfTheLastAnsweredChangeIsStillADuplicate() {
        Catalog.Course course = catalog.freeCourse(instructor, "retry-last", 2);
        Device laptop = new Device(accounts.learner("RetryLast"));
        Learning learner = new Learning(laptop.user(), course);
        List<PushedChange> batch = List.of(Changes.change(1, learner.enroll(T0)),
                Changes.change(2, learner.studied(0, 10, 5, 60, T0.plusMinutes(1))));
        laptop.pushRaw(batch);

        PushResponse retry = laptop.pushRaw(List.of(batch.get(1), Changes.change(3, learner.studied(1, 10, 5, 60,
                T0.plusMinutes(2)))));

        assertThat(retry.results()).extracting(ChangeResult::status).containsExactly(ChangeStatus.DUPLICATE,
                ChangeStatus.APPLIED);
    }

    /** What a learner did offline: enrolled, studied and finished a lesson, wrote, bookmarked, and changed their mind. */
    private static List<LearnerChange> session(UUID user, Catalog.Course course) {
        Learning learner = new Learning(user, course);
        UUID note = UUID.randomUUID();
        UUID bookmark = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        return List.of(
                learner.enroll(T0),
                learner.studied(0, 40, 120, 50, T0.plusMinutes(1)),
                learner.studied(0, 80, 240, 60, T0.plusMinutes(2)),
                learner.completed(0, 40, T0.plusMinutes(3)),
                learner.studied(1, 10, 30, 25, T0.plusMinutes(4)),
                learner.note(note, 0, "first draft", T0.plusMinutes(5), null),
                learner.note(note, 0, "final text", T0.plusMinutes(6), null),
                learner.bookmark(bookmark, 1, "Key idea", T0.plusMinutes(7), null),
                learner.bookmark(dropped, 2, "Not so key", T0.plusMinutes(8), null),
                learner.deleteBookmark(dropped, T0.plusMinutes(9), null));
    }

    /** Sequence numbers 3, 5, 8, 12, ...: a device's numbers may jump. */
    private static List<PushedChange> withGaps(List<LearnerChange> changes) {
        List<PushedChange> numbered = new ArrayList<>();
        long seq = 1;
        for (int i = 0; i < changes.size(); i++) {
            seq += i + 2;
            numbered.add(Changes.change(seq, changes.get(i)));
        }
        return numbered;
    }
}
