package edu.sevenp.desktop.sync.e2e;

import edu.sevenp.server.testing.Catalog;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the learner's rows on the server say, without ids, times and versions: what two runs of one scenario must
 * agree on however their changes travelled and whatever the devices' clocks said. Lessons are named by their place.
 */
record Outcome(List<String> notes, List<String> bookmarks, List<String> progress, List<String> enrollments,
        List<String> attempts) {

    static Outcome of(LearnerRows rows, Catalog.Course course) {
        Function<String, String> lesson = id -> "L" + course.lessons().indexOf(UUID.fromString(id));
        return new Outcome(
                sorted(rows.table("user_notes"), row -> lesson.apply(row.get("lesson_id")) + " " + row.get("content")
                        + (row.get("conflict_of").equals("∅") ? "" : " (conflict copy)")),
                sorted(rows.table("user_bookmarks"), row -> lesson.apply(row.get("lesson_id")) + " " + row.get("title")),
                sorted(rows.table("lesson_progress"), row -> lesson.apply(row.get("lesson_id")) + " " + row.get("status")
                        + " " + row.get("progress_percentage") + "% " + row.get("total_time_spent") + "s at "
                        + row.get("last_position")),
                sorted(rows.table("enrollments"), row -> row.get("status") + " " + row.get("progress") + "%"),
                sorted(rows.table("quiz_attempts"), row -> "#" + row.get("attempt_number") + " " + row.get("status") + " "
                        + row.get("score")));
    }

    private static List<String> sorted(Map<UUID, Map<String, String>> rows, Function<Map<String, String>, String> text) {
        return rows.values().stream().map(text).sorted().toList();
    }
}
