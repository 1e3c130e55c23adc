package edu.sevenp.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.migrations.testing.PostgresTest;
import edu.sevenp.migrations.testing.TestDatabase;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.protocol.ChangeResult;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.rows.BookmarkRow;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import edu.sevenp.model.protocol.rows.LessonProgressRow;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.model.sync.EnrollmentChange;
import edu.sevenp.server.testing.Accounts;
import edu.sevenp.server.testing.Catalog;
import edu.sevenp.server.testing.Device;
import edu.sevenp.server.testing.Learning;
import edu.sevenp.server.testing.RunningServer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One test per merge rule and entity (docs/sync-protocol.md, section 8), with two devices of one learner, and
 * device clocks 48 hours ahead and behind: only the ordering of true conflicts may depend on time, and then on
 * server time.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MergeRulesIT {

    private static final long DAYS_TWO = Duration.ofHours(48).toMillis();

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

    /** Two devices of one learner, enrolled in a new course; the laptop's clock is off by {@code laptopOffset}. */
    private record Pair(Device laptop, Device phone, Learning learner, Catalog.Course course) {
    }

    private Pair pair(String name, long laptopOffset, long phoneOffset) {
        Catalog.Course course = catalog.freeCourse(instructor, name, 3);
        Accounts.SignedIn account = accounts.learner(name);
        Device laptop = new Device(account).withClockOffset(laptopOffset);
        Device phone = new Device(accounts.signIn(account.email(), UUID.randomUUID())).withClockOffset(phoneOffset);
        Learning learner = new Learning(account.user(), course);
        laptop.push(learner.enroll(deviceNow(laptopOffset)));
        return new Pair(laptop, phone, learner, course);
    }

    private static OffsetDateTime deviceNow(long offsetMillis) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusNanos(offsetMillis * 1_000_000);
    }

    @Test
    void anEditBasedOnTheCurrentVersionSimplyUpdatesTheNote() {
        Pair pair = pair("note-update", 0, 0);
        UUID note = UUID.randomUUID();
        NoteRow created = (NoteRow) pair.laptop().push(pair.learner().note(note, 0, "draft", deviceNow(0), null))
                .results().get(0).rows().get(0);

        PushResponse edit = pair.phone().push(pair.learner().note(note, 0, "final", deviceNow(0), created.version()));

        assertThat(edit.results().get(0).outcome()).isEqualTo("updated");
        assertThat(((NoteRow) edit.results().get(0).rows().get(0)).version()).isEqualTo(created.version() + 1);
        assertThat(notes(pair)).extracting(NoteRow::content).containsExactly("final");
    }

    @Test
    void aDevicesOwnQueuedEditsNeverConflictWithEachOther() {
        Pair pair = pair("own-edits", 0, 0);
        UUID note = UUID.randomUUID();

        PushResponse pushed = pair.laptop().push(pair.learner().note(note, 0, "one", deviceNow(0), null),
                pair.learner().note(note, 0, "two", deviceNow(0), null),
                pair.learner().note(note, 0, "three", deviceNow(0), null));

        assertThat(pushed.results()).extracting(ChangeResult::outcome).containsExactly("inserted", "updated", "updated");
        assertThat(notes(pair)).extracting(NoteRow::content).containsExactly("three");
    }

    @Test
    void aTrueConflictKeepsTheLaterEditAndSavesTheOtherTextAsAConflictCopy() {
        Pair pair = pair("note-conflict", 0, 0);
        UUID note = UUID.randomUUID();
        long base = ((NoteRow) pair.laptop().push(pair.learner().note(note, 0, "base", deviceNow(0), null))
                .results().get(0).rows().get(0)).version();
        OffsetDateTime earlier = deviceNow(0).minusMinutes(5);
        pair.phone().push(pair.learner().note(note, 0, "phone text, written later", deviceNow(0), base));

        PushResponse laptop = pair.laptop().push(pair.learner().note(note, 0, "laptop text, written earlier", earlier, base));

        assertThat(laptop.results().get(0).outcome()).isEqualTo("conflict_copy");
        List<NoteRow> notes = notes(pair);
        assertThat(notes).hasSize(2);
        NoteRow kept = notes.stream().filter(row -> row.id().equals(note)).findFirst().orElseThrow();
        NoteRow copy = notes.stream().filter(row -> !row.id().equals(note)).findFirst().orElseThrow();
        assertThat(kept.content()).isEqualTo("phone text, written later");
        assertThat(copy.content()).isEqualTo("laptop text, written earlier");
        assertThat(copy.conflictOf()).isEqualTo(note);
    }

    @Test
    void aLaterConflictingEditWinsAndTheStoredTextBecomesTheCopy() {
        Pair pair = pair("note-conflict-later", 0, 0);
        UUID note = UUID.randomUUID();
        long base = version(pair.laptop().push(pair.learner().note(note, 0, "base", deviceNow(0), null)));
        pair.phone().push(pair.learner().note(note, 0, "phone text, written earlier", deviceNow(0).minusMinutes(5), base));

        pair.laptop().push(pair.learner().note(note, 0, "laptop text, written later", deviceNow(0), base));

        assertThat(notes(pair)).extracting(NoteRow::content)
                .containsExactlyInAnyOrder("laptop text, written later", "phone text, written earlier");
        assertThat(notes(pair)).filteredOn(row -> row.id().equals(note)).extracting(NoteRow::content)
                .containsExactly("laptop text, written later");
    }

    @Test
    void clocksTwoDaysAheadAndBehindDoNotDecideAConflictOnlyServerTimeDoes() {
        // The laptop's clock runs 48 h ahead, the phone's 48 h behind. The phone edits after the laptop in real
        // time; by the device clocks the laptop's edit looks 96 hours later. Converted, the phone's is the later.
        Pair pair = pair("note-clocks", DAYS_TWO, -DAYS_TWO);
        UUID note = UUID.randomUUID();
        long base = version(pair.laptop().push(pair.learner().note(note, 0, "base", deviceNow(DAYS_TWO), null)));
        pair.laptop().push(pair.learner().note(note, 0, "laptop, first in real time", deviceNow(DAYS_TWO), base));
        sleepBriefly();

        pair.phone().push(pair.learner().note(note, 0, "phone, second in real time", deviceNow(-DAYS_TWO), base));

        assertThat(notes(pair)).filteredOn(row -> row.id().equals(note)).extracting(NoteRow::content)
                .containsExactly("phone, second in real time");
        assertThat(notes(pair)).filteredOn(row -> row.conflictOf() != null).extracting(NoteRow::content)
                .containsExactly("laptop, first in real time");
        NoteRow stored = notes(pair).stream().filter(row -> row.id().equals(note)).findFirst().orElseThrow();
        assertThat(stored.editedAt()).as("stored in server time, not the phone's").isCloseTo(OffsetDateTime.now(ZoneOffset.UTC),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));
    }

    @Test
    void theSameClocksSwappedGiveTheSameOutcome() {
        Pair pair = pair("note-clocks-swapped", -DAYS_TWO, DAYS_TWO);
        UUID note = UUID.randomUUID();
        long base = version(pair.laptop().push(pair.learner().note(note, 0, "base", deviceNow(-DAYS_TWO), null)));
        pair.laptop().push(pair.learner().note(note, 0, "laptop, first in real time", deviceNow(-DAYS_TWO), base));
        sleepBriefly();

        pair.phone().push(pair.learner().note(note, 0, "phone, second in real time", deviceNow(DAYS_TWO), base));

        assertThat(notes(pair)).filteredOn(row -> row.id().equals(note)).extracting(NoteRow::content)
                .containsExactly("phone, second in real time");
    }

    @Test
    void aConflictWithTheSameTextIsAMergeWithoutACopy() {
        Pair pair = pair("note-same-text", 0, 0);
        UUID note = UUID.randomUUID();
        long base = version(pair.laptop().push(pair.learner().note(note, 0, "base", deviceNow(0), null)));
        pair.phone().push(pair.learner().note(note, 0, "same words", deviceNow(0), base));

        PushResponse laptop = pair.laptop().push(pair.learner().note(note, 0, "same words", deviceNow(0), base));

        assertThat(laptop.results().get(0).outcome()).isEqualTo("merged");
        assertThat(notes(pair)).hasSize(1);
    }

    @Test
    void anEditOfANoteDeletedOnAnotherDeviceBringsItBack() {
        Pair pair = pair("note-deleted-elsewhere", 0, 0);
        UUID note = UUID.randomUUID();
        long base = version(pair.laptop().push(pair.learner().note(note, 0, "base", deviceNow(0), null)));
        pair.phone().push(pair.learner().deleteNote(note, deviceNow(0), base));

        PushResponse edit = pair.laptop().push(pair.learner().note(note, 0, "written offline", deviceNow(0), base));

        assertThat(edit.results().get(0).outcome()).isEqualTo("inserted");
        assertThat(notes(pair)).extracting(NoteRow::content).containsExactly("written offline");
    }

    @Test
    void aDeletionRemovesOnlyTheVersionItsDeviceSaw() {
        Pair pair = pair("note-stale-delete", 0, 0);
        UUID note = UUID.randomUUID();
        long base = version(pair.laptop().push(pair.learner().note(note, 0, "base", deviceNow(0), null)));
        pair.phone().push(pair.learner().note(note, 0, "edited on the phone", deviceNow(0), base));

        PushResponse stale = pair.laptop().push(pair.learner().deleteNote(note, deviceNow(0), base));
        assertThat(stale.results().get(0).outcome()).isEqualTo("kept_edited");
        assertThat(notes(pair)).extracting(NoteRow::content).containsExactly("edited on the phone");

        long current = notes(pair).get(0).version();
        PushResponse seen = pair.laptop().push(pair.learner().deleteNote(note, deviceNow(0), current));
        assertThat(seen.results().get(0).outcome()).isEqualTo("deleted");
        assertThat(notes(pair)).isEmpty();
        PushResponse again = pair.phone().push(pair.learner().deleteNote(note, deviceNow(0), current));
        assertThat(again.results().get(0).outcome()).isEqualTo("already_deleted");
    }

    @Test
    void bookmarksTakeTheLaterEditWithoutACopy() {
        Pair pair = pair("bookmark-conflict", DAYS_TWO, -DAYS_TWO);
        UUID bookmark = UUID.randomUUID();
        PushResponse created = pair.laptop().push(pair.learner().bookmark(bookmark, 1, "base", deviceNow(DAYS_TWO), null));
        long base = ((BookmarkRow) created.results().get(0).rows().get(0)).version();
        pair.laptop().push(pair.learner().bookmark(bookmark, 1, "laptop, first", deviceNow(DAYS_TWO), base));
        sleepBriefly();

        PushResponse later = pair.phone().push(pair.learner().bookmark(bookmark, 1, "phone, later", deviceNow(-DAYS_TWO), base));
        PushResponse stale = pair.laptop().push(pair.learner().bookmark(bookmark, 1, "laptop, stale and old",
                deviceNow(DAYS_TWO).minusHours(3), base));

        assertThat(later.results().get(0).outcome()).isEqualTo("updated");
        assertThat(stale.results().get(0).outcome()).isEqualTo("kept_newer");
        assertThat(pair.laptop().<BookmarkRow>row("user_bookmarks", bookmark).title()).isEqualTo("phone, later");
    }

    @Test
    void progressMergesMonotonicallyAndAddsTimeFromDeltas() {
        Pair pair = pair("progress", DAYS_TWO, -DAYS_TWO);
        OffsetDateTime laptopNow = deviceNow(DAYS_TWO);
        pair.laptop().push(pair.learner().studied(0, 60, 300, 120, laptopNow.minusMinutes(10)));
        pair.phone().push(pair.learner().completed(0, 30, deviceNow(-DAYS_TWO).minusMinutes(5)));
        // Older in server time than the completion, though the laptop's clock says two days later.
        PushResponse stale = pair.laptop().push(pair.learner().studied(0, 20, 40, 15, laptopNow.minusMinutes(8)));

        LessonProgressRow row = (LessonProgressRow) stale.results().get(0).rows().get(0);
        assertThat(row.status()).as("completed stays completed").isEqualTo("completed");
        assertThat(row.progressPercentage()).isEqualByComparingTo("100");
        assertThat(row.totalTimeSpent()).isEqualTo(120 + 30 + 15);
        assertThat(row.lastPosition()).as("the latest position in server time is the completion's").isZero();
        assertThat(row.completedAt()).isBefore(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(4));
    }

    @Test
    void aProgressAnswerCarriesTheEnrollmentTheRollUpWrote() {
        Pair pair = pair("progress-roll-up", DAYS_TWO, 0);
        PushResponse answer = pair.laptop().push(pair.learner().studied(0, 40, 90, 30, deviceNow(DAYS_TWO)));

        // The device rolls its enrollment up by its own clock; only the server's row makes both agree.
        EnrollmentRow enrollment = answer.results().get(0).rows().stream().filter(EnrollmentRow.class::isInstance)
                .map(EnrollmentRow.class::cast).findFirst().orElseThrow();
        pair.phone().pullAll();
        assertThat(enrollment).as("the row as a pull gives it").isEqualTo(pair.phone().<EnrollmentRow>row("enrollments",
                enrollment.id()));
        assertThat(enrollment.lastAccessedAt()).as("in server time").isBefore(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1));
    }

    @Test
    void twoDevicesProgressOnOneLessonIsOneRow() {
        Pair pair = pair("progress-two-ids", 0, 0);
        pair.laptop().push(pair.learner().studied(1, 30, 100, 40, deviceNow(0).minusMinutes(2)));
        PushResponse phone = pair.phone().push(pair.learner().studied(1, 50, 200, 60, deviceNow(0)));

        LessonProgressRow row = (LessonProgressRow) phone.results().get(0).rows().get(0);
        assertThat(phone.results().get(0).outcome()).isEqualTo("merged");
        assertThat(row.progressPercentage()).isEqualByComparingTo("50");
        assertThat(row.lastPosition()).isEqualTo(200);
        assertThat(row.totalTimeSpent()).isEqualTo(100);
    }

    @Test
    void enrollingInACourseTheServerDoesNotHaveIsNotFoundNotAMatterOfEntitlement() {
        Pair pair = pair("enrollment-unknown", 0, 0);
        UUID unknown = UUID.randomUUID();
        EnrollmentChange elsewhere = new EnrollmentChange(UUID.randomUUID(), new UserId(pair.phone().user()),
                new CourseId(unknown), EnrollmentStatus.ACTIVE, deviceNow(0), deviceNow(0));

        PushResponse answer = pair.phone().push(elsewhere);

        assertThat(answer.results().get(0).status()).isEqualTo(ChangeStatus.REJECTED);
        assertThat(answer.results().get(0).reason().code()).as("a player keeps such a change back").isEqualTo("not_found");
        assertThat(answer.results().get(0).reason().message()).contains(unknown.toString()).contains("not on this server");
    }

    @Test
    void theLaterEnrollmentStatusWinsAndACompletedEnrollmentStaysCompleted() {
        Pair pair = pair("enrollment", 0, 0);
        pair.phone().push(pair.learner().status(EnrollmentStatus.DROPPED, deviceNow(0)));
        PushResponse older = pair.laptop().push(pair.learner().status(EnrollmentStatus.ACTIVE, deviceNow(0).minusHours(1)));
        assertThat(older.results().get(0).outcome()).isEqualTo("kept_newer");
        assertThat(((EnrollmentRow) older.results().get(0).rows().get(0)).status()).isEqualTo("dropped");

        PushResponse rejoined = pair.laptop().push(pair.learner().status(EnrollmentStatus.ACTIVE, deviceNow(0).plusSeconds(1)));
        assertThat(((EnrollmentRow) rejoined.results().get(0).rows().get(0)).status()).isEqualTo("active");

        for (int lesson = 0; lesson < 3; lesson++) {
            pair.laptop().push(pair.learner().completed(lesson, 10, deviceNow(0)));
        }
        PushResponse drop = pair.phone().push(pair.learner().status(EnrollmentStatus.DROPPED, deviceNow(0).plusMinutes(1)));
        assertThat(drop.results().get(0).outcome()).isEqualTo("kept_newer");
        assertThat(((EnrollmentRow) drop.results().get(0).rows().get(0)).status()).isEqualTo("completed");
    }

    @Test
    void theLaterReviewWinsAndAReviewNeedsACompletion() {
        Pair pair = pair("review", 0, 0);
        PushResponse early = pair.laptop().push(pair.learner().review(5, "too early", deviceNow(0)));
        assertThat(early.results().get(0).status()).isEqualTo(ChangeStatus.REJECTED);
        assertThat(early.results().get(0).reason().code()).isEqualTo("completion_missing");

        for (int lesson = 0; lesson < 3; lesson++) {
            pair.laptop().push(pair.learner().completed(lesson, 10, deviceNow(0)));
        }
        pair.phone().push(pair.learner().review(4, "good", deviceNow(0)));
        PushResponse older = pair.laptop().push(pair.learner().review(2, "older opinion", deviceNow(0).minusHours(1)));

        assertThat(older.results().get(0).outcome()).isEqualTo("kept_newer");
        assertThat(older.results().get(0).rows().get(0)).extracting("rating", "review").containsExactly(4, "good");
    }

    private List<NoteRow> notes(Pair pair) {
        pair.laptop().pullAll();
        return pair.laptop().rows("user_notes").values().stream().map(NoteRow.class::cast).toList();
    }

    private static long version(PushResponse response) {
        return ((NoteRow) response.results().get(0).rows().get(0)).version();
    }

    /** Server times must differ between two edits (a few milliseconds is plenty; now() has microseconds). */
    private static void sleepBriefly() {
        long until = System.nanoTime() + 20_000_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
