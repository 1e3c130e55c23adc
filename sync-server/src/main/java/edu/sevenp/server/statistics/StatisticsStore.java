package edu.sevenp.server.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.CourseFigures;
import edu.sevenp.model.protocol.CourseStatistics;
import edu.sevenp.model.quiz.QuestionType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What course statistics need of the database (implemented in server.db): each call is one transaction as the
 * user, so row-level security decides whose courses and whose learners' records are counted.
 */
public interface StatisticsStore {

    /** Whether the user holds an unexpired instructor role, or is an administrator. */
    boolean mayReadStatistics(UserId user);

    /** The user's courses in course_statistics (an administrator's: every course), by title. */
    List<CourseFigures> courses(UserId user);

    /** The raw material of one course's statistics; empty when the course is not among {@link #courses}. */
    Optional<CourseData> course(UserId user, UUID courseId);

    /**
     * @param progressCounts enrollments by bucket (index 0: 0-9 %, ... 10: 100 %), eleven entries
     * @param questions every question of the course's quizzes, with its answer key
     * @param attempts the responses of every submitted or graded attempt at those quizzes
     */
    record CourseData(CourseFigures figures, long[] progressCounts, List<CourseStatistics.LessonReach> lessons,
            List<KeyedQuestion> questions, List<Attempt> attempts) {
    }

    record KeyedQuestion(UUID id, UUID quizId, String quizTitle, String text, QuestionType type, JsonNode correctAnswer) {
    }

    record Attempt(UUID quizId, JsonNode responses) {
    }
}
