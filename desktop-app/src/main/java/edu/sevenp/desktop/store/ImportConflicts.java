package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_RESOURCES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_SECTIONS;
import static edu.sevenp.desktop.store.schema.Tables.MEDIA_FILES;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_QUESTIONS;

import edu.sevenp.coursepackage.ManifestModel.CourseEntry;
import edu.sevenp.coursepackage.ManifestModel.LessonEntry;
import edu.sevenp.coursepackage.ManifestModel.Manifest;
import edu.sevenp.coursepackage.ManifestModel.MediaEntry;
import edu.sevenp.coursepackage.ManifestModel.QuestionEntry;
import edu.sevenp.coursepackage.ManifestModel.SectionEntry;
import edu.sevenp.desktop.store.PackageRows.Owned;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/** What makes the library refuse a package whatever its content: a slug or an id that belongs to another course. */
final class ImportConflicts {

    private ImportConflicts() {
    }

    /** @throws StoreException another course of the library has the package's slug */
    static void requireSlugFree(DSLContext tx, CourseEntry course) {
        String holder = tx.select(COURSES.TITLE).from(COURSES)
                .where(COURSES.SLUG.eq(course.slug()), COURSES.ID.ne(course.id())).fetchOne(COURSES.TITLE);
        if (holder != null) {
            throw new StoreException(StoreException.WORDS.text("import.slugTaken", holder, course.slug()));
        }
    }

    /**
     * Ids are matched across the whole library: an id of this package that belongs to another course's
     * row would move that row into this course. Such a package is refused.
     *
     * @throws StoreException naming the first such id
     */
    static void requireOwnIds(DSLContext tx, Manifest manifest) {
        UUID courseId = manifest.course().id();
        List<UUID> quizIds = PackageRows.quizzes(manifest).stream().map(quiz -> quiz.entry().id()).toList();
        List<Optional<String>> clashes = new ArrayList<>();
        clashes.add(clash(tx, "section", COURSE_SECTIONS, COURSE_SECTIONS.ID, COURSE_SECTIONS.COURSE_ID, courseId,
                manifest.sections().stream().map(SectionEntry::id).toList()));
        clashes.add(clash(tx, "lesson", COURSE_LESSONS, COURSE_LESSONS.ID, COURSE_LESSONS.COURSE_ID, courseId,
                manifest.lessons().stream().map(LessonEntry::id).toList()));
        clashes.add(clash(tx, "media", MEDIA_FILES, MEDIA_FILES.ID, MEDIA_FILES.COURSE_ID, courseId,
                manifest.media().stream().map(MediaEntry::id).toList()));
        clashes.add(clash(tx, "resource", COURSE_RESOURCES, COURSE_RESOURCES.ID, COURSE_RESOURCES.COURSE_ID, courseId,
                PackageRows.resources(manifest).stream().map(resource -> resource.entry().id()).toList()));
        clashes.add(clash(tx, "quiz", COURSE_QUIZZES, COURSE_QUIZZES.ID, COURSE_QUIZZES.COURSE_ID, courseId, quizIds));
        List<UUID> questionIds = PackageRows.quizzes(manifest).stream().map(Owned::entry)
                .flatMap(quiz -> quiz.questions().stream()).map(QuestionEntry::id).toList();
        clashes.add(tx.select(QUIZ_QUESTIONS.ID, COURSES.TITLE).from(QUIZ_QUESTIONS)
                .join(COURSE_QUIZZES).on(COURSE_QUIZZES.ID.eq(QUIZ_QUESTIONS.QUIZ_ID))
                .join(COURSES).on(COURSES.ID.eq(COURSE_QUIZZES.COURSE_ID))
                .where(QUIZ_QUESTIONS.ID.in(questionIds), COURSE_QUIZZES.COURSE_ID.ne(courseId))
                .limit(1)
                .fetchOptional(row -> clashWords("question", row.value1(), row.value2())));
        clashes.stream().flatMap(Optional::stream).findFirst().ifPresent(clash -> {
            throw new StoreException(StoreException.WORDS.text("import.idReused", clash));
        });
    }

    private static <R extends Record> Optional<String> clash(DSLContext tx, String kind, Table<R> table,
            TableField<R, UUID> id, TableField<R, UUID> course, UUID courseId, List<UUID> ids) {
        return tx.select(id, COURSES.TITLE).from(table).join(COURSES).on(COURSES.ID.eq(course))
                .where(id.in(ids), course.ne(courseId))
                .limit(1)
                .fetchOptional(row -> clashWords(kind, row.value1(), row.value2()));
    }

    /** "lesson 3f1c… belongs to \"SQL Basics\"", in the learner's language. */
    private static String clashWords(String kind, UUID id, String courseTitle) {
        return StoreException.WORDS.text("import.clash", StoreException.WORDS.text("kind." + kind), id.toString(),
                courseTitle);
    }
}
