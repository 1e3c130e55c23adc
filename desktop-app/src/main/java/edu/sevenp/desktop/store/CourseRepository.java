package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_SECTIONS;

import edu.sevenp.desktop.store.schema.tables.records.CourseSectionsRecord;
import edu.sevenp.desktop.store.schema.tables.records.CoursesRecord;
import edu.sevenp.model.ContentType;
import edu.sevenp.model.Course;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.Difficulty;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonContent;
import edu.sevenp.model.LessonFormat;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.Section;
import edu.sevenp.model.SectionId;
import edu.sevenp.model.SectionOutline;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record2;

/** Reads the courses in the local library: the list, an outline, a lesson's body. */
public final class CourseRepository {

    private final DSLContext dsl;

    CourseRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** Every course by title: the first screen's query, so only the columns a Course holds (not 30 with JSON). */
    public List<Course> courses() {
        return dsl.select(COURSES.ID, COURSES.SLUG, COURSES.TITLE, COURSES.SHORT_DESCRIPTION, COURSES.DESCRIPTION,
                        COURSES.DIFFICULTY, COURSES.LANGUAGE)
                .from(COURSES)
                .orderBy(COURSES.TITLE, COURSES.ID)
                .fetch(row -> new Course(new CourseId(row.value1()), row.value2(), row.value3(), row.value4(), row.value5(),
                        Difficulty.fromCode(row.value6()), row.value7()));
    }

    public int courseCount() {
        return dsl.fetchCount(COURSES);
    }

    /** The course with its sections and lessons in order (lesson bodies are not loaded). */
    public Optional<CourseOutline> outline(CourseId courseId) {
        CoursesRecord course = dsl.selectFrom(COURSES).where(COURSES.ID.eq(courseId.value())).fetchOne();
        if (course == null) {
            return Optional.empty();
        }
        List<Section> sections = dsl.selectFrom(COURSE_SECTIONS)
                .where(COURSE_SECTIONS.COURSE_ID.eq(courseId.value()))
                .orderBy(COURSE_SECTIONS.ORDER_INDEX)
                .fetch(CourseRepository::toSection);
        Map<SectionId, List<Lesson>> lessonsBySection = dsl
                .select(COURSE_LESSONS.ID, COURSE_LESSONS.COURSE_ID, COURSE_LESSONS.SECTION_ID, COURSE_LESSONS.SLUG,
                        COURSE_LESSONS.TITLE, COURSE_LESSONS.CONTENT_TYPE, COURSE_LESSONS.ORDER_INDEX,
                        COURSE_LESSONS.READING_TIME, COURSE_LESSONS.IS_PREVIEW)
                .from(COURSE_LESSONS)
                .where(COURSE_LESSONS.COURSE_ID.eq(courseId.value()))
                .orderBy(COURSE_LESSONS.SECTION_ID, COURSE_LESSONS.ORDER_INDEX)
                .fetch(row -> new Lesson(new LessonId(row.value1()), new CourseId(row.value2()),
                        new SectionId(row.value3()), row.value4(), row.value5(), ContentType.fromCode(row.value6()),
                        row.value7(), row.value8(), row.value9()))
                .stream()
                .collect(Collectors.groupingBy(Lesson::sectionId));
        List<SectionOutline> outline = sections.stream()
                .map(section -> new SectionOutline(section, lessonsBySection.getOrDefault(section.id(), List.of())))
                .toList();
        return Optional.of(new CourseOutline(toCourse(course), outline));
    }

    /** The titles of those of {@code ids} the library has, in one query (a search shows where each of its hits is). */
    public Map<CourseId, String> courseTitles(Collection<CourseId> ids) {
        return dsl.select(COURSES.ID, COURSES.TITLE).from(COURSES)
                .where(COURSES.ID.in(ids.stream().map(CourseId::value).toList()))
                .fetchMap(row -> new CourseId(row.value1()), Record2::value2);
    }

    /** The titles of those of {@code ids} the library has, in one query. */
    public Map<SectionId, String> sectionTitles(Collection<SectionId> ids) {
        return dsl.select(COURSE_SECTIONS.ID, COURSE_SECTIONS.TITLE).from(COURSE_SECTIONS)
                .where(COURSE_SECTIONS.ID.in(ids.stream().map(SectionId::value).toList()))
                .fetchMap(row -> new SectionId(row.value1()), Record2::value2);
    }

    /** The titles of those of {@code ids} the library has, in one query. */
    public Map<LessonId, String> lessonTitles(Collection<LessonId> ids) {
        return dsl.select(COURSE_LESSONS.ID, COURSE_LESSONS.TITLE).from(COURSE_LESSONS)
                .where(COURSE_LESSONS.ID.in(ids.stream().map(LessonId::value).toList()))
                .fetchMap(row -> new LessonId(row.value1()), Record2::value2);
    }

    public Optional<LessonContent> lessonContent(LessonId lessonId) {
        return dsl.select(COURSE_LESSONS.TITLE, COURSE_LESSONS.CONTENT, COURSE_LESSONS.CONTENT_FORMAT)
                .from(COURSE_LESSONS)
                .where(COURSE_LESSONS.ID.eq(lessonId.value()))
                .fetchOptional(row -> new LessonContent(lessonId, row.value1(), row.value2() == null ? "" : row.value2(),
                        LessonFormat.fromCode(row.value3())));
    }

    /** The course a lesson belongs to; empty when the library has no such lesson. */
    static Optional<UUID> courseOfLesson(DSLContext context, UUID lesson) {
        return context.select(COURSE_LESSONS.COURSE_ID).from(COURSE_LESSONS).where(COURSE_LESSONS.ID.eq(lesson))
                .fetchOptional(COURSE_LESSONS.COURSE_ID);
    }

    private static Course toCourse(CoursesRecord row) {
        return new Course(new CourseId(row.getId()), row.getSlug(), row.getTitle(), row.getShortDescription(),
                row.getDescription(), Difficulty.fromCode(row.getDifficulty()), row.getLanguage());
    }

    private static Section toSection(CourseSectionsRecord row) {
        return new Section(new SectionId(row.getId()), new CourseId(row.getCourseId()), row.getTitle(),
                row.getDescription(), row.getOrderIndex());
    }
}
