package edu.sevenp.desktop.ui.search;

import edu.sevenp.desktop.learning.CourseProgressOutline;
import edu.sevenp.desktop.learning.CourseService;
import edu.sevenp.desktop.search.HitType;
import edu.sevenp.desktop.search.SearchHit;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.SectionOutline;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Says where each hit is, from the outlines of the courses it names. A hit carries ids only; the titles
 * are read once per course per search, so they are never stale after an import.
 */
final class HitContexts {

    private static final String SEPARATOR = " › ";

    private final CourseService courses;

    HitContexts(CourseService courses) {
        this.courses = Objects.requireNonNull(courses, "courses");
    }

    /** The rows for {@code hits}, in their order. Blocks: call it on the background executor. */
    List<SearchRow> rows(List<SearchHit> hits) {
        Map<CourseId, Optional<CourseOutline>> outlines = new HashMap<>();
        return hits.stream().map(hit -> new SearchRow(hit, context(hit, outlines.computeIfAbsent(hit.course(),
                course -> courses.outline(course).map(CourseProgressOutline::outline))))).toList();
    }

    private static String context(SearchHit hit, Optional<CourseOutline> outline) {
        if (outline.isEmpty()) {
            return "";
        }
        CourseOutline course = outline.get();
        Optional<String> inside = hit.type() == HitType.LESSON
                ? course.sections().stream().filter(section -> section.section().id().equals(hit.section()))
                        .map(SectionOutline::section).map(section -> section.title()).findFirst()
                : course.lessonsInOrder().stream().filter(lesson -> lesson.id().equals(hit.lesson()))
                        .map(lesson -> lesson.title()).findFirst();
        // A note's title is already its lesson's title: do not say it twice.
        Optional<String> shown = inside.filter(text -> !(hit.type() == HitType.NOTE && text.equals(hit.title())));
        return String.join(SEPARATOR, Stream.concat(Stream.of(course.course().title()), shown.stream()).toList());
    }
}
