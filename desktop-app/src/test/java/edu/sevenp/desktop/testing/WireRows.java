package edu.sevenp.desktop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PulledChange;
import edu.sevenp.model.protocol.StreamPage;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.protocol.rows.CategoryRow;
import edu.sevenp.model.protocol.rows.CourseRow;
import edu.sevenp.model.protocol.rows.EnrollmentRow;
import edu.sevenp.model.protocol.rows.LessonProgressRow;
import edu.sevenp.model.protocol.rows.LessonRow;
import edu.sevenp.model.protocol.rows.MediaFileRow;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.model.protocol.rows.PublicProfileRow;
import edu.sevenp.model.protocol.rows.QuizAttemptRow;
import edu.sevenp.model.protocol.rows.QuizRow;
import edu.sevenp.model.protocol.rows.ResourceRow;
import edu.sevenp.model.protocol.rows.SectionRow;
import edu.sevenp.model.protocol.rows.SyncRow;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Rows as a sync server sends them, and pull answers made of them, for tests of the device's side. */
public final class WireRows {

    public static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-01T09:00:00Z");
    private static final JsonNode EMPTY_ARRAY = JsonNodeFactory.instance.arrayNode();

    /** A course as the server has it: an instructor, a section, lessons and a graded quiz on the first lesson. */
    public record Course(UUID id, UUID instructor, UUID category, UUID section, List<UUID> lessons, UUID quiz) {

        public String stream() {
            return Streams.course(id);
        }

        /** Every content row, in the order a full copy sends them. */
        public List<SyncRow> rows() {
            List<SyncRow> rows = new ArrayList<>();
            rows.add(new CategoryRow(category, "Databases " + category, "databases-" + category, null, null, null, null, 0,
                    true, AT, AT));
            rows.add(new PublicProfileRow(instructor, "Ines Instructor", null, null, AT));
            rows.add(course(id, instructor, category, "Course " + id));
            rows.add(new SectionRow(section, id, "Basics", null, 1, false, AT, AT));
            for (int i = 0; i < lessons.size(); i++) {
                rows.add(lesson(this, i, "Lesson " + (i + 1)));
            }
            rows.add(new QuizRow(quiz, id, lessons.get(0), "Check", null, null, "graded", null, 2, new BigDecimal("70.00"),
                    false, true, false, true, AT, AT));
            return rows;
        }
    }

    private WireRows() {
    }

    public static Course course(int lessons) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < lessons; i++) {
            ids.add(UUID.randomUUID());
        }
        return new Course(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), List.copyOf(ids),
                UUID.randomUUID());
    }

    public static CourseRow course(UUID id, UUID instructor, UUID category, String title) {
        return new CourseRow(id, title, "course-" + id, null, "About " + title, instructor, category, BigDecimal.ZERO, null,
                "USD", "beginner", "en", null, "published", false, true, null, null, null, null, EMPTY_ARRAY, EMPTY_ARRAY,
                EMPTY_ARRAY, 1, BigDecimal.ZERO, 0, BigDecimal.ZERO, AT, AT, AT, "1.0.0", 1);
    }

    public static LessonRow lesson(Course course, int index, String title) {
        return new LessonRow(course.lessons().get(index), course.id(), course.section(), title, "lesson-" + (index + 1),
                "# " + title, "markdown", "text", null, null, null, 5, index + 1, false, true, EMPTY_ARRAY, EMPTY_ARRAY,
                AT, AT);
    }

    /** The lesson with a stored video, {@code media:<sha256>}. */
    public static LessonRow lessonWithVideo(Course course, int index, String sha256) {
        LessonRow lesson = lesson(course, index, "Lesson " + (index + 1));
        return new LessonRow(lesson.id(), lesson.courseId(), lesson.sectionId(), lesson.title(), lesson.slug(),
                lesson.content(), lesson.contentFormat(), "video", "media:" + sha256, 60, null, lesson.readingTime(),
                lesson.orderIndex(), lesson.isPreview(), lesson.isDownloadable(), lesson.attachments(),
                lesson.externalLinks(), AT, AT);
    }

    /** A media file of the course, as the server lists it. */
    public static MediaFileRow mediaFile(Course course, String sha256, long size) {
        return mediaFile(course, "f.mp4", sha256, size);
    }

    public static MediaFileRow mediaFile(Course course, String filename, String sha256, long size) {
        return new MediaFileRow(UUID.randomUUID(), course.id(), filename, filename, "media/" + sha256, size, "video/mp4",
                sha256, null, null, null, "course_only", AT, AT);
    }

    /** A resource of the course: {@code media:<sha256>} for a stored file, or an https address. */
    public static ResourceRow resource(Course course, String title, String fileUrl, Long size) {
        return new ResourceRow(UUID.randomUUID(), course.id(), null, null, title, null, fileUrl, "application/pdf", size, 0,
                true, AT, AT);
    }

    public static NoteRow note(UUID id, UUID user, Course course, int lesson, String content, long version) {
        return new NoteRow(id, user, course.lessons().get(lesson), course.id(), content, null, true, null, AT, AT, AT, version,
                null);
    }

    public static LessonProgressRow progress(UUID id, UUID user, Course course, int lesson, int timeSpent, long version) {
        return new LessonProgressRow(id, user, course.lessons().get(lesson), course.id(), "in_progress",
                new BigDecimal("40.00"), timeSpent, 30, AT, null, AT, 1, 0, 0, AT, AT, version);
    }

    public static EnrollmentRow enrollment(UUID id, UUID user, Course course, long version) {
        return new EnrollmentRow(id, user, course.id(), "active", AT, null, BigDecimal.ZERO, AT, AT, AT, version);
    }

    public static QuizAttemptRow attempt(UUID id, UUID user, Course course, int number, long version) {
        return new QuizAttemptRow(id, course.quiz(), user, number, "graded", AT, AT, 60, new BigDecimal("1.00"),
                new BigDecimal("1.00"), new BigDecimal("100.00"), true, JsonNodeFactory.instance.objectNode(), AT, version);
    }

    public static List<PulledChange> upserts(SyncRow... rows) {
        return upserts(Arrays.asList(rows));
    }

    public static List<PulledChange> upserts(List<SyncRow> rows) {
        return rows.stream().<PulledChange>map(PulledChange.Upsert::new).toList();
    }

    public static StreamPage page(String stream, String cursor, List<PulledChange> changes) {
        return new StreamPage(stream, cursor, false, false, true, changes);
    }

    public static PullResponse answer(StreamPage... pages) {
        return new PullResponse(AT, List.of(pages), List.of(), false);
    }
}
