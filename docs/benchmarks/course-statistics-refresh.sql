-- How long REFRESH MATERIALIZED VIEW CONCURRENTLY course_statistics takes at a realistic volume.
-- A benchmark, not a test: it prints figures and passes or fails nothing.
--
-- Run it with psql in a scratch database migrated to V13 or later, as a superuser (forced row-level
-- security would stop the owner's inserts). It inserts about a million rows and commits them, so never
-- run it in a database with real data:
--
--   psql -v ON_ERROR_STOP=1 -d scratch -U postgres -f docs/benchmarks/course-statistics-refresh.sql
--
-- Volume: 200 instructors, 100,000 learners, 2,000 courses (1,800 published), 500,000 enrollments,
-- 150,000 completions (80% rated), 300,000 purchases in all four statuses, a tenth of them in a
-- currency other than the course's. Figures: docs/schema-notes/statistics-and-functions.md.
\timing on
SELECT setseed(0.42);

INSERT INTO users (id, email, name)
SELECT gen_random_uuid(), 'bench' || g || '@example.org', 'Bench ' || g
FROM generate_series(1, 100200) g;

CREATE TEMP TABLE bench_users AS SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE email LIKE 'bench%';

INSERT INTO courses (id, title, slug, instructor_id, status, currency, published_at)
SELECT gen_random_uuid(), 'Bench course ' || g, 'bench-course-' || g, u.id,
       CASE WHEN g % 10 = 0 THEN 'draft' ELSE 'published' END,
       CASE WHEN g % 3 = 0 THEN 'EUR' ELSE 'USD' END,
       now() - (g || ' hours')::interval
FROM generate_series(1, 2000) g
JOIN bench_users u ON u.n = 1 + g % 200;

CREATE TEMP TABLE bench_courses AS SELECT id, currency, row_number() OVER (ORDER BY slug) AS n FROM courses WHERE slug LIKE 'bench-course-%';

-- 500,000 distinct (learner, course) pairs: learner k takes courses k*7+i (i = 0..4) modulo 2000.
INSERT INTO enrollments (user_id, course_id, status, progress, completed_at)
SELECT u.id, c.id, s.status, round((random() * 100)::numeric, 2), CASE WHEN s.status = 'completed' THEN now() END
FROM generate_series(201, 100200) k
CROSS JOIN generate_series(0, 4) i
JOIN bench_users u ON u.n = k
JOIN bench_courses c ON c.n = 1 + (k * 7 + i) % 2000
CROSS JOIN LATERAL (SELECT (ARRAY['active', 'completed', 'dropped', 'expired'])[1 + floor(random() * 4)::int] AS status) s;

INSERT INTO course_completions (user_id, course_id, rating)
SELECT e.user_id, e.course_id, CASE WHEN random() < 0.8 THEN 1 + floor(random() * 5)::int END
FROM enrollments e
WHERE random() < 0.3;

INSERT INTO course_purchases (user_id, course_id, amount, currency, status)
SELECT e.user_id, e.course_id, round((random() * 200)::numeric, 2),
       CASE WHEN random() < 0.9 THEN c.currency ELSE 'GBP' END,
       (ARRAY['pending', 'completed', 'completed', 'failed', 'refunded'])[1 + floor(random() * 5)::int]
FROM enrollments e
JOIN bench_courses c ON c.id = e.course_id
WHERE random() < 0.6;

ANALYZE users, courses, enrollments, course_completions, course_purchases;

SELECT (SELECT count(*) FROM courses WHERE status = 'published') AS published_courses,
       (SELECT count(*) FROM enrollments) AS enrollments,
       (SELECT count(*) FROM course_completions) AS completions,
       (SELECT count(*) FROM course_purchases) AS purchases;

-- First refresh after a bulk load (every row new), then two refreshes with little changed, the
-- steady state of a 15-minute schedule.
SELECT refresh_course_statistics();
INSERT INTO enrollments (user_id, course_id)
SELECT u.id, c.id FROM bench_users u JOIN bench_courses c ON c.n = 1 + (u.n * 13) % 2000
WHERE u.n BETWEEN 1000 AND 1999
ON CONFLICT DO NOTHING;
SELECT refresh_course_statistics();
SELECT refresh_course_statistics();
-- For comparison: the same refresh without CONCURRENTLY (blocks readers while it runs).
REFRESH MATERIALIZED VIEW course_statistics;
