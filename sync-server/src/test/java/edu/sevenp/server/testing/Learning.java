package edu.sevenp.server.testing;

import edu.sevenp.model.BookmarkId;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.QuestionId;
import edu.sevenp.model.QuizAttemptId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.learning.ProgressStatus;
import edu.sevenp.model.quiz.Answer;
import edu.sevenp.model.quiz.QuizMode;
import edu.sevenp.model.sync.BookmarkChange;
import edu.sevenp.model.sync.CompletionReview;
import edu.sevenp.model.sync.EnrollmentChange;
import edu.sevenp.model.sync.LessonProgressChange;
import edu.sevenp.model.sync.NoteChange;
import edu.sevenp.model.sync.QuizAttemptSubmission;
import edu.sevenp.model.sync.SyncEntity;
import edu.sevenp.model.sync.Tombstone;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** The changes a learner's device uploads, made short for tests; times are device times. */
public final class Learning {

    private final UUID user;
    private final Catalog.Course course;

    public Learning(UUID user, Catalog.Course course) {
        this.user = user;
        this.course = course;
    }

    public EnrollmentChange enroll(OffsetDateTime at) {
        return status(EnrollmentStatus.ACTIVE, at);
    }

    public EnrollmentChange status(EnrollmentStatus status, OffsetDateTime at) {
        return new EnrollmentChange(UUID.randomUUID(), new UserId(user), new CourseId(course.id()), status, at, at);
    }

    public NoteChange note(UUID id, int lesson, String text, OffsetDateTime at, Long base) {
        return new NoteChange(new NoteId(id), new UserId(user), new LessonId(course.lesson(lesson)), new CourseId(course.id()),
                text, null, true, at, at, base);
    }

    public BookmarkChange bookmark(UUID id, int lesson, String title, OffsetDateTime at, Long base) {
        return new BookmarkChange(new BookmarkId(id), new UserId(user), new LessonId(course.lesson(lesson)),
                new CourseId(course.id()), title, null, null, at, at, base);
    }

    public Tombstone deleteNote(UUID id, OffsetDateTime at, Long base) {
        return new Tombstone(SyncEntity.USER_NOTES, id, new UserId(user), at, base);
    }

    public Tombstone deleteBookmark(UUID id, OffsetDateTime at, Long base) {
        return new Tombstone(SyncEntity.USER_BOOKMARKS, id, new UserId(user), at, base);
    }

    public LessonProgressChange studied(int lesson, int percentage, int position, int seconds, OffsetDateTime at) {
        return new LessonProgressChange(UUID.randomUUID(), new UserId(user), new LessonId(course.lesson(lesson)),
                new CourseId(course.id()), ProgressStatus.IN_PROGRESS, BigDecimal.valueOf(percentage), position, seconds,
                at, null, at);
    }

    public LessonProgressChange completed(int lesson, int seconds, OffsetDateTime at) {
        return new LessonProgressChange(UUID.randomUUID(), new UserId(user), new LessonId(course.lesson(lesson)),
                new CourseId(course.id()), ProgressStatus.COMPLETED, BigDecimal.valueOf(100), 0, seconds, at, at, at);
    }

    public CompletionReview review(int rating, String text, OffsetDateTime at) {
        return new CompletionReview(UUID.randomUUID(), new UserId(user), new CourseId(course.id()), rating, text, true, at);
    }

    /** An attempt at the course's graded quiz: right answers to all three questions when {@code right}. */
    public QuizAttemptSubmission gradedAttempt(UUID id, boolean right, OffsetDateTime startedAt, int seconds) {
        Map<QuestionId, Answer> answers = Map.of(
                new QuestionId(course.gradedQuestions().get(0)), Answer.choice(right ? "LEFT" : "INNER"),
                new QuestionId(course.gradedQuestions().get(1)), Answer.trueFalse(!right),
                new QuestionId(course.gradedQuestions().get(2)), Answer.text(right ? "  Cross   JOIN " : "inner join"));
        return new QuizAttemptSubmission(new QuizAttemptId(id), new UserId(user), new QuizId(course.gradedQuiz()),
                QuizMode.GRADED, 1, startedAt, startedAt.plusSeconds(seconds), seconds, answers, null);
    }
}
