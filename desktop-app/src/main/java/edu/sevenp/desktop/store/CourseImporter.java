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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.coursepackage.LessonBody;
import edu.sevenp.coursepackage.ManifestModel.CourseEntry;
import edu.sevenp.coursepackage.ManifestModel.Headline;
import edu.sevenp.coursepackage.ManifestModel.LessonEntry;
import edu.sevenp.coursepackage.ManifestModel.Manifest;
import edu.sevenp.coursepackage.ManifestModel.MediaEntry;
import edu.sevenp.coursepackage.ManifestModel.QuestionEntry;
import edu.sevenp.coursepackage.ManifestModel.QuizEntry;
import edu.sevenp.coursepackage.ManifestModel.ResourceEntry;
import edu.sevenp.coursepackage.ManifestModel.SectionEntry;
import edu.sevenp.coursepackage.PackageVersion;
import edu.sevenp.coursepackage.ResourceFiles;
import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.desktop.media.MediaReference;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Puts a validated course package into the library. Its media and resource files are first copied
 * into the profile's media folder (each verified, under its SHA-256); then everything else is written
 * in one transaction, so a failure leaves the database exactly as it was. A failure may leave verified
 * files in the media folder: they are named by their content, so they are harmless and reused.
 *
 * <p>Rows are matched by id. Re-importing a newer version updates content in place and removes what
 * the package dropped; a learner's notes, bookmarks, progress and quiz attempts stay with the lessons
 * and quizzes that still exist, and go with the ones removed (their foreign keys cascade).
 */
public final class CourseImporter {

    /** Moves existing positions out of the way while new ones are written; order indexes are unique. */
    private static final int ORDER_SHIFT = 1_000_000;
    /** Rows per multi-row INSERT: few round trips, and a statement of bounded size. */
    private static final int INSERT_CHUNK = 200;
    private static final BigDecimal DEFAULT_PASSING_SCORE = new BigDecimal("70.00");

    private final DSLContext dsl;
    private final MediaFolder mediaFolder;
    private final Clock clock;
    private final ObjectMapper json = JsonMapperFactory.create();

    CourseImporter(DSLContext dsl, MediaFolder mediaFolder, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.mediaFolder = Objects.requireNonNull(mediaFolder, "mediaFolder");
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

    public ImportSummary importPackage(CoursePackage coursePackage) {
        CourseEntry course = coursePackage.manifest().course();
        ImportSummary.Outcome expected = outcome(installedVersion(dsl, course.id()), course.version());
        if (expected == ImportSummary.Outcome.INSTALLED || expected == ImportSummary.Outcome.UPDATED) {
            copyFiles(coursePackage);
        }
        try {
            return dsl.transactionResult(configuration -> write(configuration.dsl(), coursePackage));
        } catch (DataAccessException e) {
            throw new StoreException("Could not import \"" + course.title() + "\" from " + coursePackage.source()
                    + "; the library is unchanged. " + e.getMessage(), e);
        }
    }

    /** Before the transaction: every media and resource file, verified, into the media folder. */
    private void copyFiles(CoursePackage coursePackage) {
        List<PackageFile> files = packageFiles(coursePackage.manifest());
        Set<String> verified = new HashSet<>(dsl.select(MEDIA_CACHE.FILE_HASH).from(MEDIA_CACHE)
                .where(MEDIA_CACHE.FILE_HASH.in(files.stream().map(PackageFile::sha256).toList()),
                        MEDIA_CACHE.STATE.eq("verified"))
                .fetch(MEDIA_CACHE.FILE_HASH));
        Set<String> copied = new HashSet<>();
        for (PackageFile file : files) {
            if (!copied.add(file.sha256())) {
                continue;
            }
            try {
                mediaFolder.put(coursePackage.file(file.path()), file.sha256(), file.size(), verified.contains(file.sha256()));
            } catch (MediaFolder.MediaChangedException e) {
                throw new StoreException("The file \"" + file.path() + "\" of " + coursePackage.source()
                        + " changed after the package was checked (" + e.getMessage() + "); nothing was imported and"
                        + " the library is unchanged.", e);
            } catch (IOException e) {
                throw new StoreException("Could not copy \"" + file.path() + "\" of " + coursePackage.source()
                        + " into the media folder " + mediaFolder.directory() + " (" + e.getMessage()
                        + "); nothing was imported and the library is unchanged.", e);
            }
        }
    }

    private ImportSummary write(DSLContext tx, CoursePackage coursePackage) throws JsonProcessingException {
        Manifest manifest = coursePackage.manifest();
        CourseEntry course = manifest.course();
        List<SectionEntry> sections = manifest.sections();
        String installed = installedVersion(tx, course.id());
        ImportSummary.Outcome outcome = outcome(installed, course.version());
        ImportSummary summary = summary(manifest.headline(), installed, outcome);
        if (outcome == ImportSummary.Outcome.UNCHANGED || outcome == ImportSummary.Outcome.KEPT_NEWER) {
            return summary;
        }
        OffsetDateTime now = Rows.now(clock);
        UUID courseId = course.id();
        requireSlugFree(tx, course);
        requireOwnIds(tx, manifest);
        writeRows(tx, USERS, USERS.ID, Map.of(course.instructor().id(), Map.of(USERS.NAME, course.instructor().name(),
                USERS.UPDATED_AT, now)));
        writeRows(tx, COURSES, COURSES.ID, Map.of(courseId, courseValues(course, now)));
        tx.update(COURSES).set(COURSES.PUBLISHED_AT, now).where(COURSES.ID.eq(courseId), COURSES.PUBLISHED_AT.isNull())
                .execute();

        Map<UUID, MediaEntry> media = new LinkedHashMap<>();
        manifest.media().forEach(entry -> media.put(entry.id(), entry));
        List<Owned<ResourceEntry>> resources = owned(manifest, LessonEntry::resources, manifest.resources());
        Map<UUID, Map<Field<?>, Object>> mediaRows = new LinkedHashMap<>();
        for (MediaEntry entry : manifest.media()) {
            mediaRows.put(entry.id(), mediaValues(courseId, entry.file(), entry.sha256(), entry.size(), entry.mimeType(),
                    entry.width(), entry.height(), entry.durationSeconds(), now));
        }
        for (Owned<ResourceEntry> resource : resources) {
            ResourceEntry entry = resource.entry();
            if (entry.isFile()) {
                mediaRows.put(resourceFileId(entry.id()), mediaValues(courseId, entry.file(), entry.sha256(), entry.size(),
                        entry.mimeType(), null, null, null, now));
            }
        }
        writeRows(tx, MEDIA_FILES, MEDIA_FILES.ID, mediaRows);
        Map<String, Map<Field<?>, Object>> cacheRows = new LinkedHashMap<>();
        for (PackageFile file : packageFiles(manifest)) {
            cacheRows.put(file.sha256(), Map.of(
                    MEDIA_CACHE.FILE_PATH, MediaFolder.relativePath(file.sha256()),
                    MEDIA_CACHE.FILE_SIZE, file.size(),
                    MEDIA_CACHE.BYTES_PRESENT, file.size(),
                    MEDIA_CACHE.STATE, "verified",
                    MEDIA_CACHE.UPDATED_AT, now));
        }
        writeRows(tx, MEDIA_CACHE, MEDIA_CACHE.FILE_HASH, cacheRows);

        shiftOrders(tx, COURSE_SECTIONS, COURSE_SECTIONS.ORDER_INDEX, COURSE_SECTIONS.COURSE_ID.eq(courseId));
        shiftOrders(tx, COURSE_LESSONS, COURSE_LESSONS.ORDER_INDEX, COURSE_LESSONS.COURSE_ID.eq(courseId));
        Map<UUID, Map<Field<?>, Object>> sectionRows = new LinkedHashMap<>();
        Map<UUID, Map<Field<?>, Object>> lessonRows = new LinkedHashMap<>();
        for (SectionEntry section : sections) {
            sectionRows.put(section.id(), sectionValues(courseId, section, now));
            for (LessonEntry lesson : section.lessons()) {
                lessonRows.put(lesson.id(), lessonValues(courseId, section.id(), lesson, coursePackage.body(lesson.id()),
                        media, now));
            }
        }
        writeRows(tx, COURSE_SECTIONS, COURSE_SECTIONS.ID, sectionRows);
        writeRows(tx, COURSE_LESSONS, COURSE_LESSONS.ID, lessonRows);

        List<Owned<QuizEntry>> quizzes = owned(manifest, LessonEntry::quizzes, manifest.quizzes());
        shiftOrders(tx, QUIZ_QUESTIONS, QUIZ_QUESTIONS.ORDER_INDEX, QUIZ_QUESTIONS.QUIZ_ID.in(
                DSL.select(COURSE_QUIZZES.ID).from(COURSE_QUIZZES).where(COURSE_QUIZZES.COURSE_ID.eq(courseId))));
        Map<UUID, Map<Field<?>, Object>> quizRows = new LinkedHashMap<>();
        Map<UUID, Map<Field<?>, Object>> questionRows = new LinkedHashMap<>();
        for (Owned<QuizEntry> quiz : quizzes) {
            quizRows.put(quiz.entry().id(), quizValues(courseId, quiz, now));
            for (QuestionEntry question : quiz.entry().questions()) {
                questionRows.put(question.id(), questionValues(quiz.entry(), question, now));
            }
        }
        writeRows(tx, COURSE_QUIZZES, COURSE_QUIZZES.ID, quizRows);
        writeRows(tx, QUIZ_QUESTIONS, QUIZ_QUESTIONS.ID, questionRows);
        Map<UUID, Map<Field<?>, Object>> resourceRows = new LinkedHashMap<>();
        for (Owned<ResourceEntry> resource : resources) {
            resourceRows.put(resource.entry().id(), resourceValues(courseId, resource, now));
        }
        writeRows(tx, COURSE_RESOURCES, COURSE_RESOURCES.ID, resourceRows);

        removeDropped(tx, manifest, resources, quizzes);
        // Lessons added or removed change every learner's share of completed lessons (the server's
        // roll_up_lesson_changes): a new lesson lowers it, removing the last unfinished one completes the course.
        CourseRollUp.refreshCourse(tx, courseId, now);
        // The course's lessons and quizzes changed: the search index takes them in again.
        SearchQueue.enqueue(tx, SearchQueue.DocType.COURSE, courseId);
        writeRows(tx, COURSE_PACKAGES, COURSE_PACKAGES.COURSE_ID, Map.of(courseId, Map.of(
                COURSE_PACKAGES.VERSION, course.version(),
                COURSE_PACKAGES.SOURCE, truncate(coursePackage.source(), 1000),
                COURSE_PACKAGES.IMPORTED_AT, now)));
        return summary;
    }

    /** Removes what the package no longer has; rows hanging off removed lessons and quizzes go with them. */
    private static void removeDropped(DSLContext tx, Manifest manifest, List<Owned<ResourceEntry>> resources,
            List<Owned<QuizEntry>> quizzes) {
        UUID courseId = manifest.course().id();
        tx.deleteFrom(COURSE_RESOURCES).where(COURSE_RESOURCES.COURSE_ID.eq(courseId),
                COURSE_RESOURCES.ID.notIn(resources.stream().map(resource -> resource.entry().id()).toList())).execute();
        List<UUID> quizIds = quizzes.stream().map(quiz -> quiz.entry().id()).toList();
        tx.deleteFrom(COURSE_QUIZZES).where(COURSE_QUIZZES.COURSE_ID.eq(courseId), COURSE_QUIZZES.ID.notIn(quizIds))
                .execute();
        tx.deleteFrom(QUIZ_QUESTIONS).where(QUIZ_QUESTIONS.QUIZ_ID.in(quizIds), QUIZ_QUESTIONS.ID.notIn(quizzes.stream()
                .flatMap(quiz -> quiz.entry().questions().stream()).map(QuestionEntry::id).toList())).execute();
        tx.deleteFrom(COURSE_LESSONS).where(COURSE_LESSONS.COURSE_ID.eq(courseId),
                COURSE_LESSONS.ID.notIn(manifest.lessons().stream().map(LessonEntry::id).toList())).execute();
        tx.deleteFrom(COURSE_SECTIONS).where(COURSE_SECTIONS.COURSE_ID.eq(courseId),
                COURSE_SECTIONS.ID.notIn(manifest.sections().stream().map(SectionEntry::id).toList())).execute();
        List<UUID> mediaIds = Stream.concat(manifest.media().stream().map(MediaEntry::id), resources.stream()
                .filter(resource -> resource.entry().isFile()).map(resource -> resourceFileId(resource.entry().id())))
                .toList();
        tx.deleteFrom(MEDIA_FILES).where(MEDIA_FILES.COURSE_ID.eq(courseId), MEDIA_FILES.ID.notIn(mediaIds)).execute();
    }

    private Map<Field<?>, Object> courseValues(CourseEntry course, OffsetDateTime now) throws JsonProcessingException {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(COURSES.TITLE, course.title());
        values.put(COURSES.SLUG, course.slug());
        values.put(COURSES.SHORT_DESCRIPTION, course.shortDescription());
        values.put(COURSES.DESCRIPTION, course.description());
        values.put(COURSES.INSTRUCTOR_ID, course.instructor().id());
        values.put(COURSES.DIFFICULTY, course.difficulty());
        values.put(COURSES.LANGUAGE, course.language());
        values.put(COURSES.STATUS, "published");
        values.put(COURSES.LEARNING_OBJECTIVES, jsonOf(course.learningObjectives()));
        values.put(COURSES.REQUIREMENTS, jsonOf(course.requirements()));
        values.put(COURSES.TARGET_AUDIENCE, jsonOf(course.targetAudience()));
        values.put(COURSES.UPDATED_AT, now);
        return values;
    }

    private static Map<Field<?>, Object> sectionValues(UUID courseId, SectionEntry section, OffsetDateTime now) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(COURSE_SECTIONS.COURSE_ID, courseId);
        values.put(COURSE_SECTIONS.TITLE, section.title());
        values.put(COURSE_SECTIONS.DESCRIPTION, section.description());
        values.put(COURSE_SECTIONS.ORDER_INDEX, section.order());
        values.put(COURSE_SECTIONS.UPDATED_AT, now);
        return values;
    }

    private static Map<Field<?>, Object> lessonValues(UUID courseId, UUID sectionId, LessonEntry lesson, LessonBody body,
            Map<UUID, MediaEntry> media, OffsetDateTime now) {
        MediaEntry video = lesson.video() == null ? null : media.get(lesson.video());
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(COURSE_LESSONS.COURSE_ID, courseId);
        values.put(COURSE_LESSONS.SECTION_ID, sectionId);
        values.put(COURSE_LESSONS.TITLE, lesson.title());
        values.put(COURSE_LESSONS.SLUG, lesson.slug());
        values.put(COURSE_LESSONS.CONTENT, body.text());
        values.put(COURSE_LESSONS.CONTENT_FORMAT, body.format().code());
        values.put(COURSE_LESSONS.CONTENT_TYPE, lesson.contentType());
        values.put(COURSE_LESSONS.VIDEO_URL, video == null ? null : new MediaReference(video.sha256()).toString());
        values.put(COURSE_LESSONS.VIDEO_DURATION, video == null ? null : video.durationSeconds());
        values.put(COURSE_LESSONS.READING_TIME, lesson.readingTimeMinutes());
        values.put(COURSE_LESSONS.ORDER_INDEX, lesson.order());
        values.put(COURSE_LESSONS.IS_PREVIEW, lesson.preview());
        values.put(COURSE_LESSONS.UPDATED_AT, now);
        return values;
    }

    private static Map<Field<?>, Object> mediaValues(UUID courseId, String file, String sha256, long size, String mimeType,
            Integer width, Integer height, Integer duration, OffsetDateTime now) {
        String name = truncate(file.substring(file.lastIndexOf('/') + 1), 255);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(MEDIA_FILES.COURSE_ID, courseId);
        values.put(MEDIA_FILES.FILENAME, name);
        values.put(MEDIA_FILES.ORIGINAL_FILENAME, name);
        // Where the file was in its package; on this device it is found by hash (media_cache).
        values.put(MEDIA_FILES.FILE_PATH, file);
        values.put(MEDIA_FILES.FILE_SIZE, size);
        values.put(MEDIA_FILES.MIME_TYPE, mimeType);
        values.put(MEDIA_FILES.FILE_HASH, sha256);
        values.put(MEDIA_FILES.WIDTH, width);
        values.put(MEDIA_FILES.HEIGHT, height);
        values.put(MEDIA_FILES.DURATION, duration);
        values.put(MEDIA_FILES.VISIBILITY, "course_only");
        values.put(MEDIA_FILES.UPDATED_AT, now);
        return values;
    }

    private static Map<Field<?>, Object> resourceValues(UUID courseId, Owned<ResourceEntry> resource, OffsetDateTime now) {
        ResourceEntry entry = resource.entry();
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(COURSE_RESOURCES.COURSE_ID, courseId);
        values.put(COURSE_RESOURCES.LESSON_ID, resource.lessonId());
        values.put(COURSE_RESOURCES.MEDIA_FILE_ID, entry.isFile() ? resourceFileId(entry.id()) : null);
        values.put(COURSE_RESOURCES.TITLE, entry.title());
        values.put(COURSE_RESOURCES.DESCRIPTION, entry.description());
        values.put(COURSE_RESOURCES.FILE_URL, entry.isFile() ? new MediaReference(entry.sha256()).toString() : entry.url());
        values.put(COURSE_RESOURCES.FILE_TYPE, entry.isFile() ? entry.mimeType() : null);
        values.put(COURSE_RESOURCES.FILE_SIZE, entry.isFile() ? entry.size() : null);
        // A web link cannot be taken offline; a file is already on the device.
        values.put(COURSE_RESOURCES.IS_DOWNLOADABLE, entry.isFile());
        values.put(COURSE_RESOURCES.UPDATED_AT, now);
        return values;
    }

    private static Map<Field<?>, Object> quizValues(UUID courseId, Owned<QuizEntry> quiz, OffsetDateTime now) {
        QuizEntry entry = quiz.entry();
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(COURSE_QUIZZES.COURSE_ID, courseId);
        values.put(COURSE_QUIZZES.LESSON_ID, quiz.lessonId());
        values.put(COURSE_QUIZZES.TITLE, entry.title());
        values.put(COURSE_QUIZZES.DESCRIPTION, entry.description());
        values.put(COURSE_QUIZZES.INSTRUCTIONS, entry.instructions());
        values.put(COURSE_QUIZZES.QUIZ_MODE, entry.mode());
        values.put(COURSE_QUIZZES.TIME_LIMIT, entry.timeLimitMinutes());
        values.put(COURSE_QUIZZES.ATTEMPTS_ALLOWED, entry.attemptsAllowed());
        values.put(COURSE_QUIZZES.PASSING_SCORE, entry.passingScore() == null ? DEFAULT_PASSING_SCORE : entry.passingScore());
        values.put(COURSE_QUIZZES.UPDATED_AT, now);
        return values;
    }

    /** A graded quiz's question is stored without answer key and explanation, whatever the package says (principle 8). */
    private Map<Field<?>, Object> questionValues(QuizEntry quiz, QuestionEntry question, OffsetDateTime now)
            throws JsonProcessingException {
        boolean keyAllowed = !quiz.graded();
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(QUIZ_QUESTIONS.QUIZ_ID, quiz.id());
        values.put(QUIZ_QUESTIONS.QUESTION_TEXT, question.text());
        values.put(QUIZ_QUESTIONS.QUESTION_TYPE, question.type());
        values.put(QUIZ_QUESTIONS.EXPLANATION, keyAllowed ? question.explanation() : null);
        values.put(QUIZ_QUESTIONS.POINTS, question.points() == null ? BigDecimal.ONE : question.points());
        values.put(QUIZ_QUESTIONS.ORDER_INDEX, question.order());
        values.put(QUIZ_QUESTIONS.OPTIONS, question.options() == null ? null : jsonOf(question.options()));
        values.put(QUIZ_QUESTIONS.CORRECT_ANSWER, keyAllowed && question.answer() != null
                ? jsonOf(correctAnswer(question)) : null);
        values.put(QUIZ_QUESTIONS.UPDATED_AT, now);
        return values;
    }

    /** A short answer is stored as the list of accepted answers, even when the package gave just one. */
    private JsonNode correctAnswer(QuestionEntry question) {
        if (question.type().equals("short_answer") && !question.answer().isArray()) {
            return json.createArrayNode().add(question.answer());
        }
        return question.answer();
    }

    private JSON jsonOf(Object value) throws JsonProcessingException {
        return JSON.json(json.writeValueAsString(value));
    }

    /**
     * Writes rows of one table, each given by its key and one map of column values that serves both ways:
     * rows the table does not hold yet are inserted (in multi-row statements, so a large course is
     * written in a few round trips), the others updated to the values. Every map of one call has the same
     * columns.
     */
    private static <R extends Record, K> void writeRows(DSLContext tx, Table<R> table, TableField<R, K> key,
            Map<K, ? extends Map<? extends Field<?>, ?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Set<K> existing = new HashSet<>(tx.select(key).from(table).where(key.in(rows.keySet())).fetch(key));
        List<Field<?>> columns = new ArrayList<>();
        columns.add(key);
        columns.addAll(rows.values().iterator().next().keySet());
        List<List<Object>> inserts = new ArrayList<>();
        for (Map.Entry<K, ? extends Map<? extends Field<?>, ?>> row : rows.entrySet()) {
            if (existing.contains(row.getKey())) {
                tx.update(table).set(row.getValue()).where(key.eq(row.getKey())).execute();
            } else {
                List<Object> values = new ArrayList<>();
                values.add(row.getKey());
                columns.subList(1, columns.size()).forEach(column -> values.add(row.getValue().get(column)));
                inserts.add(values);
            }
        }
        for (int from = 0; from < inserts.size(); from += INSERT_CHUNK) {
            InsertValuesStepN<R> insert = tx.insertInto(table, columns);
            for (List<Object> values : inserts.subList(from, Math.min(from + INSERT_CHUNK, inserts.size()))) {
                insert = insert.values(values);
            }
            insert.execute();
        }
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

    private static void requireSlugFree(DSLContext tx, CourseEntry course) {
        String holder = tx.select(COURSES.TITLE).from(COURSES)
                .where(COURSES.SLUG.eq(course.slug()), COURSES.ID.ne(course.id())).fetchOne(COURSES.TITLE);
        if (holder != null) {
            throw new StoreException("The library already has a different course, \"" + holder + "\", with the slug \""
                    + course.slug() + "\"; the package was not imported.");
        }
    }

    /**
     * Ids are matched across the whole library: an id of this package that belongs to another course's
     * row would move that row into this course. Such a package is refused.
     */
    private static void requireOwnIds(DSLContext tx, Manifest manifest) {
        UUID courseId = manifest.course().id();
        List<Owned<ResourceEntry>> resources = owned(manifest, LessonEntry::resources, manifest.resources());
        List<Owned<QuizEntry>> quizzes = owned(manifest, LessonEntry::quizzes, manifest.quizzes());
        List<Optional<String>> clashes = new ArrayList<>();
        clashes.add(clash(tx, "section", COURSE_SECTIONS, COURSE_SECTIONS.ID, COURSE_SECTIONS.COURSE_ID, courseId,
                manifest.sections().stream().map(SectionEntry::id).toList()));
        clashes.add(clash(tx, "lesson", COURSE_LESSONS, COURSE_LESSONS.ID, COURSE_LESSONS.COURSE_ID, courseId,
                manifest.lessons().stream().map(LessonEntry::id).toList()));
        clashes.add(clash(tx, "media", MEDIA_FILES, MEDIA_FILES.ID, MEDIA_FILES.COURSE_ID, courseId,
                manifest.media().stream().map(MediaEntry::id).toList()));
        clashes.add(clash(tx, "resource", COURSE_RESOURCES, COURSE_RESOURCES.ID, COURSE_RESOURCES.COURSE_ID, courseId,
                resources.stream().map(resource -> resource.entry().id()).toList()));
        clashes.add(clash(tx, "quiz", COURSE_QUIZZES, COURSE_QUIZZES.ID, COURSE_QUIZZES.COURSE_ID, courseId,
                quizzes.stream().map(quiz -> quiz.entry().id()).toList()));
        List<UUID> questionIds = quizzes.stream().flatMap(quiz -> quiz.entry().questions().stream())
                .map(QuestionEntry::id).toList();
        clashes.add(tx.select(QUIZ_QUESTIONS.ID, COURSES.TITLE).from(QUIZ_QUESTIONS)
                .join(COURSE_QUIZZES).on(COURSE_QUIZZES.ID.eq(QUIZ_QUESTIONS.QUIZ_ID))
                .join(COURSES).on(COURSES.ID.eq(COURSE_QUIZZES.COURSE_ID))
                .where(QUIZ_QUESTIONS.ID.in(questionIds), COURSE_QUIZZES.COURSE_ID.ne(courseId))
                .limit(1)
                .fetchOptional(row -> "question " + row.value1() + " belongs to \"" + row.value2() + "\""));
        clashes.stream().flatMap(Optional::stream).findFirst().ifPresent(clash -> {
            throw new StoreException("The package reuses an id of another course in the library (" + clash
                    + "); ids must be made for one course only. The package was not imported.");
        });
    }

    private static <R extends Record> Optional<String> clash(DSLContext tx, String kind, Table<R> table,
            TableField<R, UUID> id, TableField<R, UUID> course, UUID courseId, List<UUID> ids) {
        return tx.select(id, COURSES.TITLE).from(table).join(COURSES).on(COURSES.ID.eq(course))
                .where(id.in(ids), course.ne(courseId))
                .limit(1)
                .fetchOptional(row -> kind + " " + row.value1() + " belongs to \"" + row.value2() + "\"");
    }

    /** Every media and resource file of the package, with the hash and size its manifest gives. */
    private static List<PackageFile> packageFiles(Manifest manifest) {
        Stream<PackageFile> media = manifest.media().stream()
                .map(entry -> new PackageFile(entry.file(), entry.sha256(), entry.size()));
        Stream<PackageFile> resources = owned(manifest, LessonEntry::resources, manifest.resources()).stream()
                .map(Owned::entry).filter(ResourceEntry::isFile)
                .map(entry -> new PackageFile(entry.file(), entry.sha256(), entry.size()));
        return Stream.concat(media, resources).toList();
    }

    /** The course's own entries (lesson null) followed by each lesson's, in manifest order. */
    private static <T> List<Owned<T>> owned(Manifest manifest, Function<LessonEntry, List<T>> ofLesson, List<T> ofCourse) {
        List<Owned<T>> all = new ArrayList<>();
        ofCourse.forEach(entry -> all.add(new Owned<>(null, entry)));
        for (LessonEntry lesson : manifest.lessons()) {
            ofLesson.apply(lesson).forEach(entry -> all.add(new Owned<>(lesson.id(), entry)));
        }
        return all;
    }

    /** A resource or quiz with the lesson it belongs to, or null for one of the whole course. */
    private record Owned<T>(UUID lessonId, T entry) {
    }

    private record PackageFile(String path, String sha256, long size) {
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
