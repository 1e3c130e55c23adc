package edu.sevenp.desktop.ui.testing;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.BundledCourse;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** An in-memory profile with the bundled sample course installed, and the learning services over it. */
public final class SampleCourseStore implements AutoCloseable {

    /** Ids from the sample's manifest (intro-to-relational-databases). */
    public static final CourseId COURSE = new CourseId(UUID.fromString("2ca8badd-5428-42d9-b86c-39397415310d"));
    public static final String COURSE_TITLE = "Introduction to Relational Databases";
    public static final LessonId FIRST_LESSON = new LessonId(UUID.fromString("db4674a2-b2dd-4e3c-abf8-d750b5a1d564"));
    /** "Keys: Identifying Every Row", which has the practice quiz "Section 1 review: tables and keys". */
    public static final LessonId KEYS_LESSON = new LessonId(UUID.fromString("0a7efc17-fe32-4add-a94f-f4c19d66f796"));
    public static final QuizId SECTION_1_REVIEW = new QuizId(UUID.fromString("8a98cde5-d21e-479f-a85b-88c859fcee26"));
    /** "Recap: The Whole Course in 90 Seconds", the video lesson (80 s, English captions), last in the course. */
    public static final LessonId RECAP_LESSON = new LessonId(UUID.fromString("8b52f31a-36e4-47e2-99da-12f9056d886a"));
    /** The recap video's length as the course gives it, in seconds. */
    public static final int RECAP_SECONDS = 80;
    /** The course-wide graded final, which has no answer keys on the device. */
    public static final QuizId FINAL_EXAM = new QuizId(UUID.fromString("2a8d0980-4f87-422f-93f1-c936159f1742"));

    /** 3 March 2025, 09:00 UTC: tests that show dates compare against it. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-03T09:00:00Z"), ZoneOffset.UTC);

    private final LocalStore store;
    private final LearningServices learning;

    private SampleCourseStore(LocalStore store, Clock clock) {
        this.store = store;
        this.learning = LearningServices.over(store, clock);
    }

    public static SampleCourseStore open() {
        return open(CLOCK);
    }

    public static SampleCourseStore open(Clock clock) {
        LocalStore store = LocalStore.openInMemory("x-" + UUID.randomUUID());
        new BundledCourse(new CoursePackageReader(JsonMapperFactory.createStrict())).install(store.importer());
        return new SampleCourseStore(store, clock);
    }

    /** An in-memory profile with no course at all. */
    public static SampleCourseStore empty() {
        return new SampleCourseStore(LocalStore.openInMemory("x-" + UUID.randomUUID()), CLOCK);
    }

    public LocalStore store() {
        return store;
    }

    public LearningServices learning() {
        return learning;
    }

    @Override
    public void close() {
        store.close();
    }
}
