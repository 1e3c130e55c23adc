package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.failure.FailureWords;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.SectionOutline;
import edu.sevenp.model.learning.Note;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A course's notes as one Markdown document (issue 10, "Export a course's notes"): the course as the title, a
 * heading per section and lesson in teaching order, each note with its video time and date, oldest first.
 * Lessons without notes are left out; notes from lessons the course no longer has (a republished version removed
 * them) come last, under their own heading and each removed lesson's title marked "(from a removed lesson)", so
 * nothing is dropped. The document's own words (the count, the removed lessons' heading and mark) are in the learner's
 * language, from this package's bundle.
 */
public final class NotesMarkdown {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final Comparator<Note> OLDEST_FIRST = Comparator.comparing(Note::createdAt)
            .thenComparing(note -> note.id().value());

    private static final FailureWords WORDS = FailureWords.of(NotesMarkdown.class);

    private final ZoneId zone;
    private final Locale locale;

    public NotesMarkdown(ZoneId zone, Locale locale) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    public String render(CourseOutline outline, List<Note> notes) {
        List<Note> oldestFirst = notes.stream().sorted(OLDEST_FIRST).toList();
        Map<LessonId, List<Note>> byLesson = oldestFirst.stream().filter(note -> !note.fromRemovedLesson())
                .collect(Collectors.groupingBy(Note::lessonId, LinkedHashMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder();
        out.append("# ").append(inline(outline.course().title())).append("\n\n");
        out.append(WORDS.text(locale, "notesExport.count", notes.size())).append('\n');
        for (SectionOutline section : outline.sections()) {
            List<Lesson> withNotes = section.lessons().stream().filter(lesson -> byLesson.containsKey(lesson.id())).toList();
            if (withNotes.isEmpty()) {
                continue;
            }
            out.append("\n## ").append(inline(section.section().title())).append('\n');
            for (Lesson lesson : withNotes) {
                out.append("\n### ").append(inline(lesson.title())).append("\n\n");
                byLesson.get(lesson.id()).forEach(note -> item(out, note));
            }
        }
        // Notes from lessons a republished version removed, under the title each lesson had, in the order written;
        // then any note on a lesson this outline does not list, so that nothing is dropped.
        Map<String, List<Note>> byRemovedLesson = oldestFirst.stream().filter(Note::fromRemovedLesson)
                .collect(Collectors.groupingBy(Note::removedLessonTitle, LinkedHashMap::new, Collectors.toList()));
        Set<LessonId> inCourse = outline.lessonsInOrder().stream().map(Lesson::id).collect(Collectors.toSet());
        List<Note> unlisted = new ArrayList<>();
        byLesson.forEach((lesson, its) -> {
            if (!inCourse.contains(lesson)) {
                unlisted.addAll(its);
            }
        });
        if (!byRemovedLesson.isEmpty() || !unlisted.isEmpty()) {
            out.append("\n## ").append(WORDS.text(locale, "notesExport.removedLessons")).append('\n');
            byRemovedLesson.forEach((title, its) -> {
                out.append("\n### ").append(WORDS.text(locale, "notesExport.removedLesson", inline(title))).append("\n\n");
                its.forEach(note -> item(out, note));
            });
            if (!unlisted.isEmpty()) {
                out.append('\n');
                unlisted.forEach(note -> item(out, note));
            }
        }
        return out.toString();
    }

    private void item(StringBuilder out, Note note) {
        out.append("- ");
        if (note.timestampInVideo() != null) {
            out.append("**[").append(videoTime(note.timestampInVideo())).append("]** ");
        }
        // Continuation lines are indented so that a multi-line note stays one list item.
        out.append(note.content().strip().replace("\r\n", "\n").replace("\n", "\n  "));
        out.append(" _(").append(DAY.format(note.createdAt().atZoneSameInstant(zone))).append(")_\n");
    }

    /** {@code 4:05} below an hour, {@code 1:02:30} from an hour on: how the player writes a video time. */
    public static String videoTime(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative, was " + seconds);
        }
        int hours = seconds / 3600;
        int minutes = seconds % 3600 / 60;
        int rest = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }

    /** A title on one line, its Markdown characters that would start a heading or list escaped. */
    private static String inline(String title) {
        String line = title.replaceAll("\\s+", " ").strip();
        return line.startsWith("#") || line.startsWith("-") ? "\\" + line : line;
    }
}
