package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_PACKAGES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_SECTIONS;
import static edu.sevenp.desktop.store.schema.Tables.USERS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.coursepackage.CoursePackage;
import edu.sevenp.desktop.coursepackage.ManifestModel.CourseEntry;
import edu.sevenp.desktop.coursepackage.ManifestModel.LessonEntry;
import edu.sevenp.desktop.coursepackage.ManifestModel.SectionEntry;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.exception.DataAccessException;

/**
 * Puts a validated course package into the library in one transaction: a failure leaves the library
 * exactly as it was. Rows are matched by id, so re-importing a newer version updates lessons in
 * place and removes the ones the package dropped.
 */
public final class CourseImporter {

    /** Moves existing positions out of the way while new ones are written; order indexes are unique. */
    private static final int ORDER_SHIFT = 1_000_000;

    private final DSLContext dsl;
    private final ObjectMapper json = JsonMapperFactory.create();

    CourseImporter(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    public ImportSummary importPackage(CoursePackage coursePackage) {
        CourseEntry course = coursePackage.manifest().course();
        try {
            return dsl.transactionResult(configuration -> write(configuration.dsl(), coursePackage));
        } catch (DataAccessException e) {
            throw new StoreException("Could not import \"" + course.title() + "\" from " + coursePackage.source()
                    + "; the library is unchanged. " + e.getMessage(), e);
        }
    }

    private ImportSummary write(DSLContext tx, CoursePackage coursePackage) throws JsonProcessingException {
        CourseEntry course = coursePackage.manifest().course();
        List<SectionEntry> sections = coursePackage.manifest().sections();
        int lessonCount = sections.stream().mapToInt(section -> section.lessons().size()).sum();
        String installed = tx.select(COURSE_PACKAGES.VERSION).from(COURSE_PACKAGES)
                .where(COURSE_PACKAGES.COURSE_ID.eq(course.id())).fetchOne(COURSE_PACKAGES.VERSION);
        ImportSummary.Outcome outcome = outcome(installed, course.version());
        ImportSummary summary = new ImportSummary(new CourseId(course.id()), course.title(), course.version(), installed,
                outcome, sections.size(), lessonCount);
        if (outcome == ImportSummary.Outcome.UNCHANGED || outcome == ImportSummary.Outcome.KEPT_NEWER) {
            return summary;
        }
        requireSlugFree(tx, course);
        writeCourse(tx, course);
        tx.update(COURSE_SECTIONS).set(COURSE_SECTIONS.ORDER_INDEX, COURSE_SECTIONS.ORDER_INDEX.plus(ORDER_SHIFT))
                .where(COURSE_SECTIONS.COURSE_ID.eq(course.id())).execute();
        tx.update(COURSE_LESSONS).set(COURSE_LESSONS.ORDER_INDEX, COURSE_LESSONS.ORDER_INDEX.plus(ORDER_SHIFT))
                .where(COURSE_LESSONS.COURSE_ID.eq(course.id())).execute();
        for (SectionEntry section : sections) {
            writeSection(tx, course.id(), section);
            for (LessonEntry lesson : section.lessons()) {
                writeLesson(tx, course.id(), section.id(), lesson, coursePackage.body(lesson.id()));
            }
        }
        List<UUID> lessonIds = sections.stream().flatMap(section -> section.lessons().stream()).map(LessonEntry::id).toList();
        List<UUID> sectionIds = sections.stream().map(SectionEntry::id).toList();
        tx.deleteFrom(COURSE_LESSONS).where(COURSE_LESSONS.COURSE_ID.eq(course.id()), COURSE_LESSONS.ID.notIn(lessonIds))
                .execute();
        tx.deleteFrom(COURSE_SECTIONS).where(COURSE_SECTIONS.COURSE_ID.eq(course.id()), COURSE_SECTIONS.ID.notIn(sectionIds))
                .execute();
        // Lessons added or removed change every learner's share of completed lessons (the server's
        // roll_up_lesson_changes): a new lesson lowers it, removing the last unfinished one completes the course.
        CourseRollUp.refreshCourse(tx, course.id(), Rows.now(Clock.systemUTC()));
        // The course's lessons (and later its quizzes) changed: the search index takes them in again.
        SearchQueue.enqueue(tx, SearchQueue.DocType.COURSE, course.id());
        tx.insertInto(COURSE_PACKAGES)
                .set(COURSE_PACKAGES.COURSE_ID, course.id())
                .set(COURSE_PACKAGES.VERSION, course.version())
                .set(COURSE_PACKAGES.SOURCE, truncate(coursePackage.source(), 1000))
                .set(COURSE_PACKAGES.IMPORTED_AT, OffsetDateTime.now())
                .onConflict(COURSE_PACKAGES.COURSE_ID).doUpdate()
                .set(COURSE_PACKAGES.VERSION, course.version())
                .set(COURSE_PACKAGES.SOURCE, truncate(coursePackage.source(), 1000))
                .set(COURSE_PACKAGES.IMPORTED_AT, OffsetDateTime.now())
                .execute();
        return summary;
    }

    private static ImportSummary.Outcome outcome(String installed, String offered) {
        if (installed == null) {
            return ImportSummary.Outcome.INSTALLED;
        }
        int comparison = PackageVersion.compare(offered, installed);
        if (comparison > 0) {
            return ImportSummary.Outcome.UPDATED;
        }
        return comparison == 0 ? ImportSummary.Outcome.UNCHANGED : ImportSummary.Outcome.KEPT_NEWER;
    }

    private static void requireSlugFree(DSLContext tx, CourseEntry course) {
        String holder = tx.select(COURSES.TITLE).from(COURSES)
                .where(COURSES.SLUG.eq(course.slug()), COURSES.ID.ne(course.id())).fetchOne(COURSES.TITLE);
        if (holder != null) {
            throw new StoreException("The library already has a different course, \"" + holder + "\", with the slug \""
                    + course.slug() + "\"; the package was not imported.");
        }
    }

    private void writeCourse(DSLContext tx, CourseEntry course) throws JsonProcessingException {
        OffsetDateTime now = OffsetDateTime.now();
        // The instructor's public profile, so the course can name its instructor offline.
        tx.insertInto(USERS)
                .set(USERS.ID, course.instructor().id())
                .set(USERS.NAME, course.instructor().name())
                .onConflict(USERS.ID).doUpdate()
                .set(USERS.NAME, course.instructor().name())
                .set(USERS.UPDATED_AT, now)
                .execute();
        JSON objectives = JSON.json(json.writeValueAsString(course.learningObjectives()));
        JSON requirements = JSON.json(json.writeValueAsString(course.requirements()));
        JSON audience = JSON.json(json.writeValueAsString(course.targetAudience()));
        tx.insertInto(COURSES)
                .set(COURSES.ID, course.id())
                .set(COURSES.TITLE, course.title())
                .set(COURSES.SLUG, course.slug())
                .set(COURSES.SHORT_DESCRIPTION, course.shortDescription())
                .set(COURSES.DESCRIPTION, course.description())
                .set(COURSES.INSTRUCTOR_ID, course.instructor().id())
                .set(COURSES.DIFFICULTY, course.difficulty())
                .set(COURSES.LANGUAGE, course.language())
                .set(COURSES.STATUS, "published")
                .set(COURSES.LEARNING_OBJECTIVES, objectives)
                .set(COURSES.REQUIREMENTS, requirements)
                .set(COURSES.TARGET_AUDIENCE, audience)
                .set(COURSES.PUBLISHED_AT, now)
                .set(COURSES.UPDATED_AT, now)
                .onConflict(COURSES.ID).doUpdate()
                .set(COURSES.TITLE, course.title())
                .set(COURSES.SLUG, course.slug())
                .set(COURSES.SHORT_DESCRIPTION, course.shortDescription())
                .set(COURSES.DESCRIPTION, course.description())
                .set(COURSES.INSTRUCTOR_ID, course.instructor().id())
                .set(COURSES.DIFFICULTY, course.difficulty())
                .set(COURSES.LANGUAGE, course.language())
                .set(COURSES.LEARNING_OBJECTIVES, objectives)
                .set(COURSES.REQUIREMENTS, requirements)
                .set(COURSES.TARGET_AUDIENCE, audience)
                .set(COURSES.UPDATED_AT, now)
                .execute();
    }

    private static void writeSection(DSLContext tx, UUID courseId, SectionEntry section) {
        OffsetDateTime now = OffsetDateTime.now();
        tx.insertInto(COURSE_SECTIONS)
                .set(COURSE_SECTIONS.ID, section.id())
                .set(COURSE_SECTIONS.COURSE_ID, courseId)
                .set(COURSE_SECTIONS.TITLE, section.title())
                .set(COURSE_SECTIONS.DESCRIPTION, section.description())
                .set(COURSE_SECTIONS.ORDER_INDEX, section.order())
                .set(COURSE_SECTIONS.UPDATED_AT, now)
                .onConflict(COURSE_SECTIONS.ID).doUpdate()
                .set(COURSE_SECTIONS.TITLE, section.title())
                .set(COURSE_SECTIONS.DESCRIPTION, section.description())
                .set(COURSE_SECTIONS.ORDER_INDEX, section.order())
                .set(COURSE_SECTIONS.UPDATED_AT, now)
                .execute();
    }

    private static void writeLesson(DSLContext tx, UUID courseId, UUID sectionId, LessonEntry lesson, String body) {
        OffsetDateTime now = OffsetDateTime.now();
        tx.insertInto(COURSE_LESSONS)
                .set(COURSE_LESSONS.ID, lesson.id())
                .set(COURSE_LESSONS.COURSE_ID, courseId)
                .set(COURSE_LESSONS.SECTION_ID, sectionId)
                .set(COURSE_LESSONS.TITLE, lesson.title())
                .set(COURSE_LESSONS.SLUG, lesson.slug())
                .set(COURSE_LESSONS.CONTENT, body)
                .set(COURSE_LESSONS.CONTENT_TYPE, lesson.contentType())
                .set(COURSE_LESSONS.READING_TIME, lesson.readingTimeMinutes())
                .set(COURSE_LESSONS.ORDER_INDEX, lesson.order())
                .set(COURSE_LESSONS.IS_PREVIEW, lesson.preview())
                .set(COURSE_LESSONS.UPDATED_AT, now)
                .onConflict(COURSE_LESSONS.ID).doUpdate()
                .set(COURSE_LESSONS.SECTION_ID, sectionId)
                .set(COURSE_LESSONS.TITLE, lesson.title())
                .set(COURSE_LESSONS.SLUG, lesson.slug())
                .set(COURSE_LESSONS.CONTENT, body)
                .set(COURSE_LESSONS.CONTENT_TYPE, lesson.contentType())
                .set(COURSE_LESSONS.READING_TIME, lesson.readingTimeMinutes())
                .set(COURSE_LESSONS.ORDER_INDEX, lesson.order())
                .set(COURSE_LESSONS.IS_PREVIEW, lesson.preview())
                .set(COURSE_LESSONS.UPDATED_AT, now)
                .execute();
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
