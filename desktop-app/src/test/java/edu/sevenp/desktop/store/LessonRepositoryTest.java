package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.ContentType;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonContent;
import edu.sevenp.model.LessonFormat;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.LessonProgress;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Opening a lesson: the body with the learner's progress and enrollment, in one query. */
class LessonRepositoryTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("lessons-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final UserId learner = fixture.learner();
    private final FixtureCourse course = fixture.course("Joins", 1, 2);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aLessonNeverOpenedIsNotStartedWithNothingOfTheLearnersYet() {
        LearnerLesson opened = store.lessons().open(learner, course.lesson(1)).orElseThrow();

        Lesson lesson = store.courses().outline(course.id()).orElseThrow().lessonsInOrder().get(1);
        assertThat(opened).isEqualTo(new LearnerLesson(lesson,
                new LessonContent(course.lesson(1), "Lesson 1.2", "# Lesson 1.2\n\nBody of Lesson 1.2.", LessonFormat.MARKDOWN),
                LessonProgress.notStarted(learner, course.lesson(1), course.id()), Optional.empty()));
        assertThat(lesson.contentType()).isEqualTo(ContentType.TEXT);
    }

    @Test
    void anOpenedLessonCarriesTheLearnersProgressAndEnrollmentNotAnotherLearners() {
        Enrollment enrollment = store.enrollments().enroll(learner, course.id(), MONDAY).orElseThrow();
        RolledUpProgress progress = store.progress().record(learner, course.lesson(0),
                ProgressEntry.visit(MONDAY, 7, new BigDecimal("30"), 7)).orElseThrow();
        UserId ben = fixture.user("Ben");
        store.progress().record(ben, course.lesson(0), ProgressEntry.visit(MONDAY, 1, new BigDecimal("90"), 1));

        LearnerLesson opened = store.lessons().open(learner, course.lesson(0)).orElseThrow();

        assertThat(opened.progress()).isEqualTo(progress.progress());
        assertThat(opened.enrollment()).contains(new Enrollment(learner, course.id(), enrollment.status(),
                enrollment.progress(), enrollment.enrolledAt(), null, MONDAY));
    }

    @Test
    void aLessonOutsideTheLibraryDoesNotOpen() {
        assertThat(store.lessons().open(learner, LessonId.random())).isEmpty();
    }
}
