-- The RLS fixture, loaded as the superuser (which bypasses row-level security).
--
-- Every row has a label; pg_temp.fx(label) gives the label's UUID (made on first use) and the temporary
-- table fx lets the test map UUIDs it reads back to labels.
--
-- People:   A (learner, entitled to I1's paid course: enrolled and bought it; not enrolled in the free one),
--           B (learner, not entitled to anything), I1 (instructor of paid, free and draft),
--           I2 (instructor of other, an unpublished course), ADM (administrator).
-- Courses:  paid (I1, published, 49.00), free (I1, published, free), draft (I1, draft), other (I2, draft).

CREATE TEMPORARY TABLE fx (label TEXT PRIMARY KEY, id UUID NOT NULL UNIQUE DEFAULT gen_random_uuid());

CREATE FUNCTION pg_temp.fx(p_label TEXT) RETURNS UUID LANGUAGE sql AS $$
  INSERT INTO pg_temp.fx (label) VALUES (p_label) ON CONFLICT (label) DO NOTHING;
  SELECT id FROM pg_temp.fx WHERE label = p_label;
$$;

INSERT INTO fx (label, id) SELECT 'role:' || name, id FROM roles;

-- People --------------------------------------------------------------------------------------------
INSERT INTO users (id, email, name, bio) VALUES
  (pg_temp.fx('A'),   'a@rls.test',   'Learner A',    'Learns SQL'),
  (pg_temp.fx('B'),   'b@rls.test',   'Learner B',    NULL),
  (pg_temp.fx('I1'),  'i1@rls.test',  'Instructor 1', 'Teaches SQL'),
  (pg_temp.fx('I2'),  'i2@rls.test',  'Instructor 2', NULL),
  (pg_temp.fx('ADM'), 'adm@rls.test', 'Admin',        NULL);

INSERT INTO user_roles (id, user_id, role_id) VALUES
  (pg_temp.fx('A:learner'),      pg_temp.fx('A'),   pg_temp.fx('role:learner')),
  (pg_temp.fx('B:learner'),      pg_temp.fx('B'),   pg_temp.fx('role:learner')),
  (pg_temp.fx('I1:instructor'),  pg_temp.fx('I1'),  pg_temp.fx('role:instructor')),
  (pg_temp.fx('I2:instructor'),  pg_temp.fx('I2'),  pg_temp.fx('role:instructor')),
  (pg_temp.fx('ADM:admin'),      pg_temp.fx('ADM'), pg_temp.fx('role:admin'));

INSERT INTO user_addresses (id, user_id, type, city, country, encrypted_details) VALUES
  (pg_temp.fx('A.billing'), pg_temp.fx('A'), 'billing', 'Lisbon', 'PT', '\x00'),
  (pg_temp.fx('B.home'),    pg_temp.fx('B'), 'home',    'Porto',  'PT', '\x00');

INSERT INTO user_preferences (id, user_id, category, key, value) VALUES
  (pg_temp.fx('A.pref'), pg_temp.fx('A'), 'player', 'speed', '1.5'),
  (pg_temp.fx('B.pref'), pg_temp.fx('B'), 'player', 'speed', '1.0');

INSERT INTO user_credentials (user_id, password_hash) VALUES
  (pg_temp.fx('A'), '$argon2id$v=19$m=65536,t=3,p=1$aaaa$bbbb'),
  (pg_temp.fx('B'), '$argon2id$v=19$m=65536,t=3,p=1$cccc$dddd');

INSERT INTO devices (id, user_id, name, platform) VALUES
  (pg_temp.fx('A.laptop'), pg_temp.fx('A'), 'A''s laptop', 'linux'),
  (pg_temp.fx('B.laptop'), pg_temp.fx('B'), 'B''s laptop', 'windows');

INSERT INTO refresh_tokens (id, user_id, device_id, token_hash, expires_at) VALUES
  (pg_temp.fx('A.token'), pg_temp.fx('A'), pg_temp.fx('A.laptop'), sha256('a-token'), now() + interval '30 days');

-- A change of A's laptop that the server rejected (V18): answered again with its reason on a replay.
INSERT INTO sync_rejections (device_id, seq, user_id, code, message) VALUES
  (pg_temp.fx('A.laptop'), 7, pg_temp.fx('A'), 'not_entitled', 'fixture rejection');

-- Catalog -------------------------------------------------------------------------------------------
INSERT INTO course_categories (id, name, slug, is_active) VALUES
  (pg_temp.fx('cat.active'),  'Databases', 'databases', TRUE),
  (pg_temp.fx('cat.retired'), 'Flash',     'flash',     FALSE);

INSERT INTO course_tags (id, name, slug) VALUES
  (pg_temp.fx('tag.sql'),  'SQL',  'sql'),
  (pg_temp.fx('tag.java'), 'Java', 'java');

INSERT INTO courses (id, title, slug, instructor_id, category_id, status, is_free, price, published_at) VALUES
  (pg_temp.fx('paid'),  'Paid SQL',   'paid-sql',   pg_temp.fx('I1'), pg_temp.fx('cat.active'), 'published', FALSE, 49.00, now()),
  (pg_temp.fx('free'),  'Free SQL',   'free-sql',   pg_temp.fx('I1'), pg_temp.fx('cat.active'), 'published', TRUE,  0,     now()),
  (pg_temp.fx('draft'), 'Draft SQL',  'draft-sql',  pg_temp.fx('I1'), NULL,                     'draft',     TRUE,  0,     NULL),
  (pg_temp.fx('other'), 'Other Java', 'other-java', pg_temp.fx('I2'), NULL,                     'draft',     TRUE,  0,     NULL);

INSERT INTO course_tag_mappings (course_id, tag_id) VALUES
  (pg_temp.fx('paid'),  pg_temp.fx('tag.sql')),
  (pg_temp.fx('draft'), pg_temp.fx('tag.sql')),
  (pg_temp.fx('other'), pg_temp.fx('tag.java'));

-- paid.s2 is a preview section: its lessons are previews without their own flag.
INSERT INTO course_sections (id, course_id, title, order_index, is_preview) VALUES
  (pg_temp.fx('paid.s1'),  pg_temp.fx('paid'),  'Basics',  1, FALSE),
  (pg_temp.fx('paid.s2'),  pg_temp.fx('paid'),  'Sampler', 2, TRUE),
  (pg_temp.fx('free.s1'),  pg_temp.fx('free'),  'Basics',  1, FALSE),
  (pg_temp.fx('draft.s1'), pg_temp.fx('draft'), 'Basics',  1, FALSE),
  (pg_temp.fx('other.s1'), pg_temp.fx('other'), 'Basics',  1, FALSE);

-- draft.l1 is marked as a preview, but its course is not published: still hidden.
INSERT INTO course_lessons (id, course_id, section_id, title, slug, content, video_duration, order_index, is_preview) VALUES
  (pg_temp.fx('paid.intro'), pg_temp.fx('paid'),  pg_temp.fx('paid.s1'),  'Intro',    'intro',    'intro content',  300, 1, TRUE),
  (pg_temp.fx('paid.body'),  pg_temp.fx('paid'),  pg_temp.fx('paid.s1'),  'Joins',    'joins',    'paid content',   900, 2, FALSE),
  (pg_temp.fx('paid.bonus'), pg_temp.fx('paid'),  pg_temp.fx('paid.s2'),  'Sampler',  'sampler',  'sampler content', 60, 1, FALSE),
  (pg_temp.fx('free.l1'),    pg_temp.fx('free'),  pg_temp.fx('free.s1'),  'Select',   'select',   'free content',   600, 1, FALSE),
  (pg_temp.fx('draft.l1'),   pg_temp.fx('draft'), pg_temp.fx('draft.s1'), 'Upcoming', 'upcoming', 'draft content',  100, 1, TRUE),
  (pg_temp.fx('other.l1'),   pg_temp.fx('other'), pg_temp.fx('other.s1'), 'Streams',  'streams',  'other content',  100, 1, FALSE);

INSERT INTO course_resources (id, course_id, lesson_id, title, file_url) VALUES
  (pg_temp.fx('paid.intro.pdf'),  pg_temp.fx('paid'), pg_temp.fx('paid.intro'), 'Intro slides', 'https://cdn.rls.test/intro.pdf'),
  (pg_temp.fx('paid.body.pdf'),   pg_temp.fx('paid'), pg_temp.fx('paid.body'),  'Join cheat sheet', 'https://cdn.rls.test/joins.pdf'),
  (pg_temp.fx('paid.course.zip'), pg_temp.fx('paid'), NULL,                     'All exercises', 'https://cdn.rls.test/all.zip');

INSERT INTO course_quizzes (id, course_id, lesson_id, title, quiz_mode, attempts_allowed, is_active) VALUES
  (pg_temp.fx('paid.graded'),   pg_temp.fx('paid'), pg_temp.fx('paid.body'), 'Joins exam',     'graded',   3, TRUE),
  (pg_temp.fx('paid.practice'), pg_temp.fx('paid'), pg_temp.fx('paid.body'), 'Joins practice', 'practice', NULL, TRUE),
  (pg_temp.fx('paid.retired'),  pg_temp.fx('paid'), NULL,                    'Old exam',       'graded',   1, FALSE);

INSERT INTO quiz_questions (id, quiz_id, question_text, question_type, order_index, options, correct_answer, explanation) VALUES
  (pg_temp.fx('graded.q1'),   pg_temp.fx('paid.graded'),   'Which join keeps unmatched left rows?', 'multiple_choice', 1,
     '["INNER", "LEFT", "CROSS"]', '"LEFT"', 'LEFT JOIN keeps every left row.'),
  (pg_temp.fx('practice.q1'), pg_temp.fx('paid.practice'), 'Is CROSS JOIN a Cartesian product?',   'true_false',      1,
     NULL, 'true', 'Every row with every row.');

INSERT INTO content_versions (id, content_id, content_type, version_number, content_data, created_by) VALUES
  (pg_temp.fx('paid.body.v1'), pg_temp.fx('paid.body'), 'lesson', 1, '{"content": "paid content, first draft"}', pg_temp.fx('I1'));

INSERT INTO media_files (id, user_id, course_id, filename, original_filename, file_path, file_size, mime_type, file_hash, visibility) VALUES
  (pg_temp.fx('A.avatar'),      pg_temp.fx('A'),  NULL,              'a.png',    'me.png',    '/m/a.png',    10, 'image/png', repeat('a', 64), 'private'),
  (pg_temp.fx('I1.paid.video'), pg_temp.fx('I1'), pg_temp.fx('paid'), 'joins.mp4', 'joins.mp4', '/m/joins.mp4', 99, 'video/mp4', repeat('b', 64), 'course_only'),
  (pg_temp.fx('I1.logo'),       pg_temp.fx('I1'), NULL,              'logo.png', 'logo.png',  '/m/logo.png', 10, 'image/png', repeat('c', 64), 'public');

-- Commerce ------------------------------------------------------------------------------------------
INSERT INTO subscription_plans (id, name, price, billing_interval, course_limit, is_active) VALUES
  (pg_temp.fx('plan.monthly'), 'Monthly', 15.00, 'monthly', NULL, TRUE),
  (pg_temp.fx('plan.legacy'),  'Legacy',  9.00,  'monthly', NULL, FALSE);

INSERT INTO subscriptions (id, user_id, plan_id, status, current_period_start, current_period_end, canceled_at) VALUES
  (pg_temp.fx('B.sub'), pg_temp.fx('B'), pg_temp.fx('plan.monthly'), 'canceled', now() - interval '60 days',
   now() - interval '30 days', now() - interval '45 days');

INSERT INTO course_purchases (id, user_id, course_id, amount, status) VALUES
  (pg_temp.fx('A.buys.paid'), pg_temp.fx('A'), pg_temp.fx('paid'), 49.00, 'completed');

INSERT INTO payment_transactions (id, user_id, course_purchase_id, subscription_id, amount, transaction_type, status) VALUES
  (pg_temp.fx('A.pays.paid'), pg_temp.fx('A'), pg_temp.fx('A.buys.paid'), NULL,               49.00, 'payment', 'completed'),
  (pg_temp.fx('B.pays.sub'),  pg_temp.fx('B'), NULL,                      pg_temp.fx('B.sub'), 15.00, 'payment', 'completed');

-- Learning records ----------------------------------------------------------------------------------
INSERT INTO enrollments (id, user_id, course_id, status) VALUES
  (pg_temp.fx('A@paid'), pg_temp.fx('A'), pg_temp.fx('paid'), 'active');

-- B's progress and note are on a preview lesson, which B may use without being entitled.
INSERT INTO lesson_progress (id, user_id, lesson_id, course_id, status, progress_percentage) VALUES
  (pg_temp.fx('A@paid.body'),  pg_temp.fx('A'), pg_temp.fx('paid.body'),  pg_temp.fx('paid'), 'in_progress', 40),
  (pg_temp.fx('B@paid.intro'), pg_temp.fx('B'), pg_temp.fx('paid.intro'), pg_temp.fx('paid'), 'in_progress', 10);

INSERT INTO quiz_attempts (id, quiz_id, user_id, attempt_number, status) VALUES
  (pg_temp.fx('A@graded#1'), pg_temp.fx('paid.graded'), pg_temp.fx('A'), 1, 'in_progress');

INSERT INTO course_completions (id, user_id, course_id, rating) VALUES
  (pg_temp.fx('A@paid.done'), pg_temp.fx('A'), pg_temp.fx('paid'), 5);

INSERT INTO user_achievements (id, user_id, achievement_code, title, course_id) VALUES
  (pg_temp.fx('A.first_course'), pg_temp.fx('A'), 'first_course', 'First course completed', pg_temp.fx('paid'));

INSERT INTO user_notes (id, user_id, lesson_id, course_id, content) VALUES
  (pg_temp.fx('A.note'), pg_temp.fx('A'), pg_temp.fx('paid.body'),  pg_temp.fx('paid'), 'LEFT keeps the left side'),
  (pg_temp.fx('B.note'), pg_temp.fx('B'), pg_temp.fx('paid.intro'), pg_temp.fx('paid'), 'looks good');

INSERT INTO user_bookmarks (id, user_id, lesson_id, course_id, title, timestamp_in_video) VALUES
  (pg_temp.fx('A.mark'), pg_temp.fx('A'), pg_temp.fx('paid.body'), pg_temp.fx('paid'), 'the good part', 120);

-- A partition far in the past, so that it cannot collide with partitions the schema creates itself.
CREATE TABLE learning_events_rls_fixture PARTITION OF learning_events
  FOR VALUES FROM ('2001-01-01') TO ('2001-02-01');
INSERT INTO learning_events (id, user_id, course_id, lesson_id, event_type, occurred_at) VALUES
  (pg_temp.fx('A.event'), pg_temp.fx('A'), pg_temp.fx('paid'), pg_temp.fx('paid.body'),  'lesson_opened', '2001-01-10'),
  (pg_temp.fx('B.event'), pg_temp.fx('B'), pg_temp.fx('paid'), pg_temp.fx('paid.intro'), 'lesson_opened', '2001-01-11');

-- The change feed. changed_at in 2001 marks the fixture's rows apart from any a trigger writes.
-- entity_id values are labels of their own, so they are told apart from the rows they stand for.
-- sync.loose is a course-less change of an entity that is not global, as V12 recorded private uploads
-- before V17: only administrators see it.
INSERT INTO sync_changes (user_id, course_id, entity, entity_id, operation, changed_at) VALUES
  (pg_temp.fx('A'), pg_temp.fx('paid'),  'user_notes',     pg_temp.fx('sync.A'),      'U', '2001-01-01'),
  (pg_temp.fx('B'), pg_temp.fx('paid'),  'user_notes',     pg_temp.fx('sync.B'),      'U', '2001-01-01'),
  (NULL,            pg_temp.fx('paid'),  'course_lessons', pg_temp.fx('sync.paid'),   'U', '2001-01-01'),
  (NULL,            pg_temp.fx('draft'), 'course_lessons', pg_temp.fx('sync.draft'),  'U', '2001-01-01'),
  (NULL,            pg_temp.fx('other'), 'course_lessons', pg_temp.fx('sync.other'),  'U', '2001-01-01'),
  (NULL,            NULL,                'course_tags',    pg_temp.fx('sync.global'), 'U', '2001-01-01'),
  (NULL,            NULL,                'media_files',    pg_temp.fx('sync.loose'),  'U', '2001-01-01'),
  (NULL,            pg_temp.fx('sync.gone'), 'courses',    pg_temp.fx('sync.gone'),   'D', '2001-01-01');
