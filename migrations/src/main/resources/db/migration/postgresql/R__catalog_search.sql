-- Full-text search of the catalog and of lessons (V9's search_document columns and GIN indexes).
--
-- Why functions: under row-level security PostgreSQL does not use a GIN index for a caller's
-- "search_document @@ query". The @@ operator is not LEAKPROOF, so it may not run before the
-- policies' filters, and an index condition would. (FullTextSearchIT shows the plan.) These SECURITY
-- DEFINER functions apply the same visibility rule as the policies themselves, in the query, so the
-- planner combines the index with that rule.
--
-- Ranking: ts_rank over weighted documents (title A, summary B, body C), newest first on ties.
-- Repeatable: changed in place with CREATE OR REPLACE.

-- The tsquery of a search, after checking the arguments both search functions take.
CREATE OR REPLACE FUNCTION search_query(p_query TEXT, p_limit INTEGER) RETURNS tsquery
  LANGUAGE plpgsql IMMUTABLE
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF p_limit IS NULL OR p_limit NOT BETWEEN 1 AND 100 THEN
    RAISE EXCEPTION 'p_limit must be between 1 and 100, was %', p_limit USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_query IS NULL OR length(p_query) NOT BETWEEN 1 AND 200 THEN
    RAISE EXCEPTION 'a search is 1 to 200 characters' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN websearch_to_tsquery('english', p_query);
END
$$;

-- Published courses matching p_query (web-search syntax: words, "phrases", -exclusions, or).
CREATE OR REPLACE FUNCTION search_courses(p_query TEXT, p_limit INTEGER DEFAULT 20)
  RETURNS TABLE (course_id UUID, title VARCHAR, short_description TEXT, rank REAL)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  query tsquery;
BEGIN
  query := search_query(p_query, p_limit);
  RETURN QUERY
    SELECT c.id, c.title, c.short_description, ts_rank(c.search_document, query) AS rank
    FROM public.courses AS c
    WHERE c.search_document @@ query
      AND c.status = 'published'
    ORDER BY rank DESC, c.published_at DESC NULLS LAST, c.id
    LIMIT p_limit;
END
$$;

-- Lessons matching p_query that the caller may read: those of courses they are entitled to
-- (auth.accessible_course_ids(), the rule of the row-level policies; every course for an admin) and
-- preview lessons of published courses. Optionally within one course. The headline is a snippet of
-- the lesson body around the matches, with the matched words between ** and **.
CREATE OR REPLACE FUNCTION search_lessons(p_query TEXT, p_course_id UUID DEFAULT NULL, p_limit INTEGER DEFAULT 20)
  RETURNS TABLE (lesson_id UUID, course_id UUID, title VARCHAR, headline TEXT, rank REAL)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  query tsquery;
  admin BOOLEAN := auth.is_admin();
  entitled UUID[] := auth.accessible_course_ids();
BEGIN
  query := search_query(p_query, p_limit);
  RETURN QUERY
    SELECT found.id, found.course_id, found.title,
           ts_headline('english', coalesce(found.content, ''), query,
                       'StartSel=**, StopSel=**, MaxWords=30, MinWords=12, MaxFragments=2'),
           found.rank
    FROM (
      SELECT l.id, l.course_id, l.title, l.content, ts_rank(l.search_document, query) AS rank
      FROM public.course_lessons AS l
      JOIN public.courses AS c ON c.id = l.course_id
      JOIN public.course_sections AS s ON s.id = l.section_id
      WHERE l.search_document @@ query
        AND (p_course_id IS NULL OR l.course_id = p_course_id)
        AND (admin
             OR l.course_id = ANY (entitled)
             OR (c.status = 'published' AND (l.is_preview OR s.is_preview)))
      ORDER BY rank DESC, l.id
      LIMIT p_limit
    ) AS found
    ORDER BY found.rank DESC, found.id;
END
$$;

-- One page of the catalog (docs/sync-protocol.md, section 5): published courses, optionally matching
-- p_query (web-search syntax), in a category or any of its active sub-categories (by slug; an unknown
-- slug matches nothing), of a difficulty and language, free or paid; sorted by p_sort (relevance, newest,
-- rating, popular; relevance without a query is newest), p_limit rows from p_offset. Every row carries
-- the number of matching courses (total) and its place in the order (ordinal); a page past the end is
-- one row with course_id NULL, so that the total still arrives.
--
-- The query runs through EXECUTE with its values as parameters (the text is a constant: nothing from
-- the caller is built into it). EXECUTE plans it for these very values, so the filters that are absent
-- fold away and "search_document @@ query" can use the GIN index; a cached generic plan of
-- "(query IS NULL OR search_document @@ query)" could not.
CREATE OR REPLACE FUNCTION catalog_courses(p_query TEXT, p_category TEXT, p_difficulty TEXT, p_language TEXT,
    p_free BOOLEAN, p_sort TEXT, p_offset INTEGER, p_limit INTEGER)
  RETURNS TABLE (course_id UUID, rank REAL, total BIGINT, ordinal BIGINT)
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_query tsquery;
  v_categories UUID[];
BEGIN
  IF p_limit IS NULL OR p_limit NOT BETWEEN 1 AND 100 THEN
    RAISE EXCEPTION 'p_limit must be between 1 and 100, was %', p_limit USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_offset IS NULL OR p_offset < 0 THEN
    RAISE EXCEPTION 'p_offset must be 0 or more, was %', p_offset USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_sort IS NULL OR p_sort NOT IN ('relevance', 'newest', 'rating', 'popular') THEN
    RAISE EXCEPTION 'p_sort must be relevance, newest, rating or popular' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_query IS NOT NULL THEN
    v_query := search_query(p_query, p_limit);
  END IF;
  IF p_category IS NOT NULL THEN
    WITH RECURSIVE tree AS (
      SELECT cc.id FROM public.course_categories AS cc WHERE cc.slug = p_category AND cc.is_active
      UNION
      SELECT cc.id FROM public.course_categories AS cc JOIN tree ON cc.parent_id = tree.id WHERE cc.is_active
    )
    SELECT coalesce(array_agg(tree.id), '{}') INTO v_categories FROM tree;
  END IF;

  RETURN QUERY EXECUTE $query$
    WITH matches AS MATERIALIZED (
      SELECT c.id, c.published_at, c.average_rating, c.review_count, c.enrollment_count,
             CASE WHEN $1 IS NULL THEN 0 ELSE ts_rank(c.search_document, $1) END AS rank
      FROM public.courses AS c
      WHERE c.status = 'published'
        AND ($1 IS NULL OR c.search_document @@ $1)
        AND ($2 IS NULL OR c.category_id = ANY ($2))
        AND ($3 IS NULL OR c.difficulty = $3)
        AND ($4 IS NULL OR c.language = $4)
        AND ($5 IS NULL OR c.is_free = $5)
    ),
    page AS (
      SELECT m.id, m.rank,
             row_number() OVER (ORDER BY
               CASE WHEN $6 = 'relevance' THEN m.rank END DESC NULLS LAST,
               CASE WHEN $6 = 'rating' THEN m.average_rating END DESC NULLS LAST,
               CASE WHEN $6 = 'rating' THEN m.review_count END DESC NULLS LAST,
               CASE WHEN $6 = 'popular' THEN m.enrollment_count END DESC NULLS LAST,
               m.published_at DESC NULLS LAST, m.id) AS ordinal
      FROM matches AS m
    )
    SELECT p.id, p.rank::REAL, counted.total, p.ordinal
    FROM (SELECT count(*) AS total FROM matches) AS counted
    LEFT JOIN page AS p ON p.ordinal > $7 AND p.ordinal <= $7 + $8
    ORDER BY p.ordinal
  $query$ USING v_query, v_categories, p_difficulty, p_language, p_free, p_sort, p_offset::BIGINT, p_limit::BIGINT;
END
$$;

-- The size of courses the caller may see (published, entitled, or every course for an administrator):
-- lessons, active quizzes, and the bytes a player downloads to have the course offline, i.e. the course's
-- media files that travel with it (course_only or public; each SHA-256 once, since media is
-- content-addressed) plus the resources that are not stored media files. Definer, because row-level
-- security hides the files and lessons of a paid course from those who have not bought it, and the
-- catalog shows its size to everyone.
CREATE OR REPLACE FUNCTION catalog_course_sizes(p_course_ids UUID[])
  RETURNS TABLE (course_id UUID, lesson_count INTEGER, quiz_count INTEGER, download_bytes BIGINT)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT c.id,
         (SELECT count(*) FROM public.course_lessons AS l WHERE l.course_id = c.id)::INTEGER,
         (SELECT count(*) FROM public.course_quizzes AS q WHERE q.course_id = c.id AND q.is_active)::INTEGER,
         (coalesce((SELECT sum(f.file_size)
                    FROM (SELECT DISTINCT ON (m.file_hash) m.file_size
                          FROM public.media_files AS m
                          WHERE m.course_id = c.id AND m.visibility <> 'private'
                          ORDER BY m.file_hash) AS f), 0)
          + coalesce((SELECT sum(r.file_size) FROM public.course_resources AS r
                      WHERE r.course_id = c.id AND r.media_file_id IS NULL), 0))::BIGINT
  FROM public.courses AS c
  WHERE c.id = ANY (p_course_ids)
    AND (c.status = 'published' OR c.id = ANY ((SELECT auth.accessible_course_ids())::UUID[]) OR (SELECT auth.is_admin()))
$$;

REVOKE ALL ON FUNCTION search_query(TEXT, INTEGER), search_courses(TEXT, INTEGER),
  search_lessons(TEXT, UUID, INTEGER),
  catalog_courses(TEXT, TEXT, TEXT, TEXT, BOOLEAN, TEXT, INTEGER, INTEGER), catalog_course_sizes(UUID[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_courses(TEXT, INTEGER), search_lessons(TEXT, UUID, INTEGER),
  catalog_courses(TEXT, TEXT, TEXT, TEXT, BOOLEAN, TEXT, INTEGER, INTEGER), catalog_course_sizes(UUID[])
  TO ${request_role};
