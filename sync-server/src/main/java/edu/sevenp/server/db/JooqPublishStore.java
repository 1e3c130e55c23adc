package edu.sevenp.server.db;

import static edu.sevenp.server.db.schema.Tables.CONTENT_VERSIONS;
import static edu.sevenp.server.db.schema.Tables.COURSES;
import static edu.sevenp.server.db.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.server.db.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.server.db.schema.Tables.COURSE_RESOURCES;
import static edu.sevenp.server.db.schema.Tables.COURSE_SECTIONS;
import static edu.sevenp.server.db.schema.Tables.MEDIA_FILES;
import static edu.sevenp.server.db.schema.Tables.QUIZ_QUESTIONS;

import edu.sevenp.model.UserId;
import edu.sevenp.model.protocol.CourseVersionView;
import edu.sevenp.model.protocol.PublishResult;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.publish.Publication;
import edu.sevenp.server.publish.PublishStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Writes a published version as the instructor (row-level security decides whose course it is): every row of the
 * package inserted or updated by id, the rows it no longer has deleted, the version recorded. One transaction.
 */
final class JooqPublishStore implements PublishStore {

    private final RequestTransactions transactions;

    JooqPublishStore(RequestTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Standing standing(UserId user, UUID courseId) {
        return transactions.as(user, tx -> {
            boolean teaches = tx.fetchSingle("select auth.has_role('instructor')").get(0, Boolean.class);
            boolean admin = tx.fetchSingle("select auth.is_admin()").get(0, Boolean.class);
            Optional<Record> course = tx.select(COURSES.INSTRUCTOR_ID, COURSES.PACKAGE_VERSION, COURSES.VERSION_NUMBER)
                    .from(COURSES).where(COURSES.ID.eq(courseId)).fetchOptional().map(Function.identity());
            int lastNumber = tx.select(DSL.coalesce(DSL.max(CONTENT_VERSIONS.VERSION_NUMBER), 0)).from(CONTENT_VERSIONS)
                    .where(CONTENT_VERSIONS.CONTENT_ID.eq(courseId), CONTENT_VERSIONS.CONTENT_TYPE.eq("course"))
                    .fetchSingle().value1();
            return new Standing(teaches, admin, course.map(row -> row.get(COURSES.INSTRUCTOR_ID)),
                    course.map(row -> row.get(COURSES.PACKAGE_VERSION)), lastNumber);
        });
    }

    @Override
    public PublishResult.Removed publish(UserId user, Publication publication, int versionNumber) {
        try {
            return transactions.as(user, tx -> write(tx, user, publication, versionNumber));
        } catch (ApiProblem e) {
            throw explain(e, publication);
        }
    }

    private static PublishResult.Removed write(DSLContext tx, UserId user, Publication publication, int versionNumber) {
        // Sections, lessons and questions may swap places: their order constraints are checked at commit.
        tx.execute("SET CONSTRAINTS ALL DEFERRED");
        UUID course = publication.course().id();
        writeCourse(tx, user, publication, versionNumber);
        upsert(tx, existing(tx, COURSE_SECTIONS.ID, COURSE_SECTIONS.COURSE_ID.eq(course)), publication.sections(),
                Publication.Section::id, section -> tx.insertInto(COURSE_SECTIONS)
                        .set(COURSE_SECTIONS.ID, section.id()).set(COURSE_SECTIONS.COURSE_ID, course)
                        .set(COURSE_SECTIONS.TITLE, section.title()).set(COURSE_SECTIONS.DESCRIPTION, section.description())
                        .set(COURSE_SECTIONS.ORDER_INDEX, section.order()),
                section -> tx.update(COURSE_SECTIONS).set(COURSE_SECTIONS.TITLE, section.title())
                        .set(COURSE_SECTIONS.DESCRIPTION, section.description())
                        .set(COURSE_SECTIONS.ORDER_INDEX, section.order()).where(COURSE_SECTIONS.ID.eq(section.id())));
        dropChangedMedia(tx, publication);
        upsert(tx, existing(tx, MEDIA_FILES.ID, MEDIA_FILES.COURSE_ID.eq(course)), publication.media(),
                Publication.Media::id, file -> tx.insertInto(MEDIA_FILES)
                        .set(MEDIA_FILES.ID, file.id()).set(MEDIA_FILES.USER_ID, user.value()).set(MEDIA_FILES.COURSE_ID, course)
                        .set(MEDIA_FILES.FILENAME, fileName(file.filePath())).set(MEDIA_FILES.ORIGINAL_FILENAME, fileName(file.filePath()))
                        .set(MEDIA_FILES.FILE_PATH, file.filePath()).set(MEDIA_FILES.FILE_SIZE, file.size())
                        .set(MEDIA_FILES.MIME_TYPE, file.mimeType()).set(MEDIA_FILES.FILE_HASH, file.sha256())
                        .set(MEDIA_FILES.WIDTH, file.width()).set(MEDIA_FILES.HEIGHT, file.height())
                        .set(MEDIA_FILES.DURATION, file.duration()).set(MEDIA_FILES.VISIBILITY, "course_only"),
                // A file's content never changes under its id's hash, but the package may point the id at another file.
                file -> tx.update(MEDIA_FILES).set(MEDIA_FILES.FILENAME, fileName(file.filePath()))
                        .where(MEDIA_FILES.ID.eq(file.id())));
        upsert(tx, existing(tx, COURSE_LESSONS.ID, COURSE_LESSONS.COURSE_ID.eq(course)), publication.lessons(),
                Publication.Lesson::id, lesson -> tx.insertInto(COURSE_LESSONS)
                        .set(COURSE_LESSONS.ID, lesson.id()).set(COURSE_LESSONS.COURSE_ID, course)
                        .set(COURSE_LESSONS.SECTION_ID, lesson.sectionId()).set(COURSE_LESSONS.TITLE, lesson.title())
                        .set(COURSE_LESSONS.SLUG, lesson.slug()).set(COURSE_LESSONS.CONTENT, lesson.content())
                        .set(COURSE_LESSONS.CONTENT_FORMAT, lesson.contentFormat())
                        .set(COURSE_LESSONS.CONTENT_TYPE, lesson.contentType()).set(COURSE_LESSONS.VIDEO_URL, lesson.videoUrl())
                        .set(COURSE_LESSONS.VIDEO_DURATION, lesson.videoDuration())
                        .set(COURSE_LESSONS.READING_TIME, lesson.readingTime()).set(COURSE_LESSONS.ORDER_INDEX, lesson.order())
                        .set(COURSE_LESSONS.IS_PREVIEW, lesson.preview()),
                lesson -> tx.update(COURSE_LESSONS).set(COURSE_LESSONS.SECTION_ID, lesson.sectionId())
                        .set(COURSE_LESSONS.TITLE, lesson.title()).set(COURSE_LESSONS.SLUG, lesson.slug())
                        .set(COURSE_LESSONS.CONTENT, lesson.content()).set(COURSE_LESSONS.CONTENT_FORMAT, lesson.contentFormat())
                        .set(COURSE_LESSONS.CONTENT_TYPE, lesson.contentType()).set(COURSE_LESSONS.VIDEO_URL, lesson.videoUrl())
                        .set(COURSE_LESSONS.VIDEO_DURATION, lesson.videoDuration())
                        .set(COURSE_LESSONS.READING_TIME, lesson.readingTime()).set(COURSE_LESSONS.ORDER_INDEX, lesson.order())
                        .set(COURSE_LESSONS.IS_PREVIEW, lesson.preview()).where(COURSE_LESSONS.ID.eq(lesson.id())));
        upsert(tx, existing(tx, COURSE_RESOURCES.ID, COURSE_RESOURCES.COURSE_ID.eq(course)), publication.resources(),
                Publication.Resource::id, resource -> tx.insertInto(COURSE_RESOURCES)
                        .set(COURSE_RESOURCES.ID, resource.id()).set(COURSE_RESOURCES.COURSE_ID, course)
                        .set(COURSE_RESOURCES.LESSON_ID, resource.lessonId())
                        .set(COURSE_RESOURCES.MEDIA_FILE_ID, resource.mediaFileId())
                        .set(COURSE_RESOURCES.TITLE, resource.title()).set(COURSE_RESOURCES.DESCRIPTION, resource.description())
                        .set(COURSE_RESOURCES.FILE_URL, resource.fileUrl()).set(COURSE_RESOURCES.FILE_TYPE, resource.fileType())
                        .set(COURSE_RESOURCES.FILE_SIZE, resource.fileSize())
                        .set(COURSE_RESOURCES.IS_DOWNLOADABLE, resource.mediaFileId() != null),
                resource -> tx.update(COURSE_RESOURCES).set(COURSE_RESOURCES.LESSON_ID, resource.lessonId())
                        .set(COURSE_RESOURCES.MEDIA_FILE_ID, resource.mediaFileId())
                        .set(COURSE_RESOURCES.TITLE, resource.title()).set(COURSE_RESOURCES.DESCRIPTION, resource.description())
                        .set(COURSE_RESOURCES.FILE_URL, resource.fileUrl()).set(COURSE_RESOURCES.FILE_TYPE, resource.fileType())
                        .set(COURSE_RESOURCES.FILE_SIZE, resource.fileSize())
                        .set(COURSE_RESOURCES.IS_DOWNLOADABLE, resource.mediaFileId() != null)
                        .where(COURSE_RESOURCES.ID.eq(resource.id())));
        upsert(tx, existing(tx, COURSE_QUIZZES.ID, COURSE_QUIZZES.COURSE_ID.eq(course)), publication.quizzes(),
                Publication.Quiz::id, quiz -> tx.insertInto(COURSE_QUIZZES)
                        .set(COURSE_QUIZZES.ID, quiz.id()).set(COURSE_QUIZZES.COURSE_ID, course)
                        .set(COURSE_QUIZZES.LESSON_ID, quiz.lessonId()).set(COURSE_QUIZZES.TITLE, quiz.title())
                        .set(COURSE_QUIZZES.DESCRIPTION, quiz.description()).set(COURSE_QUIZZES.INSTRUCTIONS, quiz.instructions())
                        .set(COURSE_QUIZZES.QUIZ_MODE, quiz.mode()).set(COURSE_QUIZZES.TIME_LIMIT, quiz.timeLimit())
                        .set(COURSE_QUIZZES.ATTEMPTS_ALLOWED, quiz.attemptsAllowed())
                        .set(COURSE_QUIZZES.PASSING_SCORE, quiz.passingScore()),
                quiz -> tx.update(COURSE_QUIZZES).set(COURSE_QUIZZES.LESSON_ID, quiz.lessonId())
                        .set(COURSE_QUIZZES.TITLE, quiz.title()).set(COURSE_QUIZZES.DESCRIPTION, quiz.description())
                        .set(COURSE_QUIZZES.INSTRUCTIONS, quiz.instructions()).set(COURSE_QUIZZES.QUIZ_MODE, quiz.mode())
                        .set(COURSE_QUIZZES.TIME_LIMIT, quiz.timeLimit()).set(COURSE_QUIZZES.ATTEMPTS_ALLOWED, quiz.attemptsAllowed())
                        .set(COURSE_QUIZZES.PASSING_SCORE, quiz.passingScore()).set(COURSE_QUIZZES.IS_ACTIVE, true)
                        .where(COURSE_QUIZZES.ID.eq(quiz.id())));
        upsert(tx, existing(tx, QUIZ_QUESTIONS.ID, QUIZ_QUESTIONS.QUIZ_ID.in(
                        DSL.select(COURSE_QUIZZES.ID).from(COURSE_QUIZZES).where(COURSE_QUIZZES.COURSE_ID.eq(course)))),
                publication.questions(), Publication.Question::id, question -> tx.insertInto(QUIZ_QUESTIONS)
                        .set(QUIZ_QUESTIONS.ID, question.id()).set(QUIZ_QUESTIONS.QUIZ_ID, question.quizId())
                        .set(QUIZ_QUESTIONS.QUESTION_TEXT, question.text()).set(QUIZ_QUESTIONS.QUESTION_TYPE, question.type())
                        .set(QUIZ_QUESTIONS.EXPLANATION, question.explanation()).set(QUIZ_QUESTIONS.POINTS, question.points())
                        .set(QUIZ_QUESTIONS.ORDER_INDEX, question.order()).set(QUIZ_QUESTIONS.OPTIONS, WireRows.jsonb(question.options()))
                        .set(QUIZ_QUESTIONS.CORRECT_ANSWER, WireRows.jsonb(question.answer())),
                question -> tx.update(QUIZ_QUESTIONS).set(QUIZ_QUESTIONS.QUESTION_TEXT, question.text())
                        .set(QUIZ_QUESTIONS.QUESTION_TYPE, question.type()).set(QUIZ_QUESTIONS.EXPLANATION, question.explanation())
                        .set(QUIZ_QUESTIONS.POINTS, question.points()).set(QUIZ_QUESTIONS.ORDER_INDEX, question.order())
                        .set(QUIZ_QUESTIONS.OPTIONS, WireRows.jsonb(question.options()))
                        .set(QUIZ_QUESTIONS.CORRECT_ANSWER, WireRows.jsonb(question.answer()))
                        .where(QUIZ_QUESTIONS.ID.eq(question.id())));

        int questions = tx.deleteFrom(QUIZ_QUESTIONS).where(QUIZ_QUESTIONS.QUIZ_ID.in(DSL.select(COURSE_QUIZZES.ID)
                .from(COURSE_QUIZZES).where(COURSE_QUIZZES.COURSE_ID.eq(course))), QUIZ_QUESTIONS.ID.notIn(
                ids(publication.questions(), Publication.Question::id))).execute();
        int quizzes = tx.deleteFrom(COURSE_QUIZZES).where(COURSE_QUIZZES.COURSE_ID.eq(course),
                COURSE_QUIZZES.ID.notIn(ids(publication.quizzes(), Publication.Quiz::id))).execute();
        int resources = tx.deleteFrom(COURSE_RESOURCES).where(COURSE_RESOURCES.COURSE_ID.eq(course),
                COURSE_RESOURCES.ID.notIn(ids(publication.resources(), Publication.Resource::id))).execute();
        int lessons = tx.deleteFrom(COURSE_LESSONS).where(COURSE_LESSONS.COURSE_ID.eq(course),
                COURSE_LESSONS.ID.notIn(ids(publication.lessons(), Publication.Lesson::id))).execute();
        tx.deleteFrom(MEDIA_FILES).where(MEDIA_FILES.COURSE_ID.eq(course),
                MEDIA_FILES.ID.notIn(ids(publication.media(), Publication.Media::id))).execute();
        int sections = tx.deleteFrom(COURSE_SECTIONS).where(COURSE_SECTIONS.COURSE_ID.eq(course),
                COURSE_SECTIONS.ID.notIn(ids(publication.sections(), Publication.Section::id))).execute();

        tx.insertInto(CONTENT_VERSIONS)
                .set(CONTENT_VERSIONS.CONTENT_ID, course)
                .set(CONTENT_VERSIONS.CONTENT_TYPE, "course")
                .set(CONTENT_VERSIONS.VERSION_NUMBER, versionNumber)
                .set(CONTENT_VERSIONS.CONTENT_DATA, WireRows.jsonb(publication.snapshot()))
                .set(CONTENT_VERSIONS.CHANGE_SUMMARY, publication.summary())
                .set(CONTENT_VERSIONS.CREATED_BY, user.value())
                .execute();
        return new PublishResult.Removed(sections, lessons, quizzes, questions, resources);
    }

    private static void writeCourse(DSLContext tx, UserId user, Publication publication, int versionNumber) {
        Publication.Course course = publication.course();
        boolean exists = tx.fetchExists(COURSES, COURSES.ID.eq(course.id()));
        if (exists) {
            tx.update(COURSES).set(COURSES.TITLE, course.title()).set(COURSES.SLUG, course.slug())
                    .set(COURSES.SHORT_DESCRIPTION, course.shortDescription()).set(COURSES.DESCRIPTION, course.description())
                    .set(COURSES.DIFFICULTY, course.difficulty()).set(COURSES.LANGUAGE, course.language())
                    .set(COURSES.LEARNING_OBJECTIVES, WireRows.jsonb(course.learningObjectives()))
                    .set(COURSES.REQUIREMENTS, WireRows.jsonb(course.requirements()))
                    .set(COURSES.TARGET_AUDIENCE, WireRows.jsonb(course.targetAudience()))
                    .set(COURSES.STATUS, "published")
                    .set(COURSES.PUBLISHED_AT, DSL.coalesce(COURSES.PUBLISHED_AT, DSL.currentOffsetDateTime()))
                    .set(COURSES.PACKAGE_VERSION, publication.packageVersion()).set(COURSES.VERSION_NUMBER, versionNumber)
                    .where(COURSES.ID.eq(course.id())).execute();
        } else {
            tx.insertInto(COURSES).set(COURSES.ID, course.id()).set(COURSES.TITLE, course.title())
                    .set(COURSES.SLUG, course.slug()).set(COURSES.SHORT_DESCRIPTION, course.shortDescription())
                    .set(COURSES.DESCRIPTION, course.description()).set(COURSES.INSTRUCTOR_ID, user.value())
                    .set(COURSES.DIFFICULTY, course.difficulty()).set(COURSES.LANGUAGE, course.language())
                    .set(COURSES.LEARNING_OBJECTIVES, WireRows.jsonb(course.learningObjectives()))
                    .set(COURSES.REQUIREMENTS, WireRows.jsonb(course.requirements()))
                    .set(COURSES.TARGET_AUDIENCE, WireRows.jsonb(course.targetAudience()))
                    .set(COURSES.STATUS, "published").set(COURSES.PUBLISHED_AT, DSL.currentOffsetDateTime())
                    .set(COURSES.PACKAGE_VERSION, publication.packageVersion()).set(COURSES.VERSION_NUMBER, versionNumber)
                    .execute();
        }
    }

    /**
     * Media rows whose id the package now gives to other content: a row's hash is not the request role's to
     * update (content-addressed rows never change content), so the row goes and comes back with the new file.
     */
    private static void dropChangedMedia(DSLContext tx, Publication publication) {
        java.util.Map<UUID, String> stored = tx.select(MEDIA_FILES.ID, MEDIA_FILES.FILE_HASH).from(MEDIA_FILES)
                .where(MEDIA_FILES.COURSE_ID.eq(publication.course().id())).fetchMap(MEDIA_FILES.ID, MEDIA_FILES.FILE_HASH);
        for (Publication.Media file : publication.media()) {
            String hash = stored.get(file.id());
            if (hash != null && !hash.equals(file.sha256())) {
                tx.deleteFrom(MEDIA_FILES).where(MEDIA_FILES.ID.eq(file.id())).execute();
            }
        }
    }

    private static <T> void upsert(DSLContext tx, Set<UUID> existing, List<T> rows, Function<T, UUID> id,
            Function<T, Query> insert, Function<T, Query> update) {
        List<Query> queries = new ArrayList<>();
        for (T row : rows) {
            queries.add(existing.contains(id.apply(row)) ? update.apply(row) : insert.apply(row));
        }
        if (!queries.isEmpty()) {
            tx.batch(queries).execute();
        }
    }

    private static Set<UUID> existing(DSLContext tx, org.jooq.TableField<?, UUID> id, org.jooq.Condition belongs) {
        return new HashSet<>(tx.select(id).from(id.getTable()).where(belongs).fetch(id));
    }

    private static <T> List<UUID> ids(List<T> rows, Function<T, UUID> id) {
        List<UUID> ids = rows.stream().map(id).toList();
        // "id NOT IN ()" is not SQL: an impossible id stands for an empty list.
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        String name = slash < 0 ? path : path.substring(slash + 1);
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    /** Says in an instructor's words what a refused write means for a package. */
    private static ApiProblem explain(ApiProblem problem, Publication publication) {
        String constraint = problem.constraint() == null ? "" : problem.constraint();
        if ("courses_pkey".equals(constraint)) {
            return ApiProblem.forbidden("not_your_course", "Course " + publication.course().id()
                    + " is another instructor's; give your package a course id of its own.");
        }
        if ("courses_slug_key".equals(constraint)) {
            return ApiProblem.conflict("conflict", "Another course already has the slug '" + publication.course().slug()
                    + "'; choose another course.slug in manifest.json.").at("course.slug");
        }
        if (constraint.endsWith("_pkey")) {
            return ApiProblem.conflict("conflict", "An id in the package belongs to another course ("
                    + constraint.replace("_pkey", "") + "); every id in a package must be new or this course's own.");
        }
        return problem;
    }

    @Override
    public List<CourseVersionView> versions(UserId user, UUID courseId) {
        return transactions.as(user, tx -> tx.select(CONTENT_VERSIONS.VERSION_NUMBER, CONTENT_VERSIONS.CREATED_AT,
                        CONTENT_VERSIONS.CREATED_BY, CONTENT_VERSIONS.CHANGE_SUMMARY,
                        DSL.field("{0} -> 'manifest' -> 'course' ->> 'version'", String.class, CONTENT_VERSIONS.CONTENT_DATA))
                .from(CONTENT_VERSIONS)
                .where(CONTENT_VERSIONS.CONTENT_ID.eq(courseId), CONTENT_VERSIONS.CONTENT_TYPE.eq("course"))
                .orderBy(CONTENT_VERSIONS.VERSION_NUMBER.desc())
                .fetch(row -> new CourseVersionView(row.value1(), row.value5(), row.value2(), row.value3(), row.value4())));
    }
}
