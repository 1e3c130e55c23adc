package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_CATEGORIES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.LESSON_PROGRESS;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_ATTEMPTS;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;
import static edu.sevenp.desktop.testing.WireRows.answer;
import static edu.sevenp.desktop.testing.WireRows.page;
import static edu.sevenp.desktop.testing.WireRows.upserts;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.testing.WireRows;
import edu.sevenp.desktop.testing.WireRows.Course;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.protocol.ChangeResult;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PulledChange;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.Rejection;
import edu.sevenp.model.protocol.StreamPage;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.protocol.rows.CategoryRow;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.model.protocol.rows.SyncRow;
import edu.sevenp.model.sync.SyncEntity;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store's side of sync: pulled answers applied with their cursors, push answers recorded. */
class SyncRepositoryTest {

    private static final OffsetDateTime LATER = OffsetDateTime.parse("2026-12-02T09:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("sync-" + UUID.randomUUID());
    private final SyncRepository sync = store.sync();
    private final DSLContext dsl = store.dsl();
    private final UserId learner = store.identity().userId();
    private final Course course = WireRows.course(3);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCourseStreamIsStoredWithItsCursor() {
        SyncRepository.PullApplied applied = sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));

        assertThat(applied.written()).isEqualTo(course.rows().size());
        assertThat(dsl.fetchCount(COURSE_LESSONS, COURSE_LESSONS.COURSE_ID.eq(course.id()))).isEqualTo(3);
        assertThat(dsl.select(COURSES.TITLE).from(COURSES).where(COURSES.ID.eq(course.id())).fetchOne(COURSES.TITLE))
                .isEqualTo("Course " + course.id());
        assertThat(sync.cursors()).isEqualTo(Map.of(course.stream(), "10.1"));
        assertThat(sync.syncedCourses()).containsExactly(course.id());
    }

    @Test
    void aPulledRowReplacesTheStoredOneWhole() {
        sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));

        sync.applyPull(answer(page(course.stream(), "11.1", upserts(WireRows.lesson(course, 1, "Renamed")))));

        assertThat(dsl.select(COURSE_LESSONS.TITLE).from(COURSE_LESSONS).where(COURSE_LESSONS.ID.eq(course.lessons().get(1)))
                .fetchOne(COURSE_LESSONS.TITLE)).isEqualTo("Renamed");
        assertThat(sync.cursors()).containsEntry(course.stream(), "11.1");
    }

    @Test
    void aRowWithAQueuedChangeIsNotOverwrittenUntilThePushIsAnswered() {
        sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));
        Note mine = store.notes().create(learner, lesson(0), "my text", null, LATER).orElseThrow();

        SyncRepository.PullApplied applied = sync.applyPull(answer(page(Streams.USER, "12.1",
                upserts(WireRows.note(mine.id().value(), learner.value(), course, 0, "server text", 3)))));

        assertThat(applied.skippedPending()).isEqualTo(1);
        assertThat(noteText(mine.id().value())).isEqualTo("my text");

        List<Outbox.Entry> sent = store.outbox().pending(10);
        sync.recordPushAnswer(sent, new PushResponse(LATER, sent.get(0).seq(), List.of(new ChangeResult(sent.get(0).seq(),
                ChangeStatus.APPLIED, "updated", List.of(WireRows.note(mine.id().value(), learner.value(), course, 0,
                "my text", 4)), null))));

        assertThat(store.outbox().pendingCount()).isZero();
        assertThat(dsl.select(USER_NOTES.ROW_VERSION).from(USER_NOTES).where(USER_NOTES.ID.eq(mine.id().value()))
                .fetchOne(USER_NOTES.ROW_VERSION)).isEqualTo(4L);
    }

    @Test
    void theServersRowWaitsWhileALaterChangeOfItIsStillQueued() {
        sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));
        Note mine = store.notes().create(learner, lesson(0), "first", null, LATER).orElseThrow();
        List<Outbox.Entry> sent = store.outbox().pending(10);
        store.notes().edit(learner, mine.id(), "second", null, LATER.plusMinutes(1));

        SyncRepository.PushRecorded recorded = sync.recordPushAnswer(sent, new PushResponse(LATER, sent.get(0).seq(),
                List.of(new ChangeResult(sent.get(0).seq(), ChangeStatus.APPLIED, "inserted",
                        List.of(WireRows.note(mine.id().value(), learner.value(), course, 0, "first", 1)), null))));

        assertThat(recorded.rowsKeptForLaterChanges()).isEqualTo(1);
        assertThat(noteText(mine.id().value())).isEqualTo("second");
        assertThat(store.outbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void aRefusedChangeStaysWithItsReasonAndTheRestGoOn() {
        sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));
        store.notes().create(learner, lesson(0), "one", null, LATER);
        store.notes().create(learner, lesson(1), "two", null, LATER);
        List<Outbox.Entry> sent = store.outbox().pending(10);

        sync.recordPushAnswer(sent, new PushResponse(LATER, sent.get(1).seq(), List.of(
                new ChangeResult(sent.get(0).seq(), ChangeStatus.REJECTED, null, List.of(),
                        new Rejection("validation_failed", "content must be at most 20000 characters", "payload.content")),
                new ChangeResult(sent.get(1).seq(), ChangeStatus.APPLIED, "inserted", List.of(), null))));

        assertThat(store.outbox().pendingCount()).isZero();
        assertThat(store.outbox().rejected()).singleElement().satisfies(entry -> {
            assertThat(entry.seq()).isEqualTo(sent.get(0).seq());
            assertThat(entry.rejection().orElseThrow().code()).isEqualTo("validation_failed");
        });
    }

    @Test
    void changesOfACourseTheServerDoesNotHaveAreHeldNotSent() {
        StoreFixture fixture = new StoreFixture(store);
        StoreFixture.FixtureCourse local = fixture.course("Imported only", 1, 1);
        sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));
        Note held = store.notes().create(learner, local.lesson(0), "local course", null, LATER).orElseThrow();
        store.notes().create(learner, lesson(0), "server course", null, LATER);
        store.notes().delete(learner, held.id(), LATER.plusMinutes(1));

        SyncRepository.PushPlan plan = sync.planPush();

        assertThat(plan.held()).as("the note and its tombstone both wait for their course").isEqualTo(2);
        assertThat(plan.pushable()).extracting(Outbox.Entry::entity).containsExactly(SyncEntity.USER_NOTES);
    }

    @Test
    void anEnrollmentIsSentEvenBeforeItsCourseArrivesBecauseEnrollingIsHowTheCourseComes() {
        StoreFixture fixture = new StoreFixture(store);
        StoreFixture.FixtureCourse wanted = fixture.course("Enrol by push", 1, 1);
        store.enrollments().enroll(learner, wanted.id(), LATER);
        store.notes().create(learner, wanted.lesson(0), "waits for the course", null, LATER);

        SyncRepository.PushPlan plan = sync.planPush();

        assertThat(plan.pushable()).extracting(Outbox.Entry::entity).containsExactly(SyncEntity.ENROLLMENTS);
        assertThat(plan.held()).isEqualTo(1);
    }

    @Test
    void anEnrollmentInACourseTheServerDoesNotHaveIsHeldNotShownAsRefusedAndGoesWhenTheCourseArrives() {
        StoreFixture fixture = new StoreFixture(store);
        StoreFixture.FixtureCourse own = fixture.course("The bundled sample", 1, 1);
        store.enrollments().enroll(learner, own.id(), LATER);
        List<Outbox.Entry> sent = sync.planPush().pushable();

        sync.recordPushAnswer(sent, new PushResponse(LATER, sent.get(0).seq(), List.of(
                new ChangeResult(sent.get(0).seq(), ChangeStatus.REJECTED, null, List.of(),
                        new Rejection("not_found", "Course " + own.id().value() + " is not on this server.", "payload.courseId")))));

        assertThat(store.outbox().rejected()).isEmpty();
        assertThat(sync.planPush().pushable()).isEmpty();
        assertThat(sync.planPush().held()).isEqualTo(1);

        sync.applyPull(answer(page(Streams.course(own.id().value()), "3.1", List.of())));

        assertThat(sync.planPush().pushable()).extracting(Outbox.Entry::entity).containsExactly(SyncEntity.ENROLLMENTS);
    }

    @Test
    void heldChangesAreQueuedAgainUnderNewNumbersWhenTheirCourseArrives() {
        StoreFixture fixture = new StoreFixture(store);
        StoreFixture.FixtureCourse later = fixture.course("Published later", 1, 2);
        Note first = store.notes().create(learner, later.lesson(0), "before the server had it", null, LATER).orElseThrow();
        store.notes().edit(learner, first.id(), "edited, still before", null, LATER.plusMinutes(1));
        List<Long> heldSeqs = store.outbox().forEntity(SyncEntity.USER_NOTES, first.id().value()).stream()
                .map(Outbox.Entry::seq).toList();
        Course other = WireRows.course(1);
        sync.applyPull(answer(page(other.stream(), "5.1", upserts(other.rows()))));
        store.notes().create(learner, new LessonId(other.lessons().get(0)), "sent first", null, LATER.plusMinutes(2));
        assertThat(sync.planPush().held()).isEqualTo(2);

        sync.applyPull(answer(page(Streams.course(later.id().value()), "9.1", List.of())));

        SyncRepository.PushPlan plan = sync.planPush();
        assertThat(plan.held()).isZero();
        assertThat(plan.pushable()).extracting(Outbox.Entry::entityId).containsExactly(
                plan.pushable().get(0).entityId(), first.id().value(), first.id().value());
        List<Long> released = plan.pushable().subList(1, 3).stream().map(Outbox.Entry::seq).toList();
        assertThat(released).isSorted().allSatisfy(seq -> assertThat(seq).isGreaterThan(plan.pushable().get(0).seq())
                .isGreaterThan(heldSeqs.get(1)));
    }

    @Test
    void aTombstoneDeletesUnlessTheRowHasAChangeQueued() {
        sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));
        UUID theirs = UUID.randomUUID();
        sync.applyPull(answer(page(Streams.USER, "12.1", upserts(WireRows.note(theirs, learner.value(), course, 0, "x", 1)))));
        Note mine = store.notes().create(learner, lesson(1), "mine", null, LATER).orElseThrow();

        SyncRepository.PullApplied applied = sync.applyPull(answer(page(Streams.USER, "13.1", List.of(
                new PulledChange.Delete("user_notes", theirs), new PulledChange.Delete("user_notes", mine.id().value())))));

        assertThat(applied.deleted()).isEqualTo(1);
        assertThat(applied.skippedPending()).isEqualTo(1);
        assertThat(dsl.fetchCount(USER_NOTES, USER_NOTES.ID.eq(theirs))).isZero();
        assertThat(noteText(mine.id().value())).isEqualTo("mine");
    }

    @Test
    void aLessonsTombstoneKeepsItsNotesDetachedEvenOneWithAChangeQueued() {
        sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));
        UUID pulled = UUID.randomUUID();
        sync.applyPull(answer(page(Streams.USER, "12.1", upserts(WireRows.note(pulled, learner.value(), course, 2, "x", 1)))));
        Note queued = store.notes().create(learner, lesson(2), "mine", null, LATER).orElseThrow();
        String title = dsl.select(COURSE_LESSONS.TITLE).from(COURSE_LESSONS).where(COURSE_LESSONS.ID.eq(course.lessons().get(2)))
                .fetchOne(COURSE_LESSONS.TITLE);

        sync.applyPull(answer(page(course.stream(), "13.1", List.of(new PulledChange.Delete("course_lessons",
                course.lessons().get(2))))));

        assertThat(dsl.fetchCount(COURSE_LESSONS, COURSE_LESSONS.ID.eq(course.lessons().get(2)))).isZero();
        assertThat(List.of(store.notes().find(learner, new NoteId(pulled)).orElseThrow(),
                store.notes().find(learner, queued.id()).orElseThrow()))
                .allSatisfy(note -> assertThat(note.lessonId()).isNull())
                .extracting(Note::removedLessonTitle).containsExactly(title, title);
    }

    @Test
    void theServersDetachedNoteReplacesTheStoredOne() {
        sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));
        UUID note = UUID.randomUUID();
        sync.applyPull(answer(page(Streams.USER, "12.1", upserts(WireRows.note(note, learner.value(), course, 2, "x", 1)))));
        NoteRow detached = new NoteRow(note, learner.value(), null, course.id(), "x", null, true, null, WireRows.AT,
                WireRows.AT, WireRows.AT, 2, "Lesson three");

        SyncRepository.PullApplied applied = sync.applyPull(answer(page(Streams.USER, "13.1", upserts(detached))));

        assertThat(applied.parked()).isZero();
        assertThat(store.notes().find(learner, new NoteId(note)).orElseThrow().removedLessonTitle()).isEqualTo("Lesson three");
    }

    @Test
    void progressMadeOnTwoDevicesTakesTheServersRowUnlessOursIsQueued() {
        sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));
        UUID local = UUID.randomUUID();
        dsl.insertInto(LESSON_PROGRESS).set(LESSON_PROGRESS.ID, local).set(LESSON_PROGRESS.USER_ID, learner.value())
                .set(LESSON_PROGRESS.LESSON_ID, course.lessons().get(0)).set(LESSON_PROGRESS.COURSE_ID, course.id())
                .set(LESSON_PROGRESS.STATUS, "in_progress").execute();
        UUID servers = UUID.randomUUID();

        sync.applyPull(answer(page(Streams.USER, "12.1", upserts(WireRows.progress(servers, learner.value(), course, 0, 90, 2)))));

        assertThat(dsl.select(LESSON_PROGRESS.ID, LESSON_PROGRESS.TOTAL_TIME_SPENT).from(LESSON_PROGRESS)
                .where(LESSON_PROGRESS.LESSON_ID.eq(course.lessons().get(0))).fetch().map(row -> row.value1() + "/" + row.value2()))
                .containsExactly(servers + "/90");
    }

    @Test
    void aQueuedAttemptMakesRoomForTheServersNumberByTakingTheNext() {
        sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));
        UUID mine = UUID.randomUUID();
        dsl.insertInto(QUIZ_ATTEMPTS).set(QUIZ_ATTEMPTS.ID, mine).set(QUIZ_ATTEMPTS.QUIZ_ID, course.quiz())
                .set(QUIZ_ATTEMPTS.USER_ID, learner.value()).set(QUIZ_ATTEMPTS.ATTEMPT_NUMBER, 1)
                .set(QUIZ_ATTEMPTS.STATUS, "submitted").execute();
        dsl.execute("INSERT INTO outbox (device_id, entity, entity_id, operation, payload) VALUES (?, 'quiz_attempts', ?,"
                + " 'upsert', JSON '{}')", store.identity().deviceId().value(), mine);
        UUID other = UUID.randomUUID();

        sync.applyPull(answer(page(Streams.USER, "12.1", upserts(WireRows.attempt(other, learner.value(), course, 1, 1)))));

        assertThat(dsl.select(QUIZ_ATTEMPTS.ID, QUIZ_ATTEMPTS.ATTEMPT_NUMBER).from(QUIZ_ATTEMPTS)
                .orderBy(QUIZ_ATTEMPTS.ATTEMPT_NUMBER).fetch().map(row -> row.value1() + "#" + row.value2()))
                .containsExactly(other + "#1", mine + "#2");
    }

    @Test
    void aRowWhoseLessonIsNotHereWaitsParkedAndArrivesWithTheCourse() {
        UUID note = UUID.randomUUID();

        SyncRepository.PullApplied first = sync.applyPull(answer(page(Streams.USER, "12.1",
                upserts(WireRows.note(note, learner.value(), course, 2, "before the course", 1)))));

        assertThat(first.parked()).isEqualTo(1);
        assertThat(sync.parkedRows()).isEqualTo(1);
        assertThat(sync.cursors()).containsEntry(Streams.USER, "12.1");

        SyncRepository.PullApplied second = sync.applyPull(answer(page(course.stream(), "13.1", upserts(course.rows()))));

        assertThat(second.unparked()).isEqualTo(1);
        assertThat(sync.parkedRows()).isZero();
        assertThat(noteText(note)).isEqualTo("before the course");
    }

    @Test
    void aCategoryBeforeItsParentIsStoredOnceTheParentIsIn() {
        UUID parent = UUID.randomUUID();
        UUID child = UUID.randomUUID();
        List<SyncRow> rows = List.of(
                new CategoryRow(child, "Child", "child", null, parent, null, null, 0, true, WireRows.AT, WireRows.AT),
                new CategoryRow(parent, "Parent", "parent", null, null, null, null, 0, true, WireRows.AT, WireRows.AT));

        sync.applyPull(answer(page(course.stream(), "10.1", upserts(rows))));

        assertThat(dsl.fetchCount(COURSE_CATEGORIES)).isEqualTo(2);
        assertThat(sync.parkedRows()).isZero();
    }

    @Test
    void aStreamCopiedAgainSweepsWhatTheCopyNoLongerHoldsButKeepsQueuedRows() {
        sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));
        UUID kept = UUID.randomUUID();
        UUID deletedMeanwhile = UUID.randomUUID();
        sync.applyPull(answer(page(Streams.USER, "12.1", upserts(WireRows.note(kept, learner.value(), course, 0, "kept", 1),
                WireRows.note(deletedMeanwhile, learner.value(), course, 0, "gone", 1)))));
        Note queued = store.notes().create(learner, lesson(1), "written offline", null, LATER).orElseThrow();

        sync.applyPull(answer(new StreamPage(Streams.USER, "b.90.0.x", true, true, false,
                upserts(WireRows.note(kept, learner.value(), course, 0, "kept", 1)))));
        assertThat(dsl.fetchCount(USER_NOTES)).as("nothing goes before the copy is complete").isEqualTo(3);

        SyncRepository.PullApplied done = sync.applyPull(answer(new StreamPage(Streams.USER, "95.3", false, true, true, List.of())));

        assertThat(done.swept()).isEqualTo(1);
        assertThat(dsl.select(USER_NOTES.ID).from(USER_NOTES).fetch(USER_NOTES.ID))
                .containsExactlyInAnyOrder(kept, queued.id().value());
    }

    @Test
    void aCourseNoLongerOpenLosesItsContentButTheLearnersNotesStay() {
        sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));
        Note note = store.notes().create(learner, lesson(0), "keep me", null, LATER).orElseThrow();

        SyncRepository.PullApplied applied = sync.applyPull(new PullResponse(WireRows.AT, List.of(), List.of(course.stream()),
                false));

        assertThat(applied.revokedCourses()).containsExactly(course.id());
        assertThat(noteText(note.id().value())).isEqualTo("keep me");
        assertThat(dsl.select(COURSE_LESSONS.CONTENT).from(COURSE_LESSONS).where(COURSE_LESSONS.COURSE_ID.eq(course.id()))
                .fetch(COURSE_LESSONS.CONTENT)).containsOnlyNulls();
        assertThat(dsl.select(COURSES.ACCESS_ENDED_AT).from(COURSES).where(COURSES.ID.eq(course.id()))
                .fetchOne(COURSES.ACCESS_ENDED_AT)).isNotNull();
        assertThat(sync.cursors()).doesNotContainKey(course.stream());

        sync.applyPull(answer(page(course.stream(), "20.1", upserts(course.rows()))));

        assertThat(dsl.select(COURSES.ACCESS_ENDED_AT).from(COURSES).where(COURSES.ID.eq(course.id()))
                .fetchOne(COURSES.ACCESS_ENDED_AT)).as("access is back").isNull();
    }

    @Test
    void aRowTheMirrorRefusesWaitsParkedAndThePageGoesOn() {
        sync.applyPull(answer(page(course.stream(), "10.1", upserts(course.rows()))));

        SyncRepository.PullApplied applied = sync.applyPull(answer(page(course.stream(), "11.1", upserts(
                WireRows.lesson(course, 0, "x".repeat(300)), WireRows.lesson(course, 1, "Fine")))));

        assertThat(applied.written()).isEqualTo(1);
        assertThat(applied.parked()).isEqualTo(1);
        assertThat(sync.cursors()).containsEntry(course.stream(), "11.1");
        assertThat(dsl.select(COURSE_LESSONS.TITLE).from(COURSE_LESSONS).where(COURSE_LESSONS.ID.eq(course.lessons().get(0)))
                .fetchOne(COURSE_LESSONS.TITLE)).isEqualTo("Lesson 1");
    }

    private LessonId lesson(int index) {
        return new LessonId(course.lessons().get(index));
    }

    private String noteText(UUID note) {
        return dsl.select(USER_NOTES.CONTENT).from(USER_NOTES).where(USER_NOTES.ID.eq(note)).fetchOne(USER_NOTES.CONTENT);
    }
}
