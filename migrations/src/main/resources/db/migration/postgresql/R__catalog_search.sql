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

REVOKE ALL ON FUNCTION search_query(TEXT, INTEGER), search_courses(TEXT, INTEGER),
  search_lessons(TEXT, UUID, INTEGER) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_courses(TEXT, INTEGER), search_lessons(TEXT, UUID, INTEGER) TO ${request_role};
