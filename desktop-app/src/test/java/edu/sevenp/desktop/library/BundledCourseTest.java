package edu.sevenp.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.coursepackage.CoursePackage;
import edu.sevenp.desktop.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.store.ImportSummary;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.model.json.JsonMapperFactory;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BundledCourseTest {

    private final BundledCourse sample = new BundledCourse(new CoursePackageReader(JsonMapperFactory.createStrict()));

    @Test
    void theSampleCourseIsAValidPackageOfThreeSectionsAndTenLessons() {
        CoursePackage coursePackage = sample.read();

        assertThat(coursePackage.manifest().course().title()).isEqualTo("Introduction to Relational Databases");
        assertThat(coursePackage.manifest().sections()).hasSize(3);
        assertThat(coursePackage.lessonCount()).isEqualTo(10);
        assertThat(coursePackage.lessonBodies().values()).allSatisfy(body -> assertThat(body.text()).contains("```sql"));
    }

    @Test
    void installsOnceAndIsUnchangedAfterwards() {
        try (LocalStore store = LocalStore.openInMemory("sample-" + UUID.randomUUID())) {
            ImportSummary first = sample.install(store.importer());
            ImportSummary second = sample.install(store.importer());

            assertThat(first.outcome()).isEqualTo(ImportSummary.Outcome.INSTALLED);
            assertThat(second.outcome()).isEqualTo(ImportSummary.Outcome.UNCHANGED);
            assertThat(store.courses().outline(first.courseId()).orElseThrow().lessonsInOrder()).hasSize(10);
        }
    }
}
