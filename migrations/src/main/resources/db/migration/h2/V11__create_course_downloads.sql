-- What the learner chose about a server course's copy on this computer (docs/sync-client.md, "Course
-- downloads"). Local only: another device of the same learner keeps its own copy, or none. No row means
-- the course is kept here in full, its content and its media, as every synced course always was.
--   paused   the learner cancelled the download of its media: what arrived stays (download parts too, so it
--            resumes where it stopped); no more of its media is fetched until the learner resumes
--   removed  the learner removed the download: the course's content and media are gone from this computer,
--            its outline stays so that the learner's notes, bookmarks, progress and attempts keep their
--            places; the changes its stream brings are passed over (the cursor still moves) until the
--            learner downloads it again, which asks the server for a full copy
CREATE TABLE course_downloads (
  course_id   UUID PRIMARY KEY,
  state       CHARACTER VARYING(20) NOT NULL,
  changed_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,

  CONSTRAINT course_downloads_course_fkey FOREIGN KEY (course_id) REFERENCES courses (id) ON DELETE CASCADE,
  CONSTRAINT valid_course_download_state CHECK (state IN ('paused', 'removed'))
);
