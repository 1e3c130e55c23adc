-- A note outlives its lesson (issue 11; docs/schema-notes.md, "A note outlives its lesson").
--
-- Republishing a course without a lesson deleted the learners' notes on it: user_notes_lesson_fkey
-- cascaded, and the deletions reached every device. Now, just before a lesson row goes, its notes are
-- detached: lesson_id becomes NULL and removed_lesson_title keeps the lesson's title as it was. The
-- detaching is an ordinary UPDATE, so the change feed carries it to devices as an update, never as a
-- tombstone. Progress and bookmarks on the lesson still go with it (their keys cascade, unchanged).

ALTER TABLE user_notes ADD COLUMN removed_lesson_title VARCHAR(200);
ALTER TABLE user_notes ALTER COLUMN lesson_id DROP NOT NULL;

-- NO ACTION instead of CASCADE: a lesson may go only once no note points at it, which the trigger below
-- sees to. Should anything delete a lesson around the trigger, the delete fails instead of losing notes.
ALTER TABLE user_notes DROP CONSTRAINT user_notes_lesson_fkey;
ALTER TABLE user_notes ADD CONSTRAINT user_notes_lesson_fkey FOREIGN KEY (lesson_id, course_id)
  REFERENCES course_lessons (id, course_id);
-- With lesson_id NULL the composite key checks nothing (MATCH SIMPLE): the course gets a key of its own.
-- A course deleted as a whole takes its notes along, as before.
ALTER TABLE user_notes ADD CONSTRAINT user_notes_course_fkey FOREIGN KEY (course_id)
  REFERENCES courses (id) ON DELETE CASCADE;
CREATE INDEX idx_user_notes_course ON user_notes (course_id);
-- A note is on a lesson, or is from a removed one and says which: never neither, never both.
ALTER TABLE user_notes ADD CONSTRAINT note_on_lesson_or_from_removed_one
  CHECK ((lesson_id IS NULL) = (removed_lesson_title IS NOT NULL));

-- The instructor who publishes cannot see learners' notes (row-level security), so the owner detaches
-- them: SECURITY DEFINER, with a policy of its own on the FORCEd table.
CREATE FUNCTION detach_notes_of_removed_lesson() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  UPDATE public.user_notes SET lesson_id = NULL, removed_lesson_title = OLD.title
   WHERE lesson_id = OLD.id;
  RETURN OLD;
END
$$;

CREATE POLICY owner_detaches_notes_of_removed_lessons ON user_notes FOR UPDATE TO CURRENT_USER
  USING (lesson_id IS NOT NULL) WITH CHECK (lesson_id IS NULL);

-- Row-level, BEFORE: also for lessons deleted by a cascade (a section or a course removed).
CREATE TRIGGER detach_notes_of_removed_lesson BEFORE DELETE ON course_lessons
  FOR EACH ROW EXECUTE FUNCTION detach_notes_of_removed_lesson();

-- A conflict copy of a note from a removed lesson (the server's merge, as the learner) is from that lesson
-- too: it takes the title from the note it lost to, which the learner may not write themselves (no column
-- privilege). Any other note without a lesson stays without a title and fails the check above.
CREATE FUNCTION copy_removed_lesson_title() RETURNS TRIGGER
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  SELECT n.removed_lesson_title INTO NEW.removed_lesson_title
    FROM public.user_notes n
   WHERE n.id = NEW.conflict_of AND n.user_id = NEW.user_id AND n.course_id = NEW.course_id
     AND n.lesson_id IS NULL;
  RETURN NEW;
END
$$;

CREATE TRIGGER copy_removed_lesson_title BEFORE INSERT ON user_notes
  FOR EACH ROW WHEN (NEW.lesson_id IS NULL AND NEW.conflict_of IS NOT NULL)
  EXECUTE FUNCTION copy_removed_lesson_title();

-- A note written offline on a lesson that a republish removed before the note arrived is kept the same way:
-- from the removed lesson, with the title of the last published version that had it (content_versions keeps
-- each version's manifest). SECURITY DEFINER to read the versions; the row policies still decide on the row
-- it makes (the learner must be entitled to the course), and a lesson no version of the course ever had is
-- left to the key, which refuses it.
CREATE FUNCTION keep_note_on_removed_lesson() RETURNS TRIGGER
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_title TEXT;
BEGIN
  IF EXISTS (SELECT 1 FROM public.course_lessons WHERE id = NEW.lesson_id) THEN
    RETURN NEW;
  END IF;
  SELECT l.value ->> 'title' INTO v_title
    FROM public.content_versions v,
         jsonb_array_elements(v.content_data -> 'manifest' -> 'sections') s,
         jsonb_array_elements(s.value -> 'lessons') l
   WHERE v.content_id = NEW.course_id AND v.content_type = 'course'
     AND l.value ->> 'id' = NEW.lesson_id::text
   ORDER BY v.version_number DESC
   LIMIT 1;
  IF v_title IS NOT NULL THEN
    NEW.lesson_id := NULL;
    NEW.removed_lesson_title := left(v_title, 200);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER keep_note_on_removed_lesson BEFORE INSERT ON user_notes
  FOR EACH ROW WHEN (NEW.lesson_id IS NOT NULL)
  EXECUTE FUNCTION keep_note_on_removed_lesson();
