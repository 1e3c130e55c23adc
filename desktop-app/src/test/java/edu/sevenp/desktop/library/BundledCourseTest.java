package edu.sevenp.desktop.library;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_RESOURCES;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_QUESTIONS;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.LessonBody;
import edu.sevenp.coursepackage.ManifestModel.LessonEntry;
import edu.sevenp.coursepackage.ManifestModel.Manifest;
import edu.sevenp.coursepackage.ManifestModel.MediaEntry;
import edu.sevenp.coursepackage.ManifestModel.QuestionEntry;
import edu.sevenp.coursepackage.ManifestModel.QuizEntry;
import edu.sevenp.desktop.store.ImportSummary;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreAccess;
import edu.sevenp.model.json.JsonMapperFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledCourseTest {

    private static final UUID FIRST_LESSON = UUID.fromString("db4674a2-b2dd-4e3c-abf8-d750b5a1d564");

    @TempDir
    Path temp;

    private final BundledCourse sample = new BundledCourse(new CoursePackageReader(JsonMapperFactory.createStrict()));

    @Test
    void theSampleCourseIsAValidPackageOfThreeSectionsAndElevenLessons() {
        CoursePackage coursePackage = sample.read();

        assertThat(coursePackage.manifest().course().title()).isEqualTo("Introduction to Relational Databases");
        assertThat(coursePackage.manifest().course().version()).isEqualTo("1.2.0");
        assertThat(coursePackage.manifest().sections()).hasSize(3);
        assertThat(coursePackage.lessonCount()).isEqualTo(11);
        assertThat(coursePackage.lessonBodies().values()).extracting(LessonBody::text)
                .allSatisfy(body -> assertThat(body).contains("```sql"));
    }

    @Test
    void theLastLessonIsAVideoRecapWithEnglishCaptions() {
        Manifest manifest = sample.read().manifest();
        LessonEntry recap = manifest.lessons().get(manifest.lessons().size() - 1);

        assertThat(recap.contentType()).isEqualTo("video");
        assertThat(manifest.media()).extracting(MediaEntry::id, MediaEntry::mimeType, MediaEntry::width, MediaEntry::height)
                .containsExactly(tuple(recap.video(), "video/mp4", 640, 360),
                        tuple(recap.captions().get(0).media(), "text/vtt", null, null));
        assertThat(recap.captions()).singleElement().satisfies(track -> {
            assertThat(track.language()).isEqualTo("en");
            assertThat(track.label()).isEqualTo("English");
        });
        assertThat(manifest.media().get(0).size()).as("small enough to ship inside the player").isLessThan(5L << 20);
        assertThat(manifest.media().get(0).durationSeconds()).isBetween(60, 90);
    }

    @Test
    void eachSectionEndsWithAPracticeReviewWhoseQuestionsAllHaveAnswers() {
        CoursePackage coursePackage = sample.read();

        assertThat(coursePackage.manifest().sections()).allSatisfy(section -> {
            // The course's recap video comes after the last section's review.
            List<LessonEntry> lessons = section.lessons().stream().filter(lesson -> !lesson.contentType().equals("video"))
                    .toList();
            assertThat(lessons.subList(0, lessons.size() - 1)).allSatisfy(lesson -> assertThat(lesson.quizzes()).isEmpty());
            assertThat(lessons.get(lessons.size() - 1).quizzes()).singleElement().satisfies(quiz -> {
                assertThat(quiz.mode()).isEqualTo("practice");
                assertThat(quiz.questions()).hasSizeBetween(4, 6)
                        .allSatisfy(question -> assertThat(question.answer()).as(question.text()).isNotNull())
                        .allSatisfy(question -> assertThat(question.explanation()).as(question.text()).isNotBlank());
            });
        });
    }

    @Test
    void theFinalExamIsGradedAndCarriesNoAnswers() {
        List<QuizEntry> courseQuizzes = sample.read().manifest().quizzes();

        assertThat(courseQuizzes).singleElement().satisfies(quiz -> {
            assertThat(quiz.mode()).isEqualTo("graded");
            assertThat(quiz.questions()).hasSizeBetween(8, 10)
                    .extracting(QuestionEntry::answer, QuestionEntry::explanation)
                    .allSatisfy(keys -> assertThat(keys.toList()).containsOnlyNulls());
        });
    }

    @Test
    void theSchoolDatabaseScriptIsTheCoursesResource() {
        assertThat(sample.read().manifest().resources()).singleElement().satisfies(resource -> {
            assertThat(resource.file()).isEqualTo("resources/school-database.sql");
            assertThat(resource.mimeType()).isEqualTo("application/sql");
        });
    }

    @Test
    void installsOnceAndIsUnchangedAfterwards() {
        try (LocalStore store = LocalStore.openInMemory("sample-" + UUID.randomUUID())) {
            ImportSummary first = sample.install(store.importer());
            ImportSummary second = sample.install(store.importer());

            assertThat(first.outcome()).isEqualTo(ImportSummary.Outcome.INSTALLED);
            assertThat(second.outcome()).isEqualTo(ImportSummary.Outcome.UNCHANGED);
            assertThat(store.courses().outline(first.courseId()).orElseThrow().lessonsInOrder()).hasSize(11);
        }
    }

    @Test
    void anInstalledSampleIsReportedUnchangedAsAFullImportWouldReportIt() {
        try (LocalStore store = LocalStore.openInMemory("sample-" + UUID.randomUUID())) {
            sample.install(store.importer());
            ImportSummary fullImport = store.importer().importPackage(sample.read());

            ImportSummary check = sample.install(store.importer());

            assertThat(check).isEqualTo(fullImport);
            assertThat(check.outcome()).isEqualTo(ImportSummary.Outcome.UNCHANGED);
        }
    }

    @Test
    void inTheStoreOnlyThePracticeReviewsHaveAnswerKeys() {
        try (LocalStore store = LocalStore.openInMemory("sample-" + UUID.randomUUID())) {
            sample.install(store.importer());
            DSLContext dsl = StoreAccess.dsl(store);

            assertThat(dsl.select(COURSE_QUIZZES.QUIZ_MODE, QUIZ_QUESTIONS.CORRECT_ANSWER.isNotNull(),
                            QUIZ_QUESTIONS.EXPLANATION.isNotNull())
                    .from(QUIZ_QUESTIONS).join(COURSE_QUIZZES).on(COURSE_QUIZZES.ID.eq(QUIZ_QUESTIONS.QUIZ_ID))
                    .groupBy(COURSE_QUIZZES.QUIZ_MODE, QUIZ_QUESTIONS.CORRECT_ANSWER.isNotNull(),
                            QUIZ_QUESTIONS.EXPLANATION.isNotNull())
                    .orderBy(COURSE_QUIZZES.QUIZ_MODE)
                    .fetch().map(row -> row.intoList()))
                    .containsExactly(List.of("graded", false, false), List.of("practice", true, true));
            assertThat(dsl.fetchCount(COURSE_QUIZZES)).isEqualTo(4);
        }
    }

    @Test
    void theInstalledResourceIsTheScriptInTheMediaFolder() throws Exception {
        try (LocalStore store = LocalStore.openInMemory("sample-" + UUID.randomUUID())) {
            sample.install(store.importer());
            String fileUrl = StoreAccess.dsl(store).select(COURSE_RESOURCES.FILE_URL).from(COURSE_RESOURCES)
                    .fetchSingle(COURSE_RESOURCES.FILE_URL);

            Path script = store.media().file(fileUrl).orElseThrow();
            assertThat(Files.readString(script)).startsWith("-- The school database of \"Introduction to Relational"
                    + " Databases\"").contains("CREATE TABLE enrollments");
        }
    }

    @Test
    void aLibraryWithVersionOneZeroIsUpdatedAndKeepsTheLearnersNotes() throws Exception {
        try (LocalStore store = LocalStore.openInMemory("sample-" + UUID.randomUUID())) {
            store.importer().importPackage(versionOneZero());
            UUID note = UUID.randomUUID();
            StoreAccess.dsl(store).insertInto(USER_NOTES).set(USER_NOTES.ID, note)
                    .set(USER_NOTES.USER_ID, store.identity().userId().value()).set(USER_NOTES.LESSON_ID, FIRST_LESSON)
                    .set(USER_NOTES.COURSE_ID, sample.read().manifest().course().id())
                    .set(USER_NOTES.CONTENT, "Spreadsheets duplicate data").execute();

            ImportSummary update = sample.install(store.importer());

            assertThat(update.describe()).isEqualTo("Updated \"Introduction to Relational Databases\" from 1.0.0 to 1.2.0:"
                    + " 3 sections, 11 lessons.");
            assertThat(StoreAccess.dsl(store).select(USER_NOTES.CONTENT).from(USER_NOTES).where(USER_NOTES.ID.eq(note))
                    .fetchSingle(USER_NOTES.CONTENT)).isEqualTo("Spreadsheets duplicate data");
            assertThat(StoreAccess.dsl(store).fetchCount(COURSE_QUIZZES)).isEqualTo(4);
        }
    }

    /** The sample as version 1.0.0 shipped it: format 1, lessons only (the video lesson without its video). */
    private CoursePackage versionOneZero() throws Exception {
        Path source = Path.of(BundledCourse.class.getResource(BundledCourse.SAMPLE_MANIFEST).toURI()).getParent();
        Path copy = temp.resolve("sample-1.0.0");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        ObjectMapper json = JsonMapperFactory.create();
        ObjectNode manifest = (ObjectNode) json.readTree(copy.resolve("manifest.json").toFile());
        manifest.put("formatVersion", 1).remove(List.of("resources", "quizzes", "media"));
        ((ObjectNode) manifest.get("course")).put("version", "1.0.0");
        manifest.get("sections").forEach(section -> section.get("lessons")
                .forEach(lesson -> ((ObjectNode) lesson).remove(List.of("quizzes", "video", "captions"))));
        json.writeValue(copy.resolve("manifest.json").toFile(), manifest);
        return new CoursePackageReader(JsonMapperFactory.createStrict()).read(copy);
    }
}
