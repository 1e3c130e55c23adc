-- Enough rows for the planner to prefer indexes: 50 instructors teaching 500 courses of 10 lessons,
-- 5,000 learners enrolled in one course each, 50,000 lesson_progress rows. Loaded as the superuser.
INSERT INTO users (id, email, name)
SELECT gen_random_uuid(), 'plan' || g || '@rls.test', 'User ' || g FROM generate_series(1, 5050) g;

CREATE TEMPORARY TABLE numbered_users AS
  SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE email LIKE 'plan%@rls.test';

INSERT INTO user_roles (user_id, role_id)
SELECT u.id, r.id FROM numbered_users u, roles r WHERE u.n <= 50 AND r.name = 'instructor';

INSERT INTO courses (title, slug, instructor_id, status)
SELECT 'Course ' || g, 'plan-course-' || g, u.id, 'published'
FROM generate_series(1, 500) g JOIN numbered_users u ON u.n = 1 + g % 50;

CREATE TEMPORARY TABLE numbered_courses AS
  SELECT id, row_number() OVER (ORDER BY id) AS n FROM courses WHERE slug LIKE 'plan-course-%';

INSERT INTO course_sections (course_id, title, order_index)
SELECT c.id, 'Section ' || s, s FROM numbered_courses c, generate_series(1, 2) s;

INSERT INTO course_lessons (course_id, section_id, title, slug, order_index)
SELECT s.course_id, s.id, 'Lesson ' || l, 's' || s.order_index || '-l' || l, l
FROM course_sections s JOIN numbered_courses c ON c.id = s.course_id, generate_series(1, 5) l;

INSERT INTO enrollments (user_id, course_id)
SELECT u.id, c.id FROM numbered_users u JOIN numbered_courses c ON c.n = 1 + u.n % 500 WHERE u.n > 50;

INSERT INTO lesson_progress (user_id, lesson_id, course_id)
SELECT e.user_id, l.id, l.course_id FROM enrollments e JOIN course_lessons l ON l.course_id = e.course_id;

ANALYZE;
