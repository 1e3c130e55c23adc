package edu.sevenp.model.protocol;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One course's statistics for its instructor ({@code GET /instructor/courses/{id}/statistics}, docs/sync-protocol.md
 * section 11.1): the headline figures, how far learners got, where they stopped, and which questions they missed.
 *
 * @param progress eleven buckets of enrollments by progress: 0-9 %, 10-19 %, ... 90-99 %, 100 %
 * @param lessons every lesson in course order, with how many learners reached it
 * @param missedQuestions at most ten questions, most often answered wrong first
 * @param computedAt when the live parts (progress, lessons, questions) were counted
 */
public record CourseStatistics(CourseFigures figures, List<ProgressBucket> progress, List<LessonReach> lessons,
        List<MissedQuestion> missedQuestions, OffsetDateTime computedAt) {

    public CourseStatistics {
        progress = List.copyOf(progress);
        lessons = List.copyOf(lessons);
        missedQuestions = List.copyOf(missedQuestions);
    }

    /** Enrollments whose progress is at least {@code from} and at most {@code to} percent (whole numbers, by floor). */
    public record ProgressBucket(int from, int to, long learners) {
    }

    /** @param reached learners who started or completed the lesson; @param completed those who completed it */
    public record LessonReach(UUID lessonId, String title, long reached, long completed) {
    }

    /** @param wrong answers scored wrong (an unanswered question counts); @param answered attempts that scored it */
    public record MissedQuestion(UUID questionId, UUID quizId, String quizTitle, String text, long wrong, long answered) {
    }
}
