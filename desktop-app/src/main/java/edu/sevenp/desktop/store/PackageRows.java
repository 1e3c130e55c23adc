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
import edu.sevenp.coursepackage.ManifestModel.LessonEntry;
import edu.sevenp.coursepackage.ManifestModel.Manifest;
import edu.sevenp.coursepackage.ManifestModel.MediaEntry;
import edu.sevenp.coursepackage.ManifestModel.QuestionEntry;
import edu.sevenp.coursepackage.ManifestModel.QuizEntry;
import edu.sevenp.coursepackage.ManifestModel.ResourceEntry;
import edu.sevenp.coursepackage.ManifestModel.SectionEntry;
import edu.sevenp.coursepackage.ResourceFiles;
import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.desktop.media.MediaReference;
import edu.sevenp.model.json.JsonMapperFactory;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.JSON;

/**
 * A course package as rows of the local mirror: for each table, the package's rows by key, each as the
 * column values an import writes ({@link ChunkedUpsert}'s input). Every row carries {@code now} as its
 * update time. A graded quiz's answer keys are left out here, whatever the package says (principle 8).
 */
final class PackageRows {

    private static final BigDecimal DEFAULT_PASSING_SCORE = new BigDecimal("70.00");

    /** A resource or quiz with the lesson it belongs to, or null for one of the whole course. */
    record Owned<T>(UUID lessonId, T entry) {
    }

    /** A media or resource file of the package, with the hash and size its manifest gives. */
    record PackageFile(String path, String sha256, long size) {
    }

    private final CoursePackage coursePackage;
    private final Manifest manifest;
    private final UUID courseId;
    private final OffsetDateTime now;
    private final ObjectMapper json = JsonMapperFactory.create();

    PackageRows(CoursePackage coursePackage, OffsetDateTime now) {
        this.coursePackage = coursePackage;
        this.manifest = coursePackage.manifest();
        this.courseId = manifest.course().id();
        this.now = now;
    }

    /** The course's instructor, as far as a package knows them. */
    Map<UUID, Map<Field<?>, Object>> instructor() {
        CourseEntry course = manifest.course();
        return Map.of(course.instructor().id(), Map.of(USERS.NAME, course.instructor().name(), USERS.UPDATED_AT, now));
    }

    Map<UUID, Map<Field<?>, Object>> course() throws JsonProcessingException {
        CourseEntry course = manifest.course();
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
        return Map.of(courseId, values);
    }

    /** The manifest's media, then a row for the file of each file resource. */
    Map<UUID, Map<Field<?>, Object>> mediaFiles() {
        Map<UUID, Map<Field<?>, Object>> rows = new LinkedHashMap<>();
        for (MediaEntry entry : manifest.media()) {
            rows.put(entry.id(), mediaValues(entry.file(), entry.sha256(), entry.size(), entry.mimeType(), entry.width(),
                    entry.height(), entry.durationSeconds()));
        }
        for (Owned<ResourceEntry> resource : resources(manifest)) {
            ResourceEntry entry = resource.entry();
            if (entry.isFile()) {
                rows.put(ResourceFiles.mediaFileId(entry.id()), mediaValues(entry.file(), entry.sha256(), entry.size(),
                        entry.mimeType(), null, null, null));
            }
        }
        return rows;
    }

    /** Every file of the package, verified in the media folder under its hash (the import copied it there first). */
    Map<String, Map<Field<?>, Object>> mediaCache() {
        Map<String, Map<Field<?>, Object>> rows = new LinkedHashMap<>();
        for (PackageFile file : files(manifest)) {
            rows.put(file.sha256(), Map.of(
                    MEDIA_CACHE.FILE_PATH, MediaFolder.relativePath(file.sha256()),
                    MEDIA_CACHE.FILE_SIZE, file.size(),
                    MEDIA_CACHE.BYTES_PRESENT, file.size(),
                    MEDIA_CACHE.STATE, "verified",
                    MEDIA_CACHE.UPDATED_AT, now));
        }
        return rows;
    }

    Map<UUID, Map<Field<?>, Object>> sections() {
        Map<UUID, Map<Field<?>, Object>> rows = new LinkedHashMap<>();
        for (SectionEntry section : manifest.sections()) {
            Map<Field<?>, Object> values = new LinkedHashMap<>();
            values.put(COURSE_SECTIONS.COURSE_ID, courseId);
            values.put(COURSE_SECTIONS.TITLE, section.title());
            values.put(COURSE_SECTIONS.DESCRIPTION, section.description());
            values.put(COURSE_SECTIONS.ORDER_INDEX, section.order());
            values.put(COURSE_SECTIONS.UPDATED_AT, now);
            rows.put(section.id(), values);
        }
        return rows;
    }

    Map<UUID, Map<Field<?>, Object>> lessons() {
        Map<UUID, MediaEntry> media = new LinkedHashMap<>();
        manifest.media().forEach(entry -> media.put(entry.id(), entry));
        Map<UUID, Map<Field<?>, Object>> rows = new LinkedHashMap<>();
        for (SectionEntry section : manifest.sections()) {
            for (LessonEntry lesson : section.lessons()) {
                rows.put(lesson.id(), lessonValues(section.id(), lesson, coursePackage.body(lesson.id()),
                        lesson.video() == null ? null : media.get(lesson.video()), media));
            }
        }
        return rows;
    }

    Map<UUID, Map<Field<?>, Object>> quizzes() {
        Map<UUID, Map<Field<?>, Object>> rows = new LinkedHashMap<>();
        for (Owned<QuizEntry> quiz : quizzes(manifest)) {
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
            rows.put(entry.id(), values);
        }
        return rows;
    }

    Map<UUID, Map<Field<?>, Object>> questions() throws JsonProcessingException {
        Map<UUID, Map<Field<?>, Object>> rows = new LinkedHashMap<>();
        for (Owned<QuizEntry> quiz : quizzes(manifest)) {
            for (QuestionEntry question : quiz.entry().questions()) {
                rows.put(question.id(), questionValues(quiz.entry(), question));
            }
        }
        return rows;
    }

    Map<UUID, Map<Field<?>, Object>> resources() {
        Map<UUID, Map<Field<?>, Object>> rows = new LinkedHashMap<>();
        for (Owned<ResourceEntry> resource : resources(manifest)) {
            ResourceEntry entry = resource.entry();
            Map<Field<?>, Object> values = new LinkedHashMap<>();
            values.put(COURSE_RESOURCES.COURSE_ID, courseId);
            values.put(COURSE_RESOURCES.LESSON_ID, resource.lessonId());
            values.put(COURSE_RESOURCES.MEDIA_FILE_ID, entry.isFile() ? ResourceFiles.mediaFileId(entry.id()) : null);
            values.put(COURSE_RESOURCES.TITLE, entry.title());
            values.put(COURSE_RESOURCES.DESCRIPTION, entry.description());
            values.put(COURSE_RESOURCES.FILE_URL, entry.isFile() ? new MediaReference(entry.sha256()).toString() : entry.url());
            values.put(COURSE_RESOURCES.FILE_TYPE, entry.isFile() ? entry.mimeType() : null);
            values.put(COURSE_RESOURCES.FILE_SIZE, entry.isFile() ? entry.size() : null);
            // A web link cannot be taken offline; a file is already on the device.
            values.put(COURSE_RESOURCES.IS_DOWNLOADABLE, entry.isFile());
            values.put(COURSE_RESOURCES.UPDATED_AT, now);
            rows.put(entry.id(), values);
        }
        return rows;
    }

    /** Which version of the course the library now holds, and where it came from. */
    Map<UUID, Map<Field<?>, Object>> coursePackage() {
        return Map.of(courseId, Map.of(
                COURSE_PACKAGES.VERSION, manifest.course().version(),
                COURSE_PACKAGES.SOURCE, truncate(coursePackage.source(), 1000),
                COURSE_PACKAGES.IMPORTED_AT, now));
    }

    /** Every media and resource file of the package, with the hash and size its manifest gives. */
    static List<PackageFile> files(Manifest manifest) {
        Stream<PackageFile> media = manifest.media().stream()
                .map(entry -> new PackageFile(entry.file(), entry.sha256(), entry.size()));
        Stream<PackageFile> resources = resources(manifest).stream()
                .map(Owned::entry).filter(ResourceEntry::isFile)
                .map(entry -> new PackageFile(entry.file(), entry.sha256(), entry.size()));
        return Stream.concat(media, resources).toList();
    }

    /** The course's resources, then each lesson's, in manifest order. */
    static List<Owned<ResourceEntry>> resources(Manifest manifest) {
        return owned(manifest, LessonEntry::resources, manifest.resources());
    }

    /** The course's quizzes, then each lesson's, in manifest order. */
    static List<Owned<QuizEntry>> quizzes(Manifest manifest) {
        return owned(manifest, LessonEntry::quizzes, manifest.quizzes());
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

    private Map<Field<?>, Object> lessonValues(UUID sectionId, LessonEntry lesson, LessonBody body, MediaEntry video,
            Map<UUID, MediaEntry> media) {
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
        values.put(COURSE_LESSONS.ATTACHMENTS, LessonAttachments.of(lesson.captions().stream()
                .map(track -> new LessonAttachments.Captions(track.language(),
                        track.label() == null ? track.language() : track.label(),
                        new MediaReference(media.get(track.media()).sha256())))
                .toList()));
        values.put(COURSE_LESSONS.READING_TIME, lesson.readingTimeMinutes());
        values.put(COURSE_LESSONS.ORDER_INDEX, lesson.order());
        values.put(COURSE_LESSONS.IS_PREVIEW, lesson.preview());
        values.put(COURSE_LESSONS.UPDATED_AT, now);
        return values;
    }

    private Map<Field<?>, Object> mediaValues(String file, String sha256, long size, String mimeType, Integer width,
            Integer height, Integer duration) {
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

    /** A graded quiz's question is stored without answer key and explanation, whatever the package says (principle 8). */
    private Map<Field<?>, Object> questionValues(QuizEntry quiz, QuestionEntry question) throws JsonProcessingException {
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

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
