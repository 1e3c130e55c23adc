package edu.sevenp.desktop.ui;

import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.UserId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An in-memory store with one test course (2 sections of 2 lessons), the learner's services over it on a
 * test clock, and the feedback panels report to: what the view model tests start from.
 */
public final class LearnerFixture implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    public final LocalStore store;
    public final CourseId course;
    public final List<Lesson> lessons;
    public final TestClock clock = new TestClock(START);
    public final LearningServices learning;
    public final LibraryService library;
    public final RecordingFeedback feedback = new RecordingFeedback();

    public LearnerFixture(Path temp) {
        store = LocalStore.openInMemory("ui-" + UUID.randomUUID());
        course = importCourse(temp, "Player test");
        lessons = store.courses().outline(course).orElseThrow().lessonsInOrder();
        learning = LearningServices.over(store, clock);
        library = new LibraryService(store.courses());
    }

    /** Imports another test course of 2 sections of 2 lessons. */
    public CourseId importCourse(Path temp, String title) {
        return store.importer().importPackage(PackageFixture.course(title, 2, 2).read(temp.resolve(UUID.randomUUID().toString())))
                .courseId();
    }

    public LessonRef ref(int lesson) {
        return new LessonRef(course, lessons.get(lesson).id());
    }

    public UserId learner() {
        return store.identity().userId();
    }

    @Override
    public void close() {
        store.close();
    }
}
