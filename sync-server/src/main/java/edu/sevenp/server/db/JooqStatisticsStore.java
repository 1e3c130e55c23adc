package edu.sevenp.server.db;

import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.CourseFigures;
import edu.sevenp.model.protocol.CourseStatistics;
import edu.sevenp.model.quiz.QuestionType;
import edu.sevenp.server.statistics.StatisticsStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;

/**
 * Course statistics as the instructor: the headline figures from instructor_course_statistics (course_statistics
 * filtered to the caller's courses), everything else counted live from the learners' records that row-level
 * security lets the caller read (auth.overseen_course_ids()).
 */
final class JooqStatisticsStore implements StatisticsStore {

    private static final String FIGURES = "select id, title, enrollment_count, completion_count, avg_completion_rate,"
            + " average_rating, review_count, currency, total_revenue, refreshed_at from instructor_course_statistics";

    private final RequestTransactions transactions;

    JooqStatisticsStore(RequestTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public boolean mayReadStatistics(UserId user) {
        return transactions.as(user, tx -> tx.fetchSingle("select auth.has_role('instructor') or auth.is_admin()")
                .get(0, Boolean.class));
    }

    @Override
    public List<CourseFigures> courses(UserId user) {
        return transactions.as(user, tx -> tx.fetch(FIGURES + " order by title, id").map(JooqStatisticsStore::figures));
    }

    @Override
    public Optional<CourseData> course(UserId user, UUID courseId) {
        return transactions.as(user, tx -> tx.fetchOptional(FIGURES + " where id = ?", courseId)
                .map(JooqStatisticsStore::figures)
                .map(figures -> new CourseData(figures, progress(tx, courseId), lessons(tx, courseId), questions(tx, courseId),
                        attempts(tx, courseId))));
    }

    private static long[] progress(DSLContext tx, UUID courseId) {
        long[] counts = new long[11];
        tx.fetch("select least(floor(progress / 10), 10)::int, count(*) from enrollments where course_id = ? group by 1",
                courseId).forEach(row -> counts[row.get(0, Integer.class)] = row.get(1, Long.class));
        return counts;
    }

    /** In course order: sections by their order, lessons by theirs within a section. */
    private static List<CourseStatistics.LessonReach> lessons(DSLContext tx, UUID courseId) {
        return tx.fetch("select l.id, l.title,"
                + " count(distinct p.user_id) filter (where p.status in ('in_progress', 'completed')),"
                + " count(distinct p.user_id) filter (where p.status = 'completed')"
                + " from course_lessons l join course_sections s on s.id = l.section_id"
                + " left join lesson_progress p on p.lesson_id = l.id and p.course_id = l.course_id"
                + " where l.course_id = ?"
                + " group by l.id, l.title, s.order_index, l.order_index order by s.order_index, l.order_index, l.id", courseId)
                .map(row -> new CourseStatistics.LessonReach(row.get(0, UUID.class), row.get(1, String.class),
                        row.get(2, Long.class), row.get(3, Long.class)));
    }

    /** Keys through quiz_answer_key(), the instructor's one way to read them (the request role cannot select them). */
    private static List<KeyedQuestion> questions(DSLContext tx, UUID courseId) {
        return tx.fetch("select qq.id, q.id, q.title, qq.question_text, qq.question_type, k.correct_answer::text"
                + " from course_quizzes q join quiz_questions qq on qq.quiz_id = q.id"
                + " join lateral quiz_answer_key(q.id) k on k.question_id = qq.id"
                + " where q.course_id = ? order by q.title, qq.order_index", courseId)
                .map(row -> new KeyedQuestion(row.get(0, UUID.class), row.get(1, UUID.class), row.get(2, String.class),
                        row.get(3, String.class), QuestionType.fromCode(row.get(4, String.class)),
                        WireRows.json(row.get(5, String.class) == null ? null : JSONB.jsonb(row.get(5, String.class)))));
    }

    private static List<Attempt> attempts(DSLContext tx, UUID courseId) {
        return tx.fetch("select a.quiz_id, a.responses::text from quiz_attempts a join course_quizzes q on q.id = a.quiz_id"
                + " where q.course_id = ? and a.status in ('submitted', 'graded')", courseId)
                .map(row -> new Attempt(row.get(0, UUID.class), WireRows.json(JSONB.jsonb(row.get(1, String.class)))));
    }

    private static CourseFigures figures(Record row) {
        long enrollments = row.get(2, Long.class);
        long completions = row.get(3, Long.class);
        BigDecimal rate = enrollments == 0 ? null
                : BigDecimal.valueOf(completions * 100).divide(BigDecimal.valueOf(enrollments), 2, RoundingMode.HALF_UP);
        return new CourseFigures(row.get(0, UUID.class), row.get(1, String.class), enrollments, completions, rate,
                row.get(4, BigDecimal.class), row.get(5, BigDecimal.class), row.get(6, Long.class), row.get(7, String.class),
                row.get(8, BigDecimal.class), row.get(9, OffsetDateTime.class));
    }
}
