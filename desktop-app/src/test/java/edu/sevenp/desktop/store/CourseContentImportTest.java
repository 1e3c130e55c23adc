package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_RESOURCES;
import static edu.sevenp.desktop.store.schema.Tables.MEDIA_CACHE;
import static edu.sevenp.desktop.store.schema.Tables.MEDIA_FILES;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_QUESTIONS;
import static edu.sevenp.desktop.store.schema.Tables.SEARCH_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.model.LessonContent;
import edu.sevenp.model.LessonFormat;
import edu.sevenp.model.LessonId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.Records;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media, resources, quizzes and HTML lessons of a package, as the importer puts them into the store. */
class CourseContentImportTest {

    private static final byte[] VIDEO = "pretend this is an MP4 file".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SCHEMA = "CREATE TABLE students (id INTEGER PRIMARY KEY);\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private final LocalStore store = LocalStore.openInMemory("content-" + UUID.randomUUID());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void mediaIsCopiedVerifiedIntoTheMediaFolderAndListedInTheCache() throws Exception {
        PackageFixture fixture = PackageFixture.course("With video", 1, 1);
        ObjectNode video = fixture.addMedia("media/intro.mp4", VIDEO, "video/mp4").put("durationSeconds", 95)
                .put("width", 1280).put("height", 720);
        fixture.video(fixture.lesson(0, 0), video);
        String sha256 = PackageFixture.sha256(VIDEO);

        store.importer().importPackage(fixture.read(temp.resolve("pkg")));

        assertThat(store.mediaDirectory().resolve(sha256)).hasBinaryContent(VIDEO);
        try (Stream<Path> files = Files.list(store.mediaDirectory())) {
            assertThat(files).as("no partial copies are left").containsExactly(store.mediaDirectory().resolve(sha256));
        }
        assertThat(store.dsl().select(MEDIA_CACHE.FILE_HASH, MEDIA_CACHE.FILE_PATH, MEDIA_CACHE.FILE_SIZE,
                        MEDIA_CACHE.BYTES_PRESENT, MEDIA_CACHE.STATE).from(MEDIA_CACHE).fetch(Records.mapping(CacheRow::new)))
                .containsExactly(new CacheRow(sha256, sha256, (long) VIDEO.length, (long) VIDEO.length, "verified"));
        assertThat(store.dsl().select(MEDIA_FILES.ID, MEDIA_FILES.FILENAME, MEDIA_FILES.FILE_PATH, MEDIA_FILES.FILE_SIZE,
                        MEDIA_FILES.MIME_TYPE, MEDIA_FILES.FILE_HASH, MEDIA_FILES.WIDTH, MEDIA_FILES.HEIGHT,
                        MEDIA_FILES.DURATION, MEDIA_FILES.VISIBILITY)
                .from(MEDIA_FILES).fetch(Records.mapping(MediaRow::new)))
                .containsExactly(new MediaRow(UUID.fromString(video.get("id").asText()), "intro.mp4", "media/intro.mp4",
                        (long) VIDEO.length, "video/mp4", sha256, 1280, 720, 95, "course_only"));
    }

    @Test
    void aLessonsVideoIsReferencedByContentAndFoundInTheMediaLibrary() {
        PackageFixture fixture = PackageFixture.course("Video lesson", 1, 1);
        fixture.video(fixture.lesson(0, 0), fixture.addMedia("media/intro.mp4", VIDEO, "video/mp4").put("durationSeconds", 95));
        LessonId lesson = new LessonId(UUID.fromString(fixture.lesson(0, 0).get("id").asText()));

        store.importer().importPackage(fixture.read(temp.resolve("pkg")));

        assertThat(store.dsl().select(COURSE_LESSONS.CONTENT_TYPE, COURSE_LESSONS.VIDEO_URL, COURSE_LESSONS.VIDEO_DURATION)
                .from(COURSE_LESSONS).where(COURSE_LESSONS.ID.eq(lesson.value())).fetchOne().intoList())
                .containsExactly("video", "media:" + PackageFixture.sha256(VIDEO), 95);
        assertThat(store.media().lessonVideo(lesson)).contains(store.mediaDirectory().resolve(PackageFixture.sha256(VIDEO)));
    }

    @Test
    void theMediaLibraryOnlyHandsOutFilesThatAreStillIntact() throws Exception {
        PackageFixture fixture = PackageFixture.course("Damaged later", 1, 1);
        fixture.video(fixture.lesson(0, 0), fixture.addMedia("media/intro.mp4", VIDEO, "video/mp4"));
        store.importer().importPackage(fixture.read(temp.resolve("pkg")));
        String reference = "media:" + PackageFixture.sha256(VIDEO);

        assertThat(store.media().file(reference)).isPresent();
        Files.write(store.mediaDirectory().resolve(PackageFixture.sha256(VIDEO)), new byte[] {1, 2, 3});

        assertThat(store.media().file(reference)).isEmpty();
        assertThat(store.media().file("https://example.org/video.mp4")).isEmpty();
    }

    @Test
    void resourcesAreStoredAsAMediaFileOrAWebLink() {
        PackageFixture fixture = PackageFixture.course("Resources", 1, 1);
        ObjectNode file = fixture.addResourceFile(null, "Schema", "resources/schema.sql", SCHEMA, "application/sql");
        ObjectNode link = fixture.addResourceLink(fixture.lesson(0, 0), "Manual", "https://www.postgresql.org/docs/");
        UUID lessonId = UUID.fromString(fixture.lesson(0, 0).get("id").asText());
        UUID fileId = UUID.fromString(file.get("id").asText());
        String sha256 = PackageFixture.sha256(SCHEMA);

        store.importer().importPackage(fixture.read(temp.resolve("pkg")));

        assertThat(store.dsl().select(COURSE_RESOURCES.ID, COURSE_RESOURCES.LESSON_ID, COURSE_RESOURCES.MEDIA_FILE_ID,
                        COURSE_RESOURCES.TITLE, COURSE_RESOURCES.FILE_URL, COURSE_RESOURCES.FILE_TYPE,
                        COURSE_RESOURCES.FILE_SIZE, COURSE_RESOURCES.IS_DOWNLOADABLE)
                .from(COURSE_RESOURCES).orderBy(COURSE_RESOURCES.TITLE).fetch(Records.mapping(ResourceRow::new)))
                .containsExactly(
                        new ResourceRow(UUID.fromString(link.get("id").asText()), lessonId, null, "Manual",
                                "https://www.postgresql.org/docs/", null, null, false),
                        new ResourceRow(fileId, null, CourseImporter.resourceFileId(fileId), "Schema", "media:" + sha256,
                                "application/sql", (long) SCHEMA.length, true));
        assertThat(store.dsl().select(MEDIA_FILES.ID, MEDIA_FILES.FILE_HASH).from(MEDIA_FILES).fetchOne().intoList())
                .containsExactly(CourseImporter.resourceFileId(fileId), sha256);
        assertThat(store.media().file("media:" + sha256)).hasValueSatisfying(path -> assertThat(path).hasBinaryContent(SCHEMA));
    }

    @Test
    void practiceQuizzesKeepTheirAnswerKeysAndGradedQuizzesHaveNone() {
        PackageFixture fixture = PackageFixture.course("Quizzes", 1, 1);
        ObjectNode practice = fixture.addQuiz(fixture.lesson(0, 0), "Practice", "practice");
        fixture.addChoiceQuestion(practice, "Which clause filters rows?", "WHERE", "ORDER BY");
        fixture.addTrueFalseQuestion(practice, "NULL = NULL is unknown.");
        ObjectNode shortAnswer = fixture.addTrueFalseQuestion(practice, "Name the clause that sorts.");
        shortAnswer.put("type", "short_answer").put("answer", "ORDER BY");
        ObjectNode graded = fixture.addQuiz(null, "Final", "graded");
        graded.put("timeLimitMinutes", 30).put("attemptsAllowed", 2).put("passingScore", 80.5);
        fixture.addChoiceQuestion(graded, "Which join keeps every left row?", "LEFT JOIN", "INNER JOIN").put("points", 2.5);
        fixture.addEssayQuestion(graded, "Explain normalisation.");
        UUID lessonId = UUID.fromString(fixture.lesson(0, 0).get("id").asText());

        store.importer().importPackage(fixture.read(temp.resolve("pkg")));

        assertThat(store.dsl().select(COURSE_QUIZZES.TITLE, COURSE_QUIZZES.LESSON_ID, COURSE_QUIZZES.QUIZ_MODE,
                        COURSE_QUIZZES.PASSING_SCORE, COURSE_QUIZZES.TIME_LIMIT, COURSE_QUIZZES.ATTEMPTS_ALLOWED)
                .from(COURSE_QUIZZES).orderBy(COURSE_QUIZZES.TITLE).fetch(Records.mapping(QuizRow::new)))
                .containsExactly(
                        new QuizRow("Final", null, "graded", new BigDecimal("80.50"), 30, 2),
                        new QuizRow("Practice", lessonId, "practice", new BigDecimal("70.00"), null, null));
        assertThat(store.dsl().select(COURSE_QUIZZES.TITLE, QUIZ_QUESTIONS.ORDER_INDEX, QUIZ_QUESTIONS.QUESTION_TYPE,
                        QUIZ_QUESTIONS.POINTS, QUIZ_QUESTIONS.OPTIONS, QUIZ_QUESTIONS.CORRECT_ANSWER, QUIZ_QUESTIONS.EXPLANATION)
                .from(QUIZ_QUESTIONS).join(COURSE_QUIZZES).on(COURSE_QUIZZES.ID.eq(QUIZ_QUESTIONS.QUIZ_ID))
                .orderBy(COURSE_QUIZZES.TITLE, QUIZ_QUESTIONS.ORDER_INDEX)
                .fetch(row -> new QuestionRow(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5() == null ? null : row.value5().data(), row.value6() == null ? null : row.value6().data(),
                        row.value7())))
                .containsExactly(
                        new QuestionRow("Final", 1, "multiple_choice", new BigDecimal("2.50"), "[\"LEFT JOIN\",\"INNER JOIN\"]",
                                null, null),
                        new QuestionRow("Final", 2, "essay", new BigDecimal("1.00"), null, null, null),
                        new QuestionRow("Practice", 1, "multiple_choice", new BigDecimal("1.00"), "[\"WHERE\",\"ORDER BY\"]",
                                "\"WHERE\"", "Because WHERE."),
                        new QuestionRow("Practice", 2, "true_false", new BigDecimal("1.00"), null, "true", null),
                        new QuestionRow("Practice", 3, "short_answer", new BigDecimal("1.00"), null, "[\"ORDER BY\"]", null));
    }

    @Test
    void anHtmlLessonIsStoredAsSafeHtml() {
        PackageFixture fixture = PackageFixture.course("Html lesson", 1, 1);
        fixture.lesson(0, 0).put("body", "lessons/keys.html");
        fixture.file("lessons/keys.html", "<h1>Keys</h1><script>alert(1)</script><p>Every row has one.</p>");
        LessonId lesson = new LessonId(UUID.fromString(fixture.lesson(0, 0).get("id").asText()));

        store.importer().importPackage(fixture.read(temp.resolve("pkg")));

        assertThat(store.courses().lessonContent(lesson)).contains(new LessonContent(lesson, "Lesson 1.1",
                "<h1>Keys</h1><p>Every row has one.</p>", LessonFormat.HTML));
    }

    @Test
    void theImportQueuesTheCourseForTheSearchIndexOnce() {
        PackageFixture fixture = PackageFixture.course("Searchable", 1, 1);
        fixture.addEssayQuestion(fixture.addQuiz(null, "Final", "graded"), "Explain.");

        store.importer().importPackage(fixture.read(temp.resolve("pkg")));

        assertThat(store.dsl().select(SEARCH_QUEUE.DOC_TYPE, SEARCH_QUEUE.DOC_ID).from(SEARCH_QUEUE).fetch().map(r -> r.intoList()))
                .containsExactly(List.of("course", UUID.fromString(fixture.course().get("id").asText())));
    }

    @Test
    void aPackageChangedAfterItWasCheckedIsRefusedAndChangesNothing() throws Exception {
        store.importer().importPackage(PackageFixture.course("Already there", 1, 1).read(temp.resolve("first")));
        PackageFixture fixture = PackageFixture.course("Tampered", 1, 1);
        fixture.video(fixture.lesson(0, 0), fixture.addMedia("media/intro.mp4", VIDEO, "video/mp4"));
        Path folder = temp.resolve("tampered");
        CoursePackage checked = fixture.read(folder);
        Files.write(folder.resolve("media/intro.mp4"), "same length, other bytes!!!".getBytes(StandardCharsets.UTF_8));
        var before = StoreSnapshot.of(store);

        assertThatThrownBy(() -> store.importer().importPackage(checked))
                .isInstanceOf(StoreException.class)
                .hasMessage("The file \"media/intro.mp4\" of " + folder + " changed after the package was checked;"
                        + " nothing was imported and the library is unchanged.")
                .cause().hasMessageContaining("the copy has SHA-256 ");
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
        try (Stream<Path> files = Files.list(store.mediaDirectory())) {
            assertThat(files).as("the bad copy is removed").isEmpty();
        }
    }

    @Test
    void aFailureInTheTransactionChangesNoRowButMayLeaveVerifiedMediaBehind() throws Exception {
        PackageFixture first = PackageFixture.course("First course", 1, 1);
        store.importer().importPackage(first.read(temp.resolve("first")));
        PackageFixture thief = PackageFixture.course("Second course", 1, 1);
        thief.lesson(0, 0).put("id", first.lesson(0, 0).get("id").asText());
        thief.video(thief.lesson(0, 0), thief.addMedia("media/intro.mp4", VIDEO, "video/mp4"));
        CoursePackage clashing = thief.read(temp.resolve("second"));
        var before = StoreSnapshot.of(store);

        assertThatThrownBy(() -> store.importer().importPackage(clashing))
                .isInstanceOf(StoreException.class)
                .hasMessage("The package reuses an id of another course in the library (lesson " + first.lesson(0, 0)
                        .get("id").asText() + " belongs to \"First course\"); ids must be made for one course only. The"
                        + " package was not imported.");
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
        assertThat(store.mediaDirectory().resolve(PackageFixture.sha256(VIDEO))).hasBinaryContent(VIDEO);
    }

    @Test
    void aWrongFileUnderAHashNameIsReplacedByAVerifiedCopy() throws Exception {
        String sha256 = PackageFixture.sha256(VIDEO);
        Files.createDirectories(store.mediaDirectory());
        Files.write(store.mediaDirectory().resolve(sha256), "same length, other bytes!!!".getBytes(StandardCharsets.UTF_8));
        PackageFixture fixture = PackageFixture.course("Repairs media", 1, 1);
        fixture.video(fixture.lesson(0, 0), fixture.addMedia("media/intro.mp4", VIDEO, "video/mp4"));

        store.importer().importPackage(fixture.read(temp.resolve("pkg")));

        assertThat(store.mediaDirectory().resolve(sha256)).hasBinaryContent(VIDEO);
    }

    @Test
    void twoCoursesSharingAFileKeepOneCopyOfIt() throws Exception {
        PackageFixture first = PackageFixture.course("First sharer", 1, 1);
        first.video(first.lesson(0, 0), first.addMedia("media/intro.mp4", VIDEO, "video/mp4"));
        PackageFixture second = PackageFixture.course("Second sharer", 1, 1);
        second.video(second.lesson(0, 0), second.addMedia("media/welcome.mp4", VIDEO, "video/mp4"));

        store.importer().importPackage(first.read(temp.resolve("first")));
        store.importer().importPackage(second.read(temp.resolve("second")));

        try (Stream<Path> files = Files.list(store.mediaDirectory())) {
            assertThat(files).containsExactly(store.mediaDirectory().resolve(PackageFixture.sha256(VIDEO)));
        }
        assertThat(store.dsl().fetchCount(MEDIA_CACHE)).isEqualTo(1);
        assertThat(store.dsl().fetchCount(MEDIA_FILES)).isEqualTo(2);
    }

    @Test
    void anInMemoryStoreRemovesItsMediaFolderWhenClosed() {
        PackageFixture fixture = PackageFixture.course("Temporary", 1, 1);
        fixture.video(fixture.lesson(0, 0), fixture.addMedia("media/intro.mp4", VIDEO, "video/mp4"));
        Path mediaDirectory;
        try (LocalStore temporary = LocalStore.openInMemory("temporary-" + UUID.randomUUID())) {
            temporary.importer().importPackage(fixture.read(temp.resolve("pkg")));
            mediaDirectory = temporary.mediaDirectory();
            assertThat(mediaDirectory.resolve(PackageFixture.sha256(VIDEO))).exists();
        }

        assertThat(mediaDirectory).doesNotExist();
    }

    @Test
    void aFileStoreKeepsItsMediaInTheProfileFolder() {
        Path profile = temp.resolve("profile");
        try (LocalStore onDisk = LocalStore.openFile(profile, "default")) {
            assertThat(onDisk.mediaDirectory()).isEqualTo(profile.toAbsolutePath().resolve("media"));
        }
    }

    private record CacheRow(String hash, String path, Long size, Long bytesPresent, String state) {
    }

    private record MediaRow(UUID id, String filename, String path, Long size, String mimeType, String hash, Integer width,
            Integer height, Integer duration, String visibility) {
    }

    private record ResourceRow(UUID id, UUID lessonId, UUID mediaFileId, String title, String fileUrl, String fileType,
            Long fileSize, Boolean downloadable) {
    }

    private record QuizRow(String title, UUID lessonId, String mode, BigDecimal passingScore, Integer timeLimit,
            Integer attemptsAllowed) {
    }

    private record QuestionRow(String quiz, Integer order, String type, BigDecimal points, String options, String answer,
            String explanation) {
    }
}
