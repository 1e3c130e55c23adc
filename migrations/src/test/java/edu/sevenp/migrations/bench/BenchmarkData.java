package edu.sevenp.migrations.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Generates the benchmark's data set inside PostgreSQL with set-based SQL, as the superuser, the way
 * an operator bulk-loads: row triggers are switched off for the load ({@code session_replication_role
 * = replica}) and every value they would maintain (enrollment progress and counts, completions,
 * ratings, tag usage) is then computed in one pass each. Ids are {@code md5(tag || n)::uuid}, so rows
 * can refer to each other by number without lookups.
 */
public final class BenchmarkData {

    /** Words for titles, descriptions and lesson bodies, so that full-text search has realistic terms. */
    static final List<String> WORDS = List.of("database", "table", "query", "index", "join", "schema", "transaction",
            "constraint", "key", "normalisation", "relational", "model", "design", "python", "java", "program",
            "function", "variable", "loop", "algorithm", "sorting", "search", "graph", "tree", "network", "security",
            "encryption", "cloud", "server", "client", "protocol", "design", "pattern", "testing", "debugging",
            "statistics", "probability", "calculus", "algebra", "geometry", "physics", "chemistry", "biology",
            "history", "economics", "marketing", "finance", "accounting", "writing", "grammar", "spanish", "french",
            "music", "drawing", "photography", "video", "editing", "animation", "machine", "learning", "neural",
            "vision", "language", "cooking", "nutrition", "fitness", "yoga", "meditation", "leadership",
            "management", "negotiation", "communication", "presentation", "spreadsheet", "analysis", "report",
            "dashboard", "visualisation", "storytelling", "research", "method", "experiment", "survey", "ethics",
            "law", "contract", "privacy", "compliance", "audit", "risk", "project", "agile", "scrum", "kanban",
            "startup", "product", "strategy", "innovation", "robotics", "electronics", "circuit", "sensor",
            "energy", "climate", "ecology", "astronomy", "geology", "ocean", "weather", "architecture", "urban",
            "garden", "carpentry", "welding", "plumbing", "nursing", "anatomy", "pharmacy", "psychology",
            "sociology", "philosophy", "logic", "rhetoric", "poetry", "novel", "theatre", "film", "journalism");

    private final DataSource superuser;
    private final BenchmarkSize size;
    private final Consumer<String> log;

    public BenchmarkData(DataSource superuser, BenchmarkSize size, Consumer<String> log) {
        this.superuser = superuser;
        this.size = size;
        this.log = log;
    }

    /** Generates everything; returns the seconds each step took, in order. */
    public Map<String, Double> generate() throws SQLException {
        Map<String, Double> timings = new LinkedHashMap<>();
        try (Connection connection = superuser.getConnection()) {
            connection.setAutoCommit(true);
            execute(connection, "SET session_replication_role = replica");
            execute(connection, "SET maintenance_work_mem = '256MB'");
            execute(connection, "SET work_mem = '64MB'");
            Array words = connection.createArrayOf("text", WORDS.toArray());
            for (Step step : steps()) {
                long start = System.nanoTime();
                try (PreparedStatement statement = connection.prepareStatement(step.sql())) {
                    int index = 1;
                    for (Object parameter : step.parameters()) {
                        statement.setObject(index++, parameter == WORDS ? words : parameter);
                    }
                    statement.execute();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                timings.merge(step.name(), seconds, Double::sum);
                log.accept(String.format("  %-28s %7.1f s", step.name(), seconds));
            }
            execute(connection, "SET session_replication_role = origin");
            long start = System.nanoTime();
            execute(connection, "VACUUM ANALYZE");
            timings.put("vacuum analyze", (System.nanoTime() - start) / 1e9);
        }
        return timings;
    }

    private List<Step> steps() {
        int lpc = size.lessonsPerCourse();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("users", """
                INSERT INTO users (id, email, name, first_name, last_name, bio, created_at, last_login_at)
                SELECT md5('u' || i)::uuid, 'user' || i || '@bench.example.org', 'User ' || i, 'User', i::text,
                       CASE WHEN i <= ? THEN 'Teaches courses on the platform.' END,
                       now() - (i % 1000) * interval '1 day', now() - (i % 30) * interval '1 day'
                FROM generate_series(1, ?) AS i
                """, size.instructors(), size.users()));
        steps.add(new Step("roles", """
                INSERT INTO user_roles (user_id, role_id)
                SELECT md5('u' || i)::uuid, r.id
                FROM generate_series(1, ?) AS i
                JOIN roles r ON r.name = CASE WHEN i <= ? THEN 'instructor' WHEN i = ? THEN 'admin' ELSE 'learner' END
                """, size.users(), size.instructors(), size.users()));
        steps.add(new Step("categories and tags", """
                WITH categories AS (
                  INSERT INTO course_categories (id, name, slug, sort_order)
                  SELECT md5('cat' || i)::uuid, 'Category ' || i, 'category-' || i, i FROM generate_series(1, 20) AS i)
                INSERT INTO course_tags (id, name, slug)
                SELECT md5('tag' || i)::uuid, 'Tag ' || i, 'tag-' || i FROM generate_series(1, 50) AS i
                """));
        steps.add(new Step("courses", """
                INSERT INTO courses (id, title, slug, short_description, description, instructor_id, category_id, price,
                                     is_free, difficulty, status, published_at, created_at, language)
                SELECT md5('c' || i)::uuid,
                       initcap(w[1 + (i * 7) % n] || ' ' || w[1 + (i * 13) % n] || ' ' || w[1 + (i * 29) % n]) || ' ' || i,
                       'course-' || i,
                       'Learn ' || w[1 + (i * 17) % n] || ' and ' || w[1 + (i * 31) % n],
                       -- Every seventh course has no description: search must still find it by title.
                       CASE WHEN i % 7 <> 0 THEN
                         array_to_string(ARRAY(SELECT w[1 + floor(random() * n)::int] FROM generate_series(1, 40 + i % 20)), ' ')
                       END,
                       md5('u' || (1 + i % ?))::uuid,
                       md5('cat' || (1 + i % 20))::uuid,
                       CASE WHEN i % 4 = 0 THEN 0 ELSE 9.99 + (i % 9) * 10 END,
                       i % 4 = 0,
                       (ARRAY['beginner', 'intermediate', 'advanced'])[1 + i % 3],
                       CASE WHEN i % 10 = 0 THEN 'draft' ELSE 'published' END,
                       CASE WHEN i % 10 <> 0 THEN now() - (i % 1000) * interval '1 day' END,
                       now() - (i % 1000) * interval '1 day' - interval '30 days',
                       'en'
                FROM generate_series(1, ?) AS i, (SELECT ?::text[] AS w, cardinality(?::text[]) AS n) AS words
                """, size.instructors(), size.courses(), WORDS, WORDS));
        steps.add(new Step("tag mappings", """
                INSERT INTO course_tag_mappings (course_id, tag_id)
                SELECT DISTINCT md5('c' || i)::uuid, md5('tag' || (1 + (i * t * 7) % 50))::uuid
                FROM generate_series(1, ?) AS i, generate_series(1, 3) AS t
                """, size.courses()));
        steps.add(new Step("sections", """
                INSERT INTO course_sections (id, course_id, title, description, order_index)
                SELECT md5('s' || c || '-' || s)::uuid, md5('c' || c)::uuid, 'Section ' || s, 'Part ' || s || ' of the course', s
                FROM generate_series(1, ?) AS c, generate_series(1, 5) AS s
                """, size.courses()));
        steps.add(new Step("lessons", """
                INSERT INTO course_lessons (id, course_id, section_id, title, slug, content, content_type, video_duration,
                                            reading_time, order_index, is_preview)
                SELECT md5('l' || c || '-' || l)::uuid, md5('c' || c)::uuid, md5('s' || c || '-' || (1 + (l - 1) / ?))::uuid,
                       initcap(w[1 + (c * 3 + l * 7) % n] || ' ' || w[1 + (c * 5 + l * 11) % n]) || ' ' || l,
                       'lesson-' || l,
                       array_to_string(ARRAY(SELECT w[1 + floor(random() * n)::int]
                                             FROM generate_series(1, 150 + (c + l) % 100)), ' '),
                       CASE WHEN l % 3 = 0 THEN 'text' ELSE 'video' END,
                       CASE WHEN l % 3 = 0 THEN NULL ELSE 300 + (c * l) % 900 END,
                       2 + l % 8,
                       1 + (l - 1) % ?,
                       l = 1
                FROM generate_series(1, ?) AS c, generate_series(1, ?) AS l,
                     (SELECT ?::text[] AS w, cardinality(?::text[]) AS n) AS words
                """, size.lessonsPerSection(), size.lessonsPerSection(), size.courses(), lpc, WORDS, WORDS));
        steps.add(new Step("quizzes and questions", """
                WITH quizzes AS (
                  INSERT INTO course_quizzes (id, course_id, lesson_id, title, quiz_mode, attempts_allowed)
                  SELECT md5('q' || c || '-' || s)::uuid, md5('c' || c)::uuid, md5('l' || c || '-' || (s * ?))::uuid,
                         'Check your understanding ' || s, CASE WHEN s % 2 = 0 THEN 'practice' ELSE 'graded' END, 3
                  FROM generate_series(1, ?) AS c, generate_series(1, 5) AS s
                  RETURNING id)
                INSERT INTO quiz_questions (quiz_id, question_text, question_type, options, correct_answer, order_index)
                SELECT q.id, 'Question ' || k, 'multiple_choice', '["a", "b", "c", "d"]', '"b"', k
                FROM quizzes AS q, generate_series(1, 5) AS k
                """, size.lessonsPerSection(), size.courses()));
        steps.add(new Step("plans and subscriptions", """
                WITH plan AS (
                  INSERT INTO subscription_plans (id, name, price, billing_interval)
                  VALUES (md5('plan-monthly')::uuid, 'Monthly', 19.00, 'monthly') RETURNING id)
                INSERT INTO subscriptions (user_id, plan_id, status, current_period_start, current_period_end)
                SELECT md5('u' || i)::uuid, plan.id, 'active', date_trunc('month', now()),
                       date_trunc('month', now()) + interval '1 month'
                FROM generate_series(1, ?) AS i, plan
                WHERE i % 10 = 0
                """, size.users()));
        steps.add(new Step("enrollment plan", """
                CREATE TABLE bench_enrollments AS
                SELECT row_number() OVER () AS n, u, c,
                       CASE WHEN abs(hashtext(u || '-' || c)) % 1000 < ? THEN ?
                            ELSE abs(hashtext(c || '-' || u)) % (? + 1) END AS lessons_done
                FROM (SELECT DISTINCT u, 1 + ((u * 7919 + k * 104729) % ?) AS c
                      FROM generate_series(1, ?) AS u, generate_series(1, ?) AS k) AS pairs
                WHERE c % 10 <> 0
                """, (int) Math.round(size.completedShare() * 1000), lpc, size.partialLessonsMax(), size.courses(),
                size.users(), size.enrollmentsPerUser()));
        steps.add(new Step("enrollments", """
                INSERT INTO enrollments (id, user_id, course_id, status, enrolled_at, last_accessed_at)
                SELECT md5('e' || u || '-' || c)::uuid, md5('u' || u)::uuid, md5('c' || c)::uuid, 'active',
                       now() - ((u + c) % 300 + 30) * interval '1 day', now() - ((u * c) % 60) * interval '1 day'
                FROM bench_enrollments
                """));
        steps.add(new Step("purchases and payments", """
                WITH purchases AS (
                  INSERT INTO course_purchases (user_id, course_id, amount, status, purchased_at)
                  SELECT e.user_id, e.course_id, c.price, 'completed', e.enrolled_at
                  FROM enrollments e JOIN courses c ON c.id = e.course_id
                  WHERE NOT c.is_free
                  RETURNING id, user_id, amount, purchased_at)
                INSERT INTO payment_transactions (user_id, course_purchase_id, amount, transaction_type, status, created_at)
                SELECT user_id, id, amount, 'payment', 'completed', purchased_at FROM purchases
                """));
        steps.add(new Step("lesson progress", """
                INSERT INTO lesson_progress (user_id, lesson_id, course_id, status, progress_percentage, total_time_spent,
                                             last_position, started_at, completed_at, last_accessed_at)
                SELECT md5('u' || e.u)::uuid, md5('l' || e.c || '-' || l)::uuid, md5('c' || e.c)::uuid,
                       CASE WHEN l < e.lessons_done OR e.lessons_done = ? THEN 'completed' ELSE 'in_progress' END,
                       CASE WHEN l < e.lessons_done OR e.lessons_done = ? THEN 100 ELSE 40 END,
                       120 + (e.u * l) % 900, (e.u + l) % 600,
                       now() - (l + 40) * interval '1 day',
                       CASE WHEN l < e.lessons_done OR e.lessons_done = ? THEN now() - l * interval '1 day' END,
                       now() - ((e.u * e.c) % 60) * interval '1 day'
                FROM bench_enrollments AS e, generate_series(1, e.lessons_done) AS l
                """, lpc, lpc, lpc));
        steps.add(new Step("enrollment progress", """
                UPDATE enrollments AS e
                SET progress = round(100.0 * p.done / ?, 2),
                    status = CASE WHEN p.done = ? THEN 'completed' ELSE 'active' END,
                    completed_at = CASE WHEN p.done = ? THEN p.last_done END
                FROM (SELECT user_id, course_id, count(*) FILTER (WHERE status = 'completed') AS done,
                             max(completed_at) AS last_done
                      FROM lesson_progress GROUP BY user_id, course_id) AS p
                WHERE p.user_id = e.user_id AND p.course_id = e.course_id
                """, lpc, lpc, lpc));
        steps.add(new Step("completions", """
                INSERT INTO course_completions (user_id, course_id, completed_at, total_time_spent, rating, review,
                                                would_recommend)
                SELECT e.user_id, e.course_id, e.completed_at, 3600,
                       CASE WHEN abs(hashtext(e.id::text)) % 10 < 6 THEN 1 + abs(hashtext(e.course_id::text || e.user_id)) % 5 END,
                       CASE WHEN abs(hashtext(e.id::text)) % 10 < 2 THEN 'Clear and well paced.' END,
                       abs(hashtext(e.id::text)) % 3 <> 0
                FROM enrollments AS e WHERE e.status = 'completed'
                """));
        steps.add(new Step("course counters", """
                UPDATE courses AS c
                SET enrollment_count = coalesce(en.n, 0),
                    review_count = coalesce(r.n, 0),
                    rating_total = coalesce(r.total, 0),
                    average_rating = coalesce(r.average, 0)
                FROM courses AS base
                LEFT JOIN (SELECT course_id, count(*) AS n FROM enrollments WHERE status <> 'dropped' GROUP BY course_id) AS en
                       ON en.course_id = base.id
                LEFT JOIN (SELECT course_id, count(rating) AS n, sum(rating) AS total, round(avg(rating), 2) AS average
                           FROM course_completions WHERE rating IS NOT NULL GROUP BY course_id) AS r ON r.course_id = base.id
                WHERE c.id = base.id
                """));
        steps.add(new Step("tag usage", """
                UPDATE course_tags AS t SET usage_count = m.n
                FROM (SELECT tag_id, count(*) AS n FROM course_tag_mappings GROUP BY tag_id) AS m
                WHERE m.tag_id = t.id
                """));
        steps.add(new Step("achievements", """
                INSERT INTO user_achievements (user_id, achievement_code, title, course_id, earned_at)
                SELECT user_id, 'course_completed', 'Completed a course', course_id, completed_at
                FROM course_completions
                """));
        steps.add(new Step("notes", """
                INSERT INTO user_notes (user_id, lesson_id, course_id, content, timestamp_in_video)
                SELECT p.user_id, p.lesson_id, p.course_id, 'Remember: ' || p.lesson_id, p.last_position
                FROM lesson_progress AS p
                WHERE p.id IN (SELECT id FROM lesson_progress ORDER BY md5(id::text) LIMIT ?)
                """, size.notes()));
        steps.add(new Step("event partitions", """
                SELECT ensure_learning_event_partitions((date_trunc('month', now()) - interval '12 months')::date, 3)
                """));
        steps.add(new Step("learning events", """
                INSERT INTO learning_events (user_id, course_id, lesson_id, event_type, occurred_at, position_seconds,
                                             duration_seconds)
                SELECT md5('u' || e.u)::uuid, md5('c' || e.c)::uuid, md5('l' || e.c || '-' || (1 + g % ?))::uuid,
                       (ARRAY['lesson_opened', 'video_played', 'video_paused', 'video_seeked', 'lesson_closed',
                              'video_completed'])[1 + g % 6],
                       now() - (g % 360) * interval '1 day' - (g % 86400) * interval '1 second',
                       g % 900, 30 + g % 600
                FROM generate_series(1, ?) AS g
                JOIN bench_enrollments AS e ON e.n = 1 + (g * 7919) % (SELECT count(*) FROM bench_enrollments)
                """, lpc, size.events()));
        steps.add(new Step("cleanup", "DROP TABLE bench_enrollments"));
        return steps;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private record Step(String name, String sql, List<Object> parameters) {
        Step(String name, String sql, Object... parameters) {
            this(name, sql, List.of(parameters));
        }
    }
}
