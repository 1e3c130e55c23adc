package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.ENROLLMENTS;
import static edu.sevenp.desktop.store.schema.Tables.LESSON_PROGRESS;

import edu.sevenp.model.ContentType;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonContent;
import edu.sevenp.model.LessonFormat;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.SectionId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.LessonProgress;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The read path of opening a lesson, which the player takes on every lesson change: one query for the
 * lesson with the learner's progress and enrollment (primary key and unique keys). The notes and the
 * bookmarks come from their repositories (by the (user, lesson) indexes).
 */
public final class LessonRepository {

    private final DSLContext dsl;

    LessonRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** @return empty when the library has no such lesson */
    public Optional<LearnerLesson> open(UserId user, LessonId lesson) {
        Record row = dsl.select(COURSE_LESSONS.ID, COURSE_LESSONS.COURSE_ID, COURSE_LESSONS.SECTION_ID,
                        COURSE_LESSONS.SLUG, COURSE_LESSONS.TITLE, COURSE_LESSONS.CONTENT_TYPE, COURSE_LESSONS.ORDER_INDEX,
                        COURSE_LESSONS.READING_TIME, COURSE_LESSONS.IS_PREVIEW, COURSE_LESSONS.CONTENT,
                        COURSE_LESSONS.CONTENT_FORMAT)
                .select(LESSON_PROGRESS.fields())
                .select(ENROLLMENTS.fields())
                .from(COURSE_LESSONS)
                .leftJoin(LESSON_PROGRESS)
                .on(LESSON_PROGRESS.USER_ID.eq(user.value()), LESSON_PROGRESS.LESSON_ID.eq(COURSE_LESSONS.ID))
                .leftJoin(ENROLLMENTS)
                .on(ENROLLMENTS.USER_ID.eq(user.value()), ENROLLMENTS.COURSE_ID.eq(COURSE_LESSONS.COURSE_ID))
                .where(COURSE_LESSONS.ID.eq(lesson.value()))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        CourseId course = new CourseId(row.get(COURSE_LESSONS.COURSE_ID));
        Lesson outline = new Lesson(lesson, course, new SectionId(row.get(COURSE_LESSONS.SECTION_ID)),
                row.get(COURSE_LESSONS.SLUG), row.get(COURSE_LESSONS.TITLE),
                ContentType.fromCode(row.get(COURSE_LESSONS.CONTENT_TYPE)), row.get(COURSE_LESSONS.ORDER_INDEX),
                row.get(COURSE_LESSONS.READING_TIME), row.get(COURSE_LESSONS.IS_PREVIEW));
        String body = row.get(COURSE_LESSONS.CONTENT);
        LessonProgress progress = row.get(LESSON_PROGRESS.ID) == null ? LessonProgress.notStarted(user, lesson, course)
                : Rows.progress(row.into(LESSON_PROGRESS));
        return Optional.of(new LearnerLesson(outline, new LessonContent(lesson, outline.title(), body == null ? "" : body,
                        LessonFormat.fromCode(row.get(COURSE_LESSONS.CONTENT_FORMAT))), progress,
                row.get(ENROLLMENTS.ID) == null ? Optional.empty() : Optional.of(Rows.enrollment(row.into(ENROLLMENTS)))));
    }
}
