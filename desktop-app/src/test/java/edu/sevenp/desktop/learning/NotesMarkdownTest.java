package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.model.ContentType;
import edu.sevenp.model.Course;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.Difficulty;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.Section;
import edu.sevenp.model.SectionId;
import edu.sevenp.model.SectionOutline;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Note;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotesMarkdownTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-03-02T09:00:00Z");
    private static final CourseId COURSE = new CourseId(UUID.randomUUID());
    private static final UserId LEARNER = new UserId(UUID.randomUUID());

    private final SectionId basics = new SectionId(UUID.randomUUID());
    private final SectionId design = new SectionId(UUID.randomUUID());
    private final Lesson tables = lesson(basics, "Tables, Rows and Columns", 1);
    private final Lesson keys = lesson(basics, "# Keys: Identifying Every Row", 2);
    private final Lesson normalisation = lesson(design, "Normalisation", 1);
    private final CourseOutline outline = new CourseOutline(
            new Course(COURSE, "sql", "Relational Databases", null, null, Difficulty.BEGINNER, "en"),
            List.of(new SectionOutline(new Section(basics, COURSE, "Basics", null, 1), List.of(tables, keys)),
                    new SectionOutline(new Section(design, COURSE, "Design", null, 2), List.of(normalisation))));

    private final NotesMarkdown markdown = new NotesMarkdown(ZoneOffset.UTC, Locale.ENGLISH);

    @Test
    void notesFollowTheCourseSectionsAndLessonsOldestFirstWithTheirVideoTimes() {
        String text = markdown.render(outline, List.of(
                note(keys, "Second on keys", null, MONDAY.plusDays(1)),
                note(tables, "A table has rows", 3725, MONDAY.plusDays(2)),
                note(keys, "First on keys", 65, MONDAY)));

        assertThat(text).isEqualTo("""
                # Relational Databases

                My notes: 3 notes.

                ## Basics

                ### Tables, Rows and Columns

                - **[1:02:05]** A table has rows _(2026-03-04)_

                ### \\# Keys: Identifying Every Row

                - **[1:05]** First on keys _(2026-03-02)_
                - Second on keys _(2026-03-03)_
                """);
    }

    @Test
    void aNoteOfSeveralLinesStaysOneItemAndANoteOfARemovedLessonIsKeptAtTheEnd() {
        Lesson removed = lesson(design, "Gone", 9);

        String text = markdown.render(outline, List.of(
                note(normalisation, "Line one\nline two", null, MONDAY),
                note(removed, "Still mine", null, MONDAY)));

        assertThat(text).contains("### Normalisation\n\n- Line one\n  line two _(2026-03-02)_\n")
                .endsWith("## From lessons the course no longer has\n\n- Still mine _(2026-03-02)_\n")
                .doesNotContain("Gone");
    }

    @Test
    void notesFromRemovedLessonsComeLastUnderTheTitleTheirLessonHad() {
        String text = markdown.render(outline, List.of(
                fromRemovedLesson("Outer joins", "Kept after the republish", MONDAY.plusDays(1)),
                note(tables, "A table has rows", null, MONDAY),
                fromRemovedLesson("Outer joins", "Also kept", MONDAY.plusDays(2))));

        assertThat(text).endsWith("""
                ### Tables, Rows and Columns

                - A table has rows _(2026-03-02)_

                ## From lessons the course no longer has

                ### Outer joins (from a removed lesson)

                - Kept after the republish _(2026-03-03)_
                - Also kept _(2026-03-04)_
                """).contains("My notes: 3 notes.");
    }

    @Test
    void aGermanLearnersExportHasGermanWords() {
        String text = new NotesMarkdown(ZoneOffset.UTC, Locale.GERMAN).render(outline, List.of(
                note(tables, "Eine Tabelle hat Zeilen", 65, MONDAY),
                fromRemovedLesson("Outer joins", "Behalten", MONDAY.plusDays(1))));

        assertThat(text).isEqualTo("""
                # Relational Databases

                Meine Notizen: 2 Notizen.

                ## Basics

                ### Tables, Rows and Columns

                - **[1:05]** Eine Tabelle hat Zeilen _(2026-03-02)_

                ## Aus Lektionen, die der Kurs nicht mehr hat

                ### Outer joins (aus einer entfernten Lektion)

                - Behalten _(2026-03-03)_
                """);
        assertThat(new NotesMarkdown(ZoneOffset.UTC, Locale.GERMAN).render(outline, List.of(
                note(keys, "Eine", null, MONDAY)))).contains("Meine Notizen: 1 Notiz.\n");
    }

    @Test
    void aCourseWithoutNotesSaysSo() {
        assertThat(markdown.render(outline, List.of())).isEqualTo("# Relational Databases\n\nMy notes: 0 notes.\n");
    }

    @Test
    void videoTimesAreWrittenAsThePlayerShowsThem() {
        assertThat(NotesMarkdown.videoTime(0)).isEqualTo("0:00");
        assertThat(NotesMarkdown.videoTime(245)).isEqualTo("4:05");
        assertThat(NotesMarkdown.videoTime(3750)).isEqualTo("1:02:30");
    }

    private static Lesson lesson(SectionId section, String title, int order) {
        return new Lesson(LessonId.random(), COURSE, section, "lesson-" + order + "-" + UUID.randomUUID(), title,
                ContentType.TEXT, order, 5, false);
    }

    private static Note fromRemovedLesson(String lessonTitle, String text, OffsetDateTime at) {
        return new Note(new NoteId(UUID.randomUUID()), LEARNER, null, COURSE, text, null, at, at, lessonTitle);
    }

    private static Note note(Lesson lesson, String text, Integer videoTime, OffsetDateTime at) {
        return new Note(new NoteId(UUID.randomUUID()), LEARNER, lesson.id(), COURSE, text, videoTime, at, at);
    }
}
