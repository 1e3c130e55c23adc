package edu.sevenp.desktop.sync.e2e;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.ProgressEntry;
import edu.sevenp.desktop.store.QuizSubmission;
import edu.sevenp.desktop.sync.CredentialFile;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.desktop.sync.client.HttpSyncApi;
import edu.sevenp.desktop.sync.media.MediaDownloader;
import edu.sevenp.model.BookmarkId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Bookmark;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.server.testing.Catalog;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One learner's device for end-to-end tests: its own H2 file and a real sync engine over HTTP. Its learning actions
 * go through the store's repositories, as the player's services do, with times from the device's clock, and are
 * recorded in the test's {@link Ledger} for the exactly-once check.
 */
final class SyncedDevice implements AutoCloseable {

    /** No timer, no push channel and no automatic retries within a test: the test says when to sync. */
    static final SyncService.Schedule MANUAL = new SyncService.Schedule(Duration.ofDays(1), Duration.ofDays(1),
            Duration.ofDays(1), Duration.ofDays(1), false);

    /** The engine on its own: a sync soon after start, and after a failure again from 200 ms, at most every 2 s. */
    static final SyncService.Schedule RETRYING = new SyncService.Schedule(Duration.ofMillis(100), Duration.ofDays(1),
            Duration.ofMillis(200), Duration.ofSeconds(2), false);

    private final Path folder;
    private final Clock clock;
    private final Ledger ledger;
    private final LocalStore store;
    private final SyncService sync;
    /** Every status the engine reported, in order. */
    private final List<SyncStatus> history = new CopyOnWriteArrayList<>();

    private SyncedDevice(Path folder, Clock clock, SyncService.Schedule schedule, Ledger ledger) {
        this.folder = folder;
        this.clock = clock;
        this.ledger = ledger;
        this.store = LocalStore.openFile(folder, "default", clock);
        this.sync = new SyncService(store, new CredentialFile(folder.resolve(CredentialFile.NAME)),
                (server, device, credentials) -> new HttpSyncApi(server, device, credentials, clock),
                new Installation("E2E " + folder.getFileName(), "Linux", "test"), MediaDownloader.forStore(store), schedule,
                clock, new SplittableRandom(folder.hashCode()));
        sync.addListener(history::add);
    }

    static SyncedDevice open(Path folder) {
        return new SyncedDevice(folder, Clock.systemUTC(), MANUAL, new Ledger());
    }

    static SyncedDevice open(Path folder, Clock clock) {
        return new SyncedDevice(folder, clock, MANUAL, new Ledger());
    }

    static SyncedDevice open(Path folder, Clock clock, SyncService.Schedule schedule, Ledger ledger) {
        return new SyncedDevice(folder, clock, schedule, ledger);
    }

    LocalStore store() {
        return store;
    }

    SyncService sync() {
        return sync;
    }

    Path folder() {
        return folder;
    }

    String name() {
        return folder.getFileName().toString();
    }

    UserId user() {
        return store.identity().userId();
    }

    /** Now on the device's clock. */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    void signIn(String serverUrl, String email, String password) {
        sync.signIn(URI.create(serverUrl), email, password.toCharArray());
    }

    /** One full sync, waited for; its failure is thrown as it came. */
    SyncSummary syncOnce() {
        try {
            return sync.syncNow().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("a sync took more than a minute", e);
        }
    }

    /**
     * Waits, without asking for another sync, until the engine has ended well a run that began after {@code request}
     * was made (a {@link SyncService#syncNow()}): that run itself, or when it failed, the engine's own retry after it.
     *
     * @return the status then, with nothing left to send
     * @throws AssertionError with the last status when that does not happen within {@code timeout}
     */
    SyncStatus awaitDrained(CompletableFuture<SyncSummary> request, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Instant since = Instant.MIN;
        try {
            request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            // The engine retries by itself, at the time it planned when the run failed: wait for a run from then on.
            // (The retry may even have ended well before this thread woke up.)
            since = history.stream().filter(status -> status.activity() == SyncStatus.Activity.WAITING_TO_RETRY)
                    .reduce((first, second) -> second).map(SyncStatus::nextAttempt).orElse(Instant.MIN);
        } catch (TimeoutException e) {
            throw new AssertionError(name() + ": the requested sync did not end within " + timeout + "; status: "
                    + sync.status());
        }
        SyncStatus status = sync.status();
        while (System.nanoTime() < deadline) {
            status = sync.status();
            if (status.activity() == SyncStatus.Activity.IDLE && status.lastSuccess() != null
                    && !status.lastSuccess().isBefore(since) && status.pendingChanges() == 0 && status.lastError() == null) {
                return status;
            }
            Thread.sleep(25);
        }
        throw new AssertionError(name() + " did not drain within " + timeout + " (waiting for a run from " + since
                + "); its status: " + status + "; changes still queued: " + store.outbox().pendingCount());
    }

    Note writeNote(UUID lesson, String text) {
        Note note = store.notes().create(user(), new LessonId(lesson), text, null, now()).orElseThrow();
        ledger.wrote(note.id().value(), text);
        return note;
    }

    void editNote(UUID note, String text, OffsetDateTime at) {
        store.notes().edit(user(), new NoteId(note), text, null, at).orElseThrow();
        ledger.wrote(note, text);
    }

    void deleteNote(UUID note) {
        if (!store.notes().delete(user(), new NoteId(note), now())) {
            throw new IllegalStateException(name() + " has no note " + note);
        }
        ledger.deleted(note);
    }

    Bookmark bookmark(UUID lesson, String title) {
        return store.bookmarks().add(user(), new LessonId(lesson), title, null, null, now()).orElseThrow();
    }

    void retitleBookmark(UUID bookmark, String title, OffsetDateTime at) {
        store.bookmarks().edit(user(), new BookmarkId(bookmark), title, null, null, at).orElseThrow();
    }

    /** Time in a lesson at {@code at} (device clock), seen to {@code percentage} at {@code position} seconds. */
    void study(UUID lesson, int seconds, int percentage, int position, OffsetDateTime at) {
        store.progress().record(user(), new LessonId(lesson),
                ProgressEntry.visit(at, position, BigDecimal.valueOf(percentage), seconds)).orElseThrow();
        ledger.spent(lesson, seconds);
    }

    void study(UUID lesson, int seconds, int percentage) {
        study(lesson, seconds, percentage, seconds, now());
    }

    void complete(UUID lesson, int seconds) {
        store.progress().record(user(), new LessonId(lesson), ProgressEntry.completion(now(), seconds)).orElseThrow();
        ledger.spent(lesson, seconds);
    }

    /** An attempt at the course's graded quiz, begun {@code minutesAgo} minutes ago and taking one minute. */
    QuizSubmission.Outcome attemptGradedQuiz(Catalog.Course course, boolean right, int minutesAgo) {
        UUID id = UUID.randomUUID();
        OffsetDateTime startedAt = now().minusMinutes(minutesAgo);
        Map<QuestionId, Answer> answers = Map.of(
                new QuestionId(course.gradedQuestions().get(0)), Answer.choice(right ? "LEFT" : "INNER"),
                new QuestionId(course.gradedQuestions().get(1)), Answer.trueFalse(!right),
                new QuestionId(course.gradedQuestions().get(2)), Answer.text(right ? "cross join" : "inner join"));
        QuizSubmission.Outcome outcome = store.quizzes().submit(user(), new QuizSubmission(new QuizAttemptId(id),
                new QuizId(course.gradedQuiz()), startedAt, startedAt.plusMinutes(1), answers, null));
        if (outcome instanceof QuizSubmission.Stored) {
            ledger.attempted(id);
        }
        return outcome;
    }

    @Override
    public void close() {
        sync.close();
        store.close();
    }
}
