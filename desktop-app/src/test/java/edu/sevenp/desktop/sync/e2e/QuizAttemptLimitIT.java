package edu.sevenp.desktop.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.store.QuizSubmission;
import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.sync.SyncEntity;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, end-to-end scenario 11: offline attempts at a graded quiz from two devices, three in all where the quiz
 * allows two. The server takes them up to the limit in the order they arrive and numbers them itself; the one too
 * many comes back rejected {@code attempt_limit} with words the UI can show, and the devices renumber theirs as the
 * server decided.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuizAttemptLimitIT {

    private EndToEndServer server;

    @TempDir
    Path folders;

    @BeforeAll
    void start(TestDatabase database) {
        server = EndToEndServer.start(database);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void attemptsBeyondTheLimitComeBackRejectedAndTheAcceptedAreNumberedAsTheServerDecided() {
        Catalog.Course course = server.course(1);
        Accounts.SignedIn dan = server.learnerIn(course, "Dan");
        Ledger ledger = new Ledger();
        try (SyncedDevice laptop = SyncedDevice.open(folders.resolve("laptop"), Clock.systemUTC(), SyncedDevice.MANUAL, ledger);
                SyncedDevice phone = SyncedDevice.open(folders.resolve("phone"), Clock.systemUTC(), SyncedDevice.MANUAL, ledger)) {
            laptop.signIn(server.url(), dan.email(), Accounts.PASSWORD);
            phone.signIn(server.url(), dan.email(), Accounts.PASSWORD);
            laptop.syncOnce();
            phone.syncOnce();

            // Offline, each device allows the attempts it knows of: one on the laptop, two on the phone.
            UUID onLaptop = stored(laptop.attemptGradedQuiz(course, false, 50));
            UUID firstOnPhone = stored(phone.attemptGradedQuiz(course, true, 40));
            UUID secondOnPhone = stored(phone.attemptGradedQuiz(course, true, 30));
            laptop.syncOnce();
            phone.syncOnce();
            laptop.syncOnce();

            List<Outbox.Entry> rejected = phone.store().outbox().rejected();
            assertThat(rejected).extracting(Outbox.Entry::entity, Outbox.Entry::entityId,
                    entry -> entry.rejection().orElseThrow().code())
                    .containsExactly(tuple(SyncEntity.QUIZ_ATTEMPTS, secondOnPhone, "attempt_limit"));
            assertThat(rejected.get(0).rejection().orElseThrow().message()).contains("allows 2 attempt");
            assertThat(phone.sync().status().rejectedChanges()).isEqualTo(1);
            assertThat(laptop.store().outbox().rejected()).isEmpty();
            for (SyncedDevice device : List.of(laptop, phone)) {
                assertThat(device.store().quizzes().attempts(device.user(), new QuizId(course.gradedQuiz())))
                        .as(device.name()).extracting(attempt -> attempt.id().value(), QuizAttempt::attemptNumber)
                        .containsExactly(tuple(onLaptop, 1), tuple(firstOnPhone, 2));
            }
            assertThat(Outcome.of(LearnerRows.onServer(server.superuser(), dan.user()), course).attempts())
                    .containsExactly("#1 graded 0", "#2 graded 4");
            Convergence.assertConverged(server.superuser(), dan.user(), laptop, phone);
            Convergence.assertExactlyOnce(server.superuser(), dan.user(), ledger);
        }
    }

    private static UUID stored(QuizSubmission.Outcome outcome) {
        assertThat(outcome).isInstanceOf(QuizSubmission.Stored.class);
        return ((QuizSubmission.Stored) outcome).attempt().id().value();
    }
}
