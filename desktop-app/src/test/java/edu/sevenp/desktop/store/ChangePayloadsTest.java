package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.BookmarkId;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.learning.ProgressStatus;
import edu.sevenp.model.quiz.Answer;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sync payloads as JSON, field by field (docs/sync-payloads.md), and back to equal records. */
class ChangePayloadsTest {

    private static final ObjectMapper JSON = JsonMapperFactory.create();

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID D = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    private static final UserId USER = new UserId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");
    private static final OffsetDateTime TUESDAY = OffsetDateTime.parse("2025-03-04T09:00:00.123456Z");

    @Test
    void aNoteChangeCarriesTheNoteItsEditTimeAndTheServerVersionItReplaced() throws Exception {
        NoteChange change = new NoteChange(new NoteId(A), USER, new LessonId(B), new CourseId(C), "Joins keep rows", 95,
                true, MONDAY, TUESDAY, 3L);

        assertJson(change, """
                {"id": "00000000-0000-0000-0000-00000000000a", "userId": "00000000-0000-0000-0000-0000000000a1",
                 "lessonId": "00000000-0000-0000-0000-00000000000b", "courseId": "00000000-0000-0000-0000-00000000000c",
                 "content": "Joins keep rows", "timestampInVideo": 95, "isPrivate": true,
                 "createdAt": "2025-03-03T09:00:00Z", "updatedAt": "2025-03-04T09:00:00.123456Z",
                 "baseVersion": 3}""");
        assertThat(identity(change)).containsExactly(SyncEntity.USER_NOTES, A, "upsert");
    }

    @Test
    void aBookmarkChangeCarriesTheBookmarkAndItsEditTime() throws Exception {
        BookmarkChange change = new BookmarkChange(new BookmarkId(A), USER, new LessonId(B), new CourseId(C), "Key idea",
                null, null, MONDAY, MONDAY, null);

        assertJson(change, """
                {"id": "00000000-0000-0000-0000-00000000000a", "userId": "00000000-0000-0000-0000-0000000000a1",
                 "lessonId": "00000000-0000-0000-0000-00000000000b", "courseId": "00000000-0000-0000-0000-00000000000c",
                 "title": "Key idea", "timestampInVideo": null, "notes": null,
                 "createdAt": "2025-03-03T09:00:00Z", "updatedAt": "2025-03-03T09:00:00Z", "baseVersion": null}""");
        assertThat(identity(change)).containsExactly(SyncEntity.USER_BOOKMARKS, A, "upsert");
    }

    @Test
    void aTombstoneNamesTheDeletedRowAndTheVersionDeleted() throws Exception {
        Tombstone change = new Tombstone(SyncEntity.USER_NOTES, A, USER, TUESDAY, 4L);

        assertJson(change, """
                {"entity": "user_notes", "id": "00000000-0000-0000-0000-00000000000a",
                 "userId": "00000000-0000-0000-0000-0000000000a1", "deletedAt": "2025-03-04T09:00:00.123456Z",
                 "baseVersion": 4}""");
        assertThat(identity(change)).containsExactly(SyncEntity.USER_NOTES, A, "delete");
    }

    @Test
    void lessonProgressTravelsWithTheTimeSpentInThisChangeOnly() throws Exception {
        LessonProgressChange change = new LessonProgressChange(A, USER, new LessonId(B), new CourseId(C),
                ProgressStatus.IN_PROGRESS, new BigDecimal("42.50"), 310, 45, MONDAY, null, TUESDAY);

        assertJson(change, """
                {"id": "00000000-0000-0000-0000-00000000000a", "userId": "00000000-0000-0000-0000-0000000000a1",
                 "lessonId": "00000000-0000-0000-0000-00000000000b", "courseId": "00000000-0000-0000-0000-00000000000c",
                 "status": "in_progress", "progressPercentage": 42.50, "lastPosition": 310, "timeSpentDelta": 45,
                 "startedAt": "2025-03-03T09:00:00Z", "completedAt": null,
                 "lastAccessedAt": "2025-03-04T09:00:00.123456Z"}""");
        assertThat(identity(change)).containsExactly(SyncEntity.LESSON_PROGRESS, A, "upsert");
    }

    @Test
    void anEnrollmentChangeSetsActiveOrDroppedOnly() throws Exception {
        EnrollmentChange change = new EnrollmentChange(A, USER, new CourseId(C), EnrollmentStatus.DROPPED, MONDAY, TUESDAY);

        assertJson(change, """
                {"id": "00000000-0000-0000-0000-00000000000a", "userId": "00000000-0000-0000-0000-0000000000a1",
                 "courseId": "00000000-0000-0000-0000-00000000000c", "status": "dropped",
                 "enrolledAt": "2025-03-03T09:00:00Z", "changedAt": "2025-03-04T09:00:00.123456Z"}""");
        assertThat(identity(change)).containsExactly(SyncEntity.ENROLLMENTS, A, "upsert");
        assertThatThrownBy(() -> new EnrollmentChange(A, USER, new CourseId(C), EnrollmentStatus.COMPLETED, MONDAY, MONDAY))
                .hasMessage("a learner sets an enrollment active or dropped, not completed");
    }

    @Test
    void aCompletionReviewNamesTheCourseTheServerFindsItsCompletionBy() throws Exception {
        CompletionReview change = new CompletionReview(A, USER, new CourseId(C), 4, "Clear and short", true, TUESDAY);

        assertJson(change, """
                {"completionId": "00000000-0000-0000-0000-00000000000a",
                 "userId": "00000000-0000-0000-0000-0000000000a1", "courseId": "00000000-0000-0000-0000-00000000000c",
                 "rating": 4, "review": "Clear and short", "wouldRecommend": true,
                 "reviewedAt": "2025-03-04T09:00:00.123456Z"}""");
        assertThat(identity(change)).containsExactly(SyncEntity.COURSE_COMPLETIONS, A, "upsert");
    }

    @Test
    void aGradedQuizAttemptTravelsWithItsAnswersAndNoScore() throws Exception {
        Map<QuestionId, Answer> responses = new LinkedHashMap<>();
        responses.put(new QuestionId(B), Answer.choice("LEFT"));
        responses.put(new QuestionId(C), Answer.trueFalse(false));
        responses.put(new QuestionId(D), Answer.text("a join"));
        QuizAttemptSubmission change = new QuizAttemptSubmission(new QuizAttemptId(A), USER, new QuizId(C), QuizMode.GRADED,
                2, MONDAY, TUESDAY, 86_400, responses, null);

        assertJson(change, """
                {"id": "00000000-0000-0000-0000-00000000000a", "userId": "00000000-0000-0000-0000-0000000000a1",
                 "quizId": "00000000-0000-0000-0000-00000000000c", "mode": "graded", "attemptNumber": 2,
                 "startedAt": "2025-03-03T09:00:00Z", "submittedAt": "2025-03-04T09:00:00.123456Z", "timeTaken": 86400,
                 "responses": {"00000000-0000-0000-0000-00000000000b": {"selected": ["LEFT"]},
                               "00000000-0000-0000-0000-00000000000c": {"value": false},
                               "00000000-0000-0000-0000-00000000000d": {"text": "a join"}},
                 "practiceScore": null}""");
        assertThat(identity(change)).containsExactly(SyncEntity.QUIZ_ATTEMPTS, A, "upsert");
        assertThatThrownBy(() -> new QuizAttemptSubmission(new QuizAttemptId(A), USER, new QuizId(C), QuizMode.GRADED, 1,
                MONDAY, TUESDAY, 1, Map.of(), new QuizAttemptSubmission.PracticeScore(BigDecimal.ONE, BigDecimal.ONE,
                        new BigDecimal("100.00"), true)))
                .hasMessage("an attempt at a graded quiz carries no score: the server grades it");
    }

    @Test
    void aPracticeQuizAttemptTravelsWithTheDevicesScore() throws Exception {
        QuizAttemptSubmission change = new QuizAttemptSubmission(new QuizAttemptId(A), USER, new QuizId(C),
                QuizMode.PRACTICE, 1, MONDAY, MONDAY, 0, Map.of(new QuestionId(B), Answer.trueFalse(true)),
                new QuizAttemptSubmission.PracticeScore(new BigDecimal("1.00"), new BigDecimal("2.00"),
                        new BigDecimal("50.00"), false));

        assertJson(change, """
                {"id": "00000000-0000-0000-0000-00000000000a", "userId": "00000000-0000-0000-0000-0000000000a1",
                 "quizId": "00000000-0000-0000-0000-00000000000c", "mode": "practice", "attemptNumber": 1,
                 "startedAt": "2025-03-03T09:00:00Z", "submittedAt": "2025-03-03T09:00:00Z", "timeTaken": 0,
                 "responses": {"00000000-0000-0000-0000-00000000000b": {"value": true}},
                 "practiceScore": {"score": 1.00, "maxScore": 2.00, "percentage": 50.00, "passed": false}}""");
    }

    private static void assertJson(LearnerChange change, String expected) throws Exception {
        String written = JSON.writeValueAsString(change);
        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(expected));
        assertThat(JSON.readValue(written, change.getClass())).isEqualTo(change);
    }

    private static List<Object> identity(LearnerChange change) {
        return List.of(change.entity(), change.entityId(), change.operation().code());
    }
}
