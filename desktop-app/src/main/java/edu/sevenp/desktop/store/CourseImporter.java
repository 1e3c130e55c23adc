package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_PACKAGES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_RESOURCES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_SECTIONS;
import static edu.sevenp.desktop.store.schema.Tables.MEDIA_CACHE;
import static edu.sevenp.desktop.store.schema.Tables.MEDIA_FILES;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_QUESTIONS;
import static edu.sevenp.desktop.store.schema.Tables.USERS;

import com.fasterxml.jackson.core.JsonProcessingException;
import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.coursepackage.ManifestModel.CourseEntry;
import edu.sevenp.coursepackage.ManifestModel.Headline;
import edu.sevenp.coursepackage.ManifestModel.Manifest;
import edu.sevenp.coursepackage.PackageVersion;
import edu.sevenp.coursepackage.ResourceFiles;
import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.model.CourseId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Puts a validated course package into the library. Its media and resource files are first copied
 * into the profile's media folder (each verified, under its SHA-256: {@link PackageMedia}); then
 * everything else is written in one transaction, so a failure leaves the database exactly as it was. A
 * failure may leave verified files in the media folder: they are named by their content, so they are
 * harmless and reused.
 *
 * <p>Rows are matched by id ({@link PackageRows} makes them, {@link ChunkedUpsert} writes them).
 * Re-importing a newer version updates content in place and removes what the package dropped; a
 * learner's notes, bookmarks, progress and quiz attempts stay with the lessons and quizzes that still
 * exist, and go with the ones removed (their foreign keys cascade).
 */
public final class CourseImporter {

    /** Moves existing positions out of the way while new ones are written; order indexes are unique. */
    private static final int ORDER_SHIFT = 1_000_000;

    private final DSLContext dsl;
    private final PackageMedia media;
    private final Clock clock;
    private final ChunkedUpsert upsert = new ChunkedUpsert();

    CourseImporter(DSLContext dsl, MediaFolder mediaFolder, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.media = new PackageMedia(dsl, mediaFolder);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The id of the media_files row of a resource's file. Resources name their file inline rather than
     * in the manifest's media, so the id is derived from the resource's (a name-based UUID): the same
     * on every import, and never one a package chose.
     */
    public static UUID resourceFileId(UUID resourceId) {
        return ResourceFiles.mediaFileId(resourceId);
    }

    /**
     * What importing a package with this manifest reports when the library already holds its version, found
     * from the manifest alone (reading and checking a whole package is the slow part); empty when an import
     * would install, update or keep a newer version.
     */
    public Optional<ImportSummary> unchangedBy(Headline manifest) {
        String installed = installedVersion(dsl, manifest.courseId());
        ImportSummary.Outcome outcome = outcome(installed, manifest.version());
        return outcome == ImportSummary.Outcome.UNCHANGED ? Optional.of(summary(manifest, installed, outcome))
                : Optional.empty();
    }

    /**
     * What importing a package with this manifest reports when it would write nothing: the library holds this version,
     * or a newer one. Empty when an import would install or update the course.
     */
    public Optional<ImportSummary> writesNothing(Headline manifest) {
        String installed = installedVersion(dsl, manifest.courseId());
        ImportSummary.Outcome outcome = outcome(installed, manifest.version());
        return outcome == ImportSummary.Outcome.UNCHANGED || outcome == ImportSummary.Outcome.KEPT_NEWER
                ? Optional.of(summary(manifest, installed, outcome)) : Optional.empty();
    }

    /** How far an import's copying of media and resource files is, each file (by hash) once. */
    @FunctionalInterface
    public interface Progress {
        void filesCopied(int done, int total);
    }

    public ImportSummary importPackage(CoursePackage coursePackage) {
        return importPackage(coursePackage, (done, total) -> { });
    }

    /** As {@link #importPackage(CoursePackage)}, telling {@code progress} of each media file copied. */
    public ImportSummary importPackage(CoursePackage coursePackage, Progress progress) {
        return importPackage(coursePackage, progress, false);
    }

    /**
     * Writes the package as an update whatever its version says, for a preview: an author edits files without raising
     * the version, and the preview must show every edit (a same-version import is otherwise skipped as unchanged).
     */
    public ImportSummary replacePackage(CoursePackage coursePackage) {
        return importPackage(coursePackage, (done, total) -> { }, true);
    }

    private ImportSummary importPackage(CoursePackage coursePackage, Progress progress, boolean replace) {
        CourseEntry course = coursePackage.manifest().course();
        ImportSummary.Outcome expected = outcome(installedVersion(dsl, course.id()), course.version());
        if (replace || expected == ImportSummary.Outcome.INSTALLED || expected == ImportSummary.Outcome.UPDATED) {
            media.copy(coursePackage, progress);
        }
        try {
            return dsl.transactionResult(configuration -> write(configuration.dsl(), coursePackage, replace));
        } catch (DataAccessException e) {
            throw new StoreException(StoreException.WORDS.text("import.failed", course.title(),
                    coursePackage.source().toString()), e);
        }
    }

    private ImportSummary write(DSLContext tx, CoursePackage coursePackage, boolean replace)
            throws JsonProcessingException {
        Manifest manifest = coursePackage.manifest();
        CourseEntry course = manifest.course();
        String installed = installedVersion(tx, course.id());
        ImportSummary.Outcome outcome = replace && installed != null ? ImportSummary.Outcome.UPDATED
                : outcome(installed, course.version());
        ImportSummary summary = summary(manifest.headline(), installed, outcome);
        if (outcome == ImportSummary.Outcome.UNCHANGED || outcome == ImportSummary.Outcome.KEPT_NEWER) {
            return summary;
        }
        OffsetDateTime now = Rows.now(clock);
        UUID courseId = course.id();
        ImportConflicts.requireSlugFree(tx, course);
        ImportConflicts.requireOwnIds(tx, manifest);
        PackageRows rows = new PackageRows(coursePackage, now);
        upsert.write(tx, USERS, USERS.ID, rows.instructor());
        upsert.write(tx, COURSES, COURSES.ID, rows.course());
        tx.update(COURSES).set(COURSES.PUBLISHED_AT, now).where(COURSES.ID.eq(courseId), COURSES.PUBLISHED_AT.isNull())
                .execute();
        Map<UUID, Map<Field<?>, Object>> mediaFiles = rows.mediaFiles();
        upsert.write(tx, MEDIA_FILES, MEDIA_FILES.ID, mediaFiles);
        upsert.write(tx, MEDIA_CACHE, MEDIA_CACHE.FILE_HASH, rows.mediaCache());

        shiftOrders(tx, COURSE_SECTIONS, COURSE_SECTIONS.ORDER_INDEX, COURSE_SECTIONS.COURSE_ID.eq(courseId));
        shiftOrders(tx, COURSE_LESSONS, COURSE_LESSONS.ORDER_INDEX, COURSE_LESSONS.COURSE_ID.eq(courseId));
        Map<UUID, Map<Field<?>, Object>> sections = rows.sections();
        Map<UUID, Map<Field<?>, Object>> lessons = rows.lessons();
        upsert.write(tx, COURSE_SECTIONS, COURSE_SECTIONS.ID, sections);
        upsert.write(tx, COURSE_LESSONS, COURSE_LESSONS.ID, lessons);

        shiftOrders(tx, QUIZ_QUESTIONS, QUIZ_QUESTIONS.ORDER_INDEX, QUIZ_QUESTIONS.QUIZ_ID.in(
                DSL.select(COURSE_QUIZZES.ID).from(COURSE_QUIZZES).where(COURSE_QUIZZES.COURSE_ID.eq(courseId))));
        Map<UUID, Map<Field<?>, Object>> quizzes = rows.quizzes();
        Map<UUID, Map<Field<?>, Object>> questions = rows.questions();
        upsert.write(tx, COURSE_QUIZZES, COURSE_QUIZZES.ID, quizzes);
        upsert.write(tx, QUIZ_QUESTIONS, QUIZ_QUESTIONS.ID, questions);
        Map<UUID, Map<Field<?>, Object>> resources = rows.resources();
        upsert.write(tx, COURSE_RESOURCES, COURSE_RESOURCES.ID, resources);

        // What the package no longer has goes; rows hanging off removed lessons and quizzes go with them, except
        // the learner's notes, which stay, detached with the lesson's title (RemovedLessons).
        RemovedLessons.detachNotes(tx, COURSE_LESSONS.COURSE_ID.eq(courseId).and(COURSE_LESSONS.ID.notIn(lessons.keySet())));
        removeOthers(tx, COURSE_RESOURCES, COURSE_RESOURCES.ID, COURSE_RESOURCES.COURSE_ID.eq(courseId), resources.keySet());
        removeOthers(tx, COURSE_QUIZZES, COURSE_QUIZZES.ID, COURSE_QUIZZES.COURSE_ID.eq(courseId), quizzes.keySet());
        removeOthers(tx, QUIZ_QUESTIONS, QUIZ_QUESTIONS.ID, QUIZ_QUESTIONS.QUIZ_ID.in(quizzes.keySet()), questions.keySet());
        removeOthers(tx, COURSE_LESSONS, COURSE_LESSONS.ID, COURSE_LESSONS.COURSE_ID.eq(courseId), lessons.keySet());
        removeOthers(tx, COURSE_SECTIONS, COURSE_SECTIONS.ID, COURSE_SECTIONS.COURSE_ID.eq(courseId), sections.keySet());
        removeOthers(tx, MEDIA_FILES, MEDIA_FILES.ID, MEDIA_FILES.COURSE_ID.eq(courseId), mediaFiles.keySet());

        // Lessons added or removed change every learner's share of completed lessons (the server's
        // roll_up_lesson_changes): a new lesson lowers it, removing the last unfinished one completes the course.
        CourseRollUp.refreshCourse(tx, courseId, now);
        // The course's lessons and quizzes changed: the search index takes them in again.
        SearchQueue.enqueue(tx, SearchQueue.DocType.COURSE, courseId);
        upsert.write(tx, COURSE_PACKAGES, COURSE_PACKAGES.COURSE_ID, rows.coursePackage());
        return summary;
    }

    /** Deletes the rows {@code which} selects, except those with a key in {@code kept}. */
    private static <R extends Record> void removeOthers(DSLContext tx, Table<R> table, Field<UUID> key, Condition which,
            Set<UUID> kept) {
        tx.deleteFrom(table).where(which, key.notIn(kept)).execute();
    }

    private static <R extends Record> void shiftOrders(DSLContext tx, Table<R> table, Field<Integer> order, Condition which) {
        tx.update(table).set(order, order.plus(ORDER_SHIFT)).where(which).execute();
    }

    private static String installedVersion(DSLContext context, UUID courseId) {
        return context.select(COURSE_PACKAGES.VERSION).from(COURSE_PACKAGES)
                .where(COURSE_PACKAGES.COURSE_ID.eq(courseId)).fetchOne(COURSE_PACKAGES.VERSION);
    }

    private static ImportSummary summary(Headline manifest, String installed, ImportSummary.Outcome outcome) {
        return new ImportSummary(new CourseId(manifest.courseId()), manifest.title(), manifest.version(), installed,
                outcome, manifest.sections(), manifest.lessons());
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
}
