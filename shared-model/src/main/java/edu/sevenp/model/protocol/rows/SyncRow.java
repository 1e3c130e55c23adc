package edu.sevenp.model.protocol.rows;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * A whole row as a user may see it, on the wire (docs/sync-protocol.md, section 14): a pulled upsert and
 * the server's version of a row a push wrote. The JSON names the row's table in {@code entity}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "entity")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PublicProfileRow.class, name = "users"),
    @JsonSubTypes.Type(value = CategoryRow.class, name = "course_categories"),
    @JsonSubTypes.Type(value = CourseRow.class, name = "courses"),
    @JsonSubTypes.Type(value = SectionRow.class, name = "course_sections"),
    @JsonSubTypes.Type(value = LessonRow.class, name = "course_lessons"),
    @JsonSubTypes.Type(value = MediaFileRow.class, name = "media_files"),
    @JsonSubTypes.Type(value = ResourceRow.class, name = "course_resources"),
    @JsonSubTypes.Type(value = QuizRow.class, name = "course_quizzes"),
    @JsonSubTypes.Type(value = QuestionRow.class, name = "quiz_questions"),
    @JsonSubTypes.Type(value = EnrollmentRow.class, name = "enrollments"),
    @JsonSubTypes.Type(value = LessonProgressRow.class, name = "lesson_progress"),
    @JsonSubTypes.Type(value = QuizAttemptRow.class, name = "quiz_attempts"),
    @JsonSubTypes.Type(value = CompletionRow.class, name = "course_completions"),
    @JsonSubTypes.Type(value = AchievementRow.class, name = "user_achievements"),
    @JsonSubTypes.Type(value = NoteRow.class, name = "user_notes"),
    @JsonSubTypes.Type(value = BookmarkRow.class, name = "user_bookmarks"),
    @JsonSubTypes.Type(value = PreferenceRow.class, name = "user_preferences")
})
public sealed interface SyncRow permits PublicProfileRow, CategoryRow, CourseRow, SectionRow, LessonRow, MediaFileRow,
        ResourceRow, QuizRow, QuestionRow, EnrollmentRow, LessonProgressRow, QuizAttemptRow, CompletionRow, AchievementRow,
        NoteRow, BookmarkRow, PreferenceRow {

    UUID id();

    /** The row's table, as the JSON's {@code entity} names it. */
    default String table() {
        return SyncRows.tableOf(getClass());
    }
}
