package edu.sevenp.desktop.ui.search;

import edu.sevenp.desktop.learning.CourseService;
import edu.sevenp.desktop.learning.PlaceTitles;
import edu.sevenp.desktop.search.HitType;
import edu.sevenp.desktop.search.SearchHit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Says where each hit is, from the titles of the courses, sections and lessons it names. A hit carries ids only; the
 * titles are read for each search, in three queries for all its hits (not a course outline per course hit, which
 * made most of the time from the last key to the results), so they are never stale after an import.
 */
final class HitContexts {

    private static final String SEPARATOR = " › ";

    private final CourseService courses;

    HitContexts(CourseService courses) {
        this.courses = Objects.requireNonNull(courses, "courses");
    }

    /** The rows for {@code hits}, in their order. Blocks: call it on a background executor. */
    List<SearchRow> rows(List<SearchHit> hits) {
        if (hits.isEmpty()) {
            return List.of();
        }
        PlaceTitles titles = courses.titles(
                hits.stream().map(SearchHit::course).collect(Collectors.toSet()),
                hits.stream().filter(hit -> hit.type() == HitType.LESSON && hit.section() != null)
                        .map(SearchHit::section).collect(Collectors.toSet()),
                hits.stream().filter(hit -> hit.type() != HitType.LESSON && hit.lesson() != null)
                        .map(SearchHit::lesson).collect(Collectors.toSet()));
        return hits.stream().map(hit -> new SearchRow(hit, context(hit, titles))).toList();
    }

    private static String context(SearchHit hit, PlaceTitles titles) {
        Optional<String> course = titles.course(hit.course());
        if (course.isEmpty()) {
            return "";
        }
        Optional<String> inside = hit.type() == HitType.LESSON ? titles.section(hit.section()) : titles.lesson(hit.lesson());
        // A note's title is already its lesson's title: do not say it twice.
        Optional<String> shown = inside.filter(text -> !(hit.type() == HitType.NOTE && text.equals(hit.title())));
        return String.join(SEPARATOR, Stream.concat(course.stream(), shown.stream()).toList());
    }
}
