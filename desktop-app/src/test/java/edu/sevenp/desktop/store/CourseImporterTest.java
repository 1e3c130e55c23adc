package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.CoursePackage;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseImporterTest {

    @TempDir
    Path temp;

    private final LocalStore store = LocalStore.openInMemory("importer-" + UUID.randomUUID());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void installsACourseWithItsOutlineInOrder() {
        PackageFixture fixture = PackageFixture.course("Relational basics", 2, 3);

        ImportSummary summary = store.importer().importPackage(fixture.read(temp.resolve("v1")));

        assertThat(summary.outcome()).isEqualTo(ImportSummary.Outcome.INSTALLED);
        assertThat(summary.describe()).isEqualTo("Installed \"Relational basics\" 1.0.0: 2 sections, 6 lessons.");
        CourseOutline outline = store.courses().outline(summary.courseId()).orElseThrow();
        assertThat(outline.lessonsInOrder()).extracting(Lesson::title)
                .containsExactly("Lesson 1.1", "Lesson 1.2", "Lesson 1.3", "Lesson 2.1", "Lesson 2.2", "Lesson 2.3");
        LessonId first = outline.lessonsInOrder().get(0).id();
        assertThat(store.courses().lessonContent(first).orElseThrow().body()).contains("Body of lesson 1.1");
    }

    @Test
    void reimportingTheSameVersionChangesNothing() {
        PackageFixture fixture = PackageFixture.course("Same", 1, 1);
        store.importer().importPackage(fixture.read(temp.resolve("a")));

        ImportSummary again = store.importer().importPackage(fixture.read(temp.resolve("b")));

        assertThat(again.outcome()).isEqualTo(ImportSummary.Outcome.UNCHANGED);
        assertThat(store.courses().courseCount()).isEqualTo(1);
    }

    @Test
    void aNewerVersionUpdatesReordersAndDropsLessons() {
        PackageFixture fixture = PackageFixture.course("Evolving", 1, 3);
        CourseId course = store.importer().importPackage(fixture.read(temp.resolve("v1"))).courseId();
        // Version 2 swaps the first two lessons, retitles one and drops the third.
        ObjectNode first = fixture.lesson(0, 0);
        ObjectNode second = fixture.lesson(0, 1);
        first.put("order", 2);
        second.put("order", 1);
        second.put("title", "Renamed");
        ((com.fasterxml.jackson.databind.node.ArrayNode) fixture.section(0).get("lessons")).remove(2);
        fixture.version("1.1.0");

        ImportSummary summary = store.importer().importPackage(fixture.read(temp.resolve("v2")));

        assertThat(summary.outcome()).isEqualTo(ImportSummary.Outcome.UPDATED);
        assertThat(summary.describe()).isEqualTo("Updated \"Evolving\" from 1.0.0 to 1.1.0: 1 sections, 2 lessons.");
        assertThat(store.courses().outline(course).orElseThrow().lessonsInOrder()).extracting(Lesson::title)
                .containsExactly("Renamed", "Lesson 1.1");
    }

    @Test
    void anOlderVersionKeepsTheNewerOne() {
        PackageFixture fixture = PackageFixture.course("Versions", 1, 1).version("2.0");
        store.importer().importPackage(fixture.read(temp.resolve("v2")));

        ImportSummary older = store.importer().importPackage(fixture.version("1.9.9").read(temp.resolve("v1")));

        assertThat(older.outcome()).isEqualTo(ImportSummary.Outcome.KEPT_NEWER);
    }

    @Test
    void aFailedImportLeavesTheLibraryUnchanged() {
        store.importer().importPackage(PackageFixture.course("Taken slug", 1, 1).read(temp.resolve("first")));
        PackageFixture clash = PackageFixture.course("Other course", 2, 2);
        clash.course().put("slug", "taken-slug");
        CoursePackage clashing = clash.read(temp.resolve("clash"));

        assertThatThrownBy(() -> store.importer().importPackage(clashing))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("already has a different course, \"Taken slug\"");
        assertThat(store.courses().courseCount()).isEqualTo(1);
    }

    @Test
    void aFileStoreKeepsItsCoursesWhenReopened() {
        Path folder = temp.resolve("profile");
        CourseId course;
        try (LocalStore onDisk = LocalStore.openFile(folder, "default")) {
            course = onDisk.importer().importPackage(PackageFixture.course("Durable", 1, 2).read(temp.resolve("d"))).courseId();
        }

        try (LocalStore reopened = LocalStore.openFile(folder, "default")) {
            assertThat(reopened.courses().outline(course)).isPresent();
            assertThat(reopened.schemaVersion()).isNotBlank();
        }
    }
}
