package edu.sevenp.desktop.preview;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.PackageProblem;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A previewed package read into the throw-away store again and again, at the same version, in a real H2 file. */
class PackageLoaderTest {

    private static final CourseId SAMPLE = new CourseId(UUID.fromString("2ca8badd-5428-42d9-b86c-39397415310d"));
    private static final LessonId FIRST_LESSON = new LessonId(UUID.fromString("db4674a2-b2dd-4e3c-abf8-d750b5a1d564"));

    @TempDir
    Path temp;

    private SampleCourseFolder course;
    private PreviewStore preview;
    private PackageLoader loader;

    @BeforeEach
    void copySample() {
        course = SampleCourseFolder.copyTo(temp.resolve("course"));
        preview = PreviewStore.create();
        loader = new PackageLoader(new CoursePackageReader(JsonMapperFactory.createStrict()), preview.store().importer(),
                course.folder());
    }

    @AfterEach
    void closePreview() {
        preview.close();
    }

    @Test
    void anEditedLessonReplacesTheOldTextAlthoughTheVersionStaysTheSame() {
        assertThat(loader.load().course()).isEqualTo(SAMPLE);

        course.edit(SampleCourseFolder.FIRST_LESSON_FILE, SampleCourseFolder.FIRST_LESSON_TEXT, "Edited for the preview:");
        PreviewLoad again = loader.load();

        assertThat(again.course()).isEqualTo(SAMPLE);
        assertThat(firstLessonBody()).contains("Edited for the preview:").doesNotContain(SampleCourseFolder.FIRST_LESSON_TEXT);
    }

    @Test
    void aBrokenManifestGivesItsProblemsWithFileAndLineAndLeavesTheStoreAsItWas() {
        loader.load();
        int line = course.lineOf("manifest.json", SampleCourseFolder.SECOND_TITLE_LINE);

        course.edit("manifest.json", SampleCourseFolder.SECOND_TITLE_LINE, "\"title\": \"\",");
        PreviewLoad broken = loader.load();

        assertThat(broken.course()).isNull();
        assertThat(broken.problems()).extracting(PackageProblem::file, PackageProblem::line)
                .contains(org.assertj.core.groups.Tuple.tuple("manifest.json", line));
        assertThat(firstLessonBody()).contains(SampleCourseFolder.FIRST_LESSON_TEXT);
    }

    @Test
    void closingDeletesTheStoresFolder() {
        loader.load();
        Path folder = preview.folder();
        assertThat(filesIn(folder)).as("the sample's video, captions and SQL file, copied into the preview's folder").isEqualTo(3);

        preview.close();

        assertThat(Files.exists(folder)).isFalse();
    }

    static long filesIn(Path folder) {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String firstLessonBody() {
        return LearningServices.over(preview.store(), Clock.systemUTC()).lessons().open(FIRST_LESSON).content().body();
    }
}
