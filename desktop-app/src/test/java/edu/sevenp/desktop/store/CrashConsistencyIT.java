package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.LESSON_PROGRESS;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.ChildJvm;
import edu.sevenp.desktop.store.CommittedChange.NoteDeleted;
import edu.sevenp.desktop.store.CommittedChange.NoteSaved;
import edu.sevenp.desktop.store.CommittedChange.ProgressRecorded;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.learning.ProgressStatus;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.LessonProgressChange;
import edu.sevenp.model.sync.NoteChange;
import edu.sevenp.model.sync.SyncEntity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test: a separate JVM writes notes and progress in a loop and is killed with SIGKILL;
 * the reopened store is consistent and holds every change whose transaction committed, with its outbox
 * entry. Three rounds on one profile, killed after different numbers of changes.
 *
 * <p>The writer reports a change only after its commit, so the store may hold one change more than was
 * reported (committed, killed before it printed), never fewer; that one must be whole as well.
 */
class CrashConsistencyIT {

    /** Changes to see reported before each kill: different places in the writer's six-step cycle. */
    private static final int[] KILL_AFTER = {157, 401, 263};
    private static final Duration CHILD_START = Duration.ofSeconds(60);
    private static final Duration BETWEEN_LINES = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = JsonMapperFactory.create();

    @TempDir
    Path temp;

    /** What a lesson's progress row must hold, given the changes of its outbox entries. */
    private record LessonState(ProgressStatus status, BigDecimal percentage, int totalTimeSpent) {
    }

    @Test
    void everyCommittedChangeSurvivesAKillWithItsOutboxEntry() throws Exception {
        Path profile = temp.resolve("profile");
        List<LessonId> lessons;
        try (LocalStore store = LocalStore.openFile(profile, "default")) {
            lessons = new StoreFixture(store).course("Crash course", 2, 3).lessons();
        }
        List<CommittedChange> reportedSoFar = new ArrayList<>();
        int entriesBefore = 0;
        for (int round = 1; round <= KILL_AFTER.length; round++) {
            List<CommittedChange> reported = writeUntilKilled(profile, round, lessons, KILL_AFTER[round - 1]);
            assertThat(reported).as("changes reported in round %d", round).hasSizeGreaterThanOrEqualTo(KILL_AFTER[round - 1]);
            reportedSoFar.addAll(reported);

            try (LocalStore store = LocalStore.openFile(profile, "default")) {
                List<Outbox.Entry> outbox = new StoreFixture(store).outbox();
                // In sequence order, the entries are the changes in the order they committed.
                List<CommittedChange> queued = outbox.stream().map(CrashConsistencyIT::carried).toList();
                assertThat(queued).as("queued changes after round %d", round).startsWith(reportedSoFar.toArray(CommittedChange[]::new));
                assertThat(queued.size() - reportedSoFar.size()).as("changes committed but not reported").isBetween(0, 1);
                // Within a run no write rolled back, so its numbers have no gaps. Across a kill they may jump
                // forward (H2 reserves identity values in blocks); the sync protocol allows gaps, never reuse.
                List<Long> numbers = outbox.subList(entriesBefore, outbox.size()).stream().map(Outbox.Entry::seq).toList();
                assertThat(numbers).as("sequence numbers of round %d", round)
                        .containsExactlyElementsOf(LongStream.range(numbers.get(0), numbers.get(0) + numbers.size()).boxed().toList());
                entriesBefore = outbox.size();
                // The one unreported change (if any) is part of the history from now on.
                reportedSoFar.clear();
                reportedSoFar.addAll(queued);

                assertThat(notes(store)).isEqualTo(notesAfter(queued));
                assertThat(progress(store)).isEqualTo(progressAfter(queued));
                assertThat(rowIds(store)).containsAll(upsertedAndNotDeleted(outbox));
            }
        }
    }

    /** Runs one writer until it has reported {@code changes} changes, kills it, and returns every change it reported. */
    private static List<CommittedChange> writeUntilKilled(Path profile, int round, List<LessonId> lessons, int changes)
            throws Exception {
        String[] arguments = Stream.concat(Stream.of(profile.toString(), Integer.toString(round)),
                lessons.stream().map(lesson -> lesson.value().toString())).toArray(String[]::new);
        List<CommittedChange> reported = new ArrayList<>();
        List<String> otherOutput = new ArrayList<>();
        try (ChildJvm writer = ChildJvm.start(CrashingWriter.class, arguments)) {
            writer.awaitLine("READY", CHILD_START);
            while (reported.size() < changes) {
                Optional<String> line = writer.nextLine(BETWEEN_LINES);
                if (line.isEmpty()) {
                    fail("the writer stopped after %d changes; its other output: %s", reported.size(), otherOutput);
                }
                collect(line.get(), reported, otherOutput);
            }
            writer.killHard();
            // Lines already printed before the kill still report committed changes.
            for (Optional<String> line = writer.nextLine(BETWEEN_LINES); line.isPresent(); line = writer.nextLine(BETWEEN_LINES)) {
                collect(line.get(), reported, otherOutput);
            }
        }
        return reported;
    }

    private static void collect(String line, List<CommittedChange> reported, List<String> otherOutput) {
        CommittedChange.parse(line).ifPresentOrElse(reported::add, () -> otherOutput.add(line));
    }

    /** The change an outbox entry carries, in the writer's terms. */
    private static CommittedChange carried(Outbox.Entry entry) {
        try {
            if (entry.entity() == SyncEntity.USER_NOTES) {
                if (entry.operation() == ChangeOperation.DELETE) {
                    return new NoteDeleted(entry.entityId());
                }
                return new NoteSaved(entry.entityId(), JSON.readValue(entry.payload(), NoteChange.class).content());
            }
            LessonProgressChange change = JSON.readValue(entry.payload(), LessonProgressChange.class);
            assertThat(change.id()).isEqualTo(entry.entityId());
            return new ProgressRecorded(change.lessonId().value(), change.status(), change.progressPercentage(),
                    change.timeSpentDelta());
        } catch (JsonProcessingException e) {
            throw new AssertionError("outbox entry " + entry.seq() + " holds unreadable JSON: " + entry.payload(), e);
        }
    }

    private static Map<UUID, String> notesAfter(List<CommittedChange> changes) {
        Map<UUID, String> notes = new HashMap<>();
        for (CommittedChange change : changes) {
            if (change instanceof NoteSaved saved) {
                notes.put(saved.note(), saved.content());
            } else if (change instanceof NoteDeleted deleted) {
                notes.remove(deleted.note());
            }
        }
        return notes;
    }

    private static Map<UUID, LessonState> progressAfter(List<CommittedChange> changes) {
        Map<UUID, LessonState> lessons = new HashMap<>();
        for (CommittedChange change : changes) {
            if (change instanceof ProgressRecorded recorded) {
                int before = lessons.containsKey(recorded.lesson()) ? lessons.get(recorded.lesson()).totalTimeSpent() : 0;
                lessons.put(recorded.lesson(), new LessonState(recorded.status(), recorded.percentage(),
                        before + recorded.secondsSpent()));
            }
        }
        return lessons;
    }

    private static Map<UUID, String> notes(LocalStore store) {
        return StoreAccess.dsl(store).select(USER_NOTES.ID, USER_NOTES.CONTENT).from(USER_NOTES)
                .fetchMap(USER_NOTES.ID, USER_NOTES.CONTENT);
    }

    private static Map<UUID, LessonState> progress(LocalStore store) {
        Map<UUID, LessonState> lessons = new HashMap<>();
        StoreAccess.dsl(store).select(LESSON_PROGRESS.LESSON_ID, LESSON_PROGRESS.STATUS,
                        LESSON_PROGRESS.PROGRESS_PERCENTAGE, LESSON_PROGRESS.TOTAL_TIME_SPENT)
                .from(LESSON_PROGRESS)
                .forEach(row -> lessons.put(row.value1(), new LessonState(ProgressStatus.fromCode(row.value2()),
                        row.value3().setScale(2), row.value4())));
        return lessons;
    }

    /** The ids of every note and progress row in the store. */
    private static Set<UUID> rowIds(LocalStore store) {
        Set<UUID> ids = new HashSet<>(StoreAccess.dsl(store).select(USER_NOTES.ID).from(USER_NOTES).fetch(USER_NOTES.ID));
        ids.addAll(StoreAccess.dsl(store).select(LESSON_PROGRESS.ID).from(LESSON_PROGRESS).fetch(LESSON_PROGRESS.ID));
        return ids;
    }

    /** Rows that upsert entries name, less those a later entry deleted: each must exist. */
    private static Set<UUID> upsertedAndNotDeleted(List<Outbox.Entry> outbox) {
        Set<UUID> ids = new HashSet<>();
        for (Outbox.Entry entry : outbox) {
            if (entry.operation() == ChangeOperation.DELETE) {
                ids.remove(entry.entityId());
            } else {
                ids.add(entry.entityId());
            }
        }
        return ids;
    }
}
