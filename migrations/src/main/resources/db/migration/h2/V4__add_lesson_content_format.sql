-- Course packages of format 2 carry lesson bodies in Markdown or in HTML (docs/course-package.md).
-- The player must know which one it holds to show it: Markdown is rendered with raw HTML escaped,
-- HTML is reduced to a safe list of elements. Rows written before this migration are Markdown.
--
-- Device-only for now (MirrorExceptions.DEVICE_ONLY_COLUMNS): the server's lessons are all Markdown
-- until it serves HTML lessons too, and then it gains the same column with the same values.
ALTER TABLE course_lessons ADD COLUMN content_format CHARACTER VARYING(10) DEFAULT 'markdown' NOT NULL;
ALTER TABLE course_lessons ADD CONSTRAINT valid_content_format CHECK (content_format IN ('markdown', 'html'));
