package edu.sevenp.desktop.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.SectionId;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** Imports small courses through the real importer, one section of the given lessons each. */
final class TestLibrary {

    /** What a search result names, without its score: what tests compare. */
    record Found(HitType type, UUID id, String title) {

        static Found of(SearchHit hit) {
            return new Found(hit.type(), hit.id(), hit.title());
        }
    }

    /** A course as imported, with the fixture to change for a later version. */
    record Course(PackageFixture fixture, CourseId id) {

        UUID uuid() {
            return id.value();
        }

        LessonId lesson(int index) {
            return new LessonId(UUID.fromString(fixture.lesson(0, index).get("id").asText()));
        }

        SectionId section() {
            return new SectionId(UUID.fromString(fixture.section(0).get("id").asText()));
        }

        Found lessonHit(int index) {
            return new Found(HitType.LESSON, lesson(index).value(), fixture.lesson(0, index).get("title").asText());
        }
    }

    private final LocalStore store;
    private final Path folder;

    TestLibrary(LocalStore store, Path folder) {
        this.store = store;
        this.folder = folder;
    }

    /** A course whose lessons are given as title, Markdown, title, Markdown, ... */
    Course add(String title, String... lessons) {
        PackageFixture fixture = PackageFixture.course(title, 0, 0);
        ObjectNode section = fixture.addSection("Only section");
        for (int i = 0; i < lessons.length; i += 2) {
            fixture.addLesson(section, lessons[i], lessons[i + 1]);
        }
        return new Course(fixture, reimport(fixture));
    }

    /** Imports the fixture (a new version of a course after changing it). */
    CourseId reimport(PackageFixture fixture) {
        return store.importer().importPackage(fixture.read(folder.resolve(UUID.randomUUID().toString()))).courseId();
    }

    static List<Found> found(SearchResults results) {
        return results.hits().stream().map(Found::of).toList();
    }
}
