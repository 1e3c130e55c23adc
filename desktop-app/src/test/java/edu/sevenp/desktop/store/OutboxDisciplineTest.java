package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_COMPLETIONS;
import static edu.sevenp.desktop.store.schema.Tables.ENROLLMENTS;
import static edu.sevenp.desktop.store.schema.Tables.LESSON_PROGRESS;
import static edu.sevenp.desktop.store.schema.Tables.OUTBOX;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_ATTEMPTS;
import static edu.sevenp.desktop.store.schema.Tables.USER_BOOKMARKS;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.constraint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.learning.Bookmark;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.learning.LessonProgress;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.learning.ProgressStatus;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.QuestionType;
import edu.sevenp.model.quiz.QuizAttempt;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.sync.BookmarkChange;
import edu.sevenp.model.sync.CompletionReview;
import edu.sevenp.model.sync.EnrollmentChange;
import edu.sevenp.model.sync.LearnerChange;
import edu.sevenp.model.sync.LessonProgressChange;
import edu.sevenp.model.sync.NoteChange;
import edu.sevenp.model.sync.QuizAttemptSubmission;
import edu.sevenp.model.sync.SyncEntity;
import edu.sevenp.model.sync.Tombstone;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every learner write is its row change plus exactly one outbox entry (entity, id, operation and the
 * change itself), in one transaction: a write that fails leaves neither, and sequence numbers increase.
 */
class OutboxDisciplineTest {

    private static final ObjectMapper JSON = JsonMapperFactory.create();
    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");
    private static final OffsetDateTime TUESDAY = OffsetDateTime.parse("2025-03-04T09:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("outbox-discipline-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final UserId learner = fixture.learner();
    private final FixtureCourse course = fixture.course("Joins", 1, 2);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void creatingANoteQueuesTheNote() {
        Note note = store.notes().create(learner, course.lesson(0), "Outer joins keep rows", 12, MONDAY).orElseThrow();

        assertQueued(new NoteChange(note.id(), learner, course.lesson(0), course.id(), "Outer joins keep rows", 12, true,
                MONDAY, MONDAY, null));
    }

    @Test
    void editingANoteQueuesTheNewVersionBasedOnNoServerVersionBeforeTheServerAnswered() {
        Note note = store.notes().create(learner, course.lesson(0), "draft", null, MONDAY).orElseThrow();

        store.notes().edit(learner, note.id(), "final", 30, TUESDAY);

        assertLastQueued(2, new NoteChange(note.id(), learner, course.lesson(0), course.id(), "final", 30, true, MONDAY,
                TUESDAY, null));
    }

    @Test
    void deletingANoteQueuesATombstone() {
        Note note = store.notes().create(learner, course.lesson(0), "gone soon", null, MONDAY).orElseThrow();

        store.notes().delete(learner, note.id(), TUESDAY);

        assertLastQueued(2, new Tombstone(SyncEntity.USER_NOTES, note.id().value(), learner, TUESDAY, null));
    }

    @Test
    void addingEditingAndRemovingABookmarkQueueOneChangeEach() {
        Bookmark bookmark = store.bookmarks().add(learner, course.lesson(1), "Key idea", 40, null, MONDAY).orElseThrow();
        assertQueued(new BookmarkChange(bookmark.id(), learner, course.lesson(1), course.id(), "Key idea", 40, null,
                MONDAY, MONDAY, null));

        store.bookmarks().edit(learner, bookmark.id(), "Key idea", 41, "see also 2.1", TUESDAY);
        assertLastQueued(2, new BookmarkChange(bookmark.id(), learner, course.lesson(1), course.id(), "Key idea", 41,
                "see also 2.1", MONDAY, TUESDAY, null));

        store.bookmarks().remove(learner, bookmark.id(), TUESDAY);
        assertLastQueued(3, new Tombstone(SyncEntity.USER_BOOKMARKS, bookmark.id().value(), learner, TUESDAY, null));
    }

    @Test
    void recordingProgressQueuesTheRowWithThisVisitsTimeOnly() {
        store.progress().record(learner, course.lesson(0), ProgressEntry.visit(MONDAY, 100, new BigDecimal("20"), 300));

        RolledUpProgress second = store.progress()
                .record(learner, course.lesson(0), ProgressEntry.visit(TUESDAY, 250, new BigDecimal("45"), 120))
                .orElseThrow();

        LessonProgress progress = second.progress();
        assertThat(progress.totalTimeSpent()).isEqualTo(420);
        assertLastQueued(2, new LessonProgressChange(progressId(), learner, course.lesson(0), course.id(),
                ProgressStatus.IN_PROGRESS, new BigDecimal("45.00"), 250, 120, MONDAY, null, TUESDAY));
    }

    @Test
    void enrollingDroppingAndRejoiningQueueOneChangeEach() {
        Enrollment enrollment = store.enrollments().enroll(learner, course.id(), MONDAY).orElseThrow();
        UUID id = enrollmentId();
        assertQueued(new EnrollmentChange(id, learner, course.id(), EnrollmentStatus.ACTIVE, MONDAY, MONDAY));

        store.enrollments().drop(learner, course.id(), TUESDAY);
        assertLastQueued(2, new EnrollmentChange(id, learner, course.id(), EnrollmentStatus.DROPPED,
                enrollment.enrolledAt(), TUESDAY));

        store.enrollments().enroll(learner, course.id(), TUESDAY.plusHours(1));
        assertLastQueued(3, new EnrollmentChange(id, learner, course.id(), EnrollmentStatus.ACTIVE,
                enrollment.enrolledAt(), TUESDAY.plusHours(1)));
    }

    @Test
    void aRollUpThatCompletesTheCourseQueuesOnlyTheProgressTheServerRollsUpItself() {
        store.enrollments().enroll(learner, course.id(), MONDAY);
        store.progress().record(learner, course.lesson(0), ProgressEntry.completion(MONDAY, 60));

        store.progress().record(learner, course.lesson(1), ProgressEntry.completion(TUESDAY, 60));

        assertThat(fixture.outbox()).extracting(Outbox.Entry::entity)
                .containsExactly(SyncEntity.ENROLLMENTS, SyncEntity.LESSON_PROGRESS, SyncEntity.LESSON_PROGRESS);
        assertThat(fixture.count(COURSE_COMPLETIONS)).isEqualTo(1);
    }

    @Test
    void reviewingACompletedCourseQueuesTheReview() {
        store.enrollments().enroll(learner, course.id(), MONDAY);
        store.progress().record(learner, course.lesson(0), ProgressEntry.completion(MONDAY, 60));
        store.progress().record(learner, course.lesson(1), ProgressEntry.completion(MONDAY, 60));

        store.completions().review(learner, course.id(), 5, "Clear", true, TUESDAY);

        UUID completion = fixture.dsl().select(COURSE_COMPLETIONS.ID).from(COURSE_COMPLETIONS).fetchSingle().value1();
        assertLastQueued(4, new CompletionReview(completion, learner, course.id(), 5, "Clear", true, TUESDAY));
    }

    @Test
    void submittingAQuizAttemptQueuesTheAttemptWithoutAScoreForAGradedQuiz() {
        QuizId quiz = fixture.quiz(course, course.lesson(0), "Exam", QuizMode.GRADED, 3);
        QuestionId question = fixture.question(quiz, "Which join keeps left rows?", QuestionType.MULTIPLE_CHOICE, "1",
                "[\"INNER\", \"LEFT\"]", null, null);
        QuizAttemptId id = QuizAttemptId.random();

        QuizSubmission.Outcome outcome = store.quizzes().submit(learner, new QuizSubmission(id, quiz, MONDAY,
                MONDAY.plusMinutes(5), Map.of(question, Answer.choice("LEFT")), null));

        QuizAttempt attempt = ((QuizSubmission.Stored) outcome).attempt();
        assertThat(attempt.pending()).isTrue();
        assertQueued(new QuizAttemptSubmission(id, learner, quiz, QuizMode.GRADED, 1, MONDAY, MONDAY.plusMinutes(5), 300,
                Map.of(question, Answer.choice("LEFT")), null));
    }

    @Test
    void aWriteThatChangesNothingQueuesNothing() {
        Note note = store.notes().create(learner, course.lesson(0), "same", 3, MONDAY).orElseThrow();
        store.progress().record(learner, course.lesson(0), ProgressEntry.completion(MONDAY, 10));
        int queued = fixture.outbox().size();

        store.notes().edit(learner, note.id(), "same", 3, TUESDAY);
        store.progress().record(learner, course.lesson(0), ProgressEntry.completion(MONDAY, 0));
        store.enrollments().drop(learner, course.id(), TUESDAY);

        assertThat(fixture.outbox()).hasSize(queued);
    }

    @Test
    void sequenceNumbersIncreaseInTheOrderOfTheWritesAndCarryThisDevice() {
        Note note = store.notes().create(learner, course.lesson(0), "one", null, MONDAY).orElseThrow();
        store.progress().record(learner, course.lesson(0), ProgressEntry.visit(MONDAY, 1, BigDecimal.ONE, 1));
        store.bookmarks().add(learner, course.lesson(0), null, 5, null, MONDAY);
        store.notes().delete(learner, note.id(), TUESDAY);

        List<Outbox.Entry> entries = fixture.outbox();
        assertThat(entries).extracting(Outbox.Entry::entity)
                .containsExactly(SyncEntity.USER_NOTES, SyncEntity.LESSON_PROGRESS, SyncEntity.USER_BOOKMARKS,
                        SyncEntity.USER_NOTES);
        assertThat(entries).extracting(Outbox.Entry::seq).isSorted().doesNotHaveDuplicates();
        assertThat(entries).extracting(Outbox.Entry::deviceId).containsOnly(store.identity().deviceId());
        assertThat(entries).extracting(Outbox.Entry::state).as("no server sends this profile the course yet")
                .containsOnly(OutboxState.HELD);
    }

    static Stream<Arguments> everyKindOfWrite() {
        return Stream.of(
                write("note", SyncEntity.USER_NOTES, USER_NOTES, (s, c, u) ->
                        s.notes().create(u, c.lesson(0), "lost?", null, MONDAY)),
                write("bookmark", SyncEntity.USER_BOOKMARKS, USER_BOOKMARKS, (s, c, u) ->
                        s.bookmarks().add(u, c.lesson(0), "lost?", null, null, MONDAY)),
                write("progress", SyncEntity.LESSON_PROGRESS, LESSON_PROGRESS, (s, c, u) ->
                        s.progress().record(u, c.lesson(0), ProgressEntry.completion(MONDAY, 5))),
                write("enrollment", SyncEntity.ENROLLMENTS, ENROLLMENTS, (s, c, u) ->
                        s.enrollments().enroll(u, c.id(), MONDAY)),
                write("quiz attempt", SyncEntity.QUIZ_ATTEMPTS, QUIZ_ATTEMPTS, (s, c, u) -> {
                    QuizId quiz = new StoreFixture(s).quiz(c, c.lesson(0), "Quiz", QuizMode.GRADED, null);
                    s.quizzes().submit(u, new QuizSubmission(QuizAttemptId.random(), quiz, MONDAY, MONDAY, Map.of(), null));
                }));
    }

    @FunctionalInterface
    interface Write {
        void run(LocalStore store, FixtureCourse course, UserId learner);
    }

    private static Arguments write(String name, SyncEntity entity, Table<?> table, Write write) {
        return Arguments.of(name, entity, table, write);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindOfWrite")
    void aWriteWhoseOutboxEntryFailsLeavesNeitherTheChangeNorAnEntry(String name, SyncEntity entity, Table<?> table,
            Write write) {
        // The progress write also rolls up (enrollment, completion): those must go back too.
        if (entity == SyncEntity.LESSON_PROGRESS) {
            store.enrollments().enroll(learner, course.id(), MONDAY);
        }
        int before = fixture.count(table);
        int queued = fixture.outbox().size();
        int searchQueued = fixture.searchQueue().size();
        // The outbox refuses this entity, so the write fails after its row change.
        fixture.dsl().alterTable(OUTBOX).add(constraint("refuse_for_test").check(OUTBOX.ENTITY.ne(entity.code()))).execute();

        assertThatThrownBy(() -> write.run(store, course, learner))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("nothing was saved");

        assertThat(fixture.count(table)).isEqualTo(before);
        assertThat(fixture.outbox()).hasSize(queued);
        assertThat(fixture.searchQueue()).hasSize(searchQueued);
        assertThat(fixture.count(COURSE_COMPLETIONS)).isZero();
        assertThat(store.enrollments().find(learner, course.id()).map(Enrollment::lastAccessedAt).orElse(null)).isNull();
    }

    @Test
    void aNoteTheDatabaseRefusesLeavesNeitherTheNoteNorAnEntry() {
        String tooLong = "x".repeat(20_001);

        assertThatThrownBy(() -> store.notes().create(learner, course.lesson(0), tooLong, null, MONDAY))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not save the note; nothing was saved.");

        assertThat(fixture.count(USER_NOTES)).isZero();
        assertThat(fixture.outbox()).isEmpty();
        assertThat(fixture.searchQueue()).isEmpty();
    }

    private UUID progressId() {
        return fixture.dsl().select(LESSON_PROGRESS.ID).from(LESSON_PROGRESS).fetchSingle().value1();
    }

    private UUID enrollmentId() {
        return fixture.dsl().select(ENROLLMENTS.ID).from(ENROLLMENTS).fetchSingle().value1();
    }

    private void assertQueued(LearnerChange expected) {
        assertLastQueued(1, expected);
    }

    /** The outbox holds {@code size} entries and the last one is exactly {@code expected}. */
    private void assertLastQueued(int size, LearnerChange expected) {
        List<Outbox.Entry> entries = fixture.outbox();
        assertThat(entries).hasSize(size);
        Outbox.Entry last = entries.get(size - 1);
        assertThat(List.of(last.entity(), last.entityId(), last.operation()))
                .containsExactly(expected.entity(), expected.entityId(), expected.operation());
        assertThat(tree(last.payload())).isEqualTo(tree(expected));
    }

    /** JSON as a tree; a record goes through text first, so that numbers compare as the outbox wrote them. */
    private static JsonNode tree(Object value) {
        try {
            return JSON.readTree(value instanceof String text ? text : JSON.writeValueAsString(value));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
