package edu.sevenp.model.quiz;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.QuizId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A quiz with its questions in order (course_quizzes, quiz_questions).
 *
 * @param lessonId the lesson it belongs to, or null for a course-wide quiz
 * @param timeLimitMinutes null for no limit
 * @param attemptsAllowed null for unlimited attempts
 * @param passingScore the percentage an attempt needs to pass
 */
public record Quiz(
        QuizId id,
        CourseId courseId,
        LessonId lessonId,
        String title,
        String description,
        String instructions,
        QuizMode mode,
        Integer timeLimitMinutes,
        Integer attemptsAllowed,
        BigDecimal passingScore,
        boolean randomizeQuestions,
        boolean showCorrectAnswers,
        boolean required,
        boolean active,
        List<QuizQuestion> questions) {

    public Quiz {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(passingScore, "passingScore");
        questions = List.copyOf(questions);
    }
}
