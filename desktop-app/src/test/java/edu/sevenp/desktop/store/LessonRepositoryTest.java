package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.ContentType;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonContent;
import edu.sevenp.model.LessonFormat;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Bookmark;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.LessonProgress;
import edu.sevenp.model.learning.Note;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Opening a lesson: the body with the learner's progress, notes, bookmarks and enrollment, in one read path. */
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
        OpenedLesson opened = store.lessons().open(learner, course.lesson(1)).orElseThrow();

        Lesson lesson = store.courses().outline(course.id()).orElseThrow().lessonsInOrder().get(1);
        assertThat(opened).isEqualTo(new OpenedLesson(lesson,
                new LessonContent(course.lesson(1), "Lesson 1.2", "# Lesson 1.2\n\nBody of Lesson 1.2.", LessonFormat.MARKDOWN),
                LessonProgress.notStarted(learner, course.lesson(1), course.id()), List.of(), List.of(), Optional.empty()));
        assertThat(lesson.contentType()).isEqualTo(ContentType.TEXT);
    }

    @Test
    void anOpenedLessonCarriesTheLearnersProgressNotesBookmarksAndEnrollment() {
        Enrollment enrollment = store.enrollments().enroll(learner, course.id(), MONDAY).orElseThrow();
        Note note = store.notes().create(learner, course.lesson(0), "note", 5, MONDAY).orElseThrow();
        Bookmark bookmark = store.bookmarks().add(learner, course.lesson(0), "mark", 7, null, MONDAY).orElseThrow();
        ProgressWrite progress = store.progress().record(learner, course.lesson(0),
                ProgressEntry.visit(MONDAY, 7, new BigDecimal("30"), 7)).orElseThrow();
        UserId ben = fixture.user("Ben");
        store.notes().create(ben, course.lesson(0), "his note", 1, MONDAY);
        store.bookmarks().add(ben, course.lesson(0), "his mark", 1, null, MONDAY);

        OpenedLesson opened = store.lessons().open(learner, course.lesson(0)).orElseThrow();

        assertThat(opened.progress()).isEqualTo(progress.progress());
        assertThat(opened.notes()).containsExactly(note);
        assertThat(opened.bookmarks()).containsExactly(bookmark);
        assertThat(opened.enrollment()).contains(new Enrollment(learner, course.id(), enrollment.status(),
                enrollment.progress(), enrollment.enrolledAt(), null, MONDAY));
    }

    @Test
    void aLessonOutsideTheLibraryDoesNotOpen() {
        assertThat(store.lessons().open(learner, LessonId.random())).isEmpty();
    }
}
