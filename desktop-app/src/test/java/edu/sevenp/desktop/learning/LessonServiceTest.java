package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Bookmark;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.learning.ProgressStatus;
import edu.sevenp.model.sync.SyncEntity;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LessonServiceTest {

    private final TestClock clock = new TestClock(OffsetDateTime.parse("2025-03-03T09:00:00Z"));
    private final LocalStore store = LocalStore.openInMemory("lesson-service-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final FixtureCourse course = fixture.course("Joins", 1, 2);
    private final LessonService lessons = new LessonService(store.lessons(), store.notes(), store.bookmarks(),
            store.enrollments(), fixture.learner(), clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFirstLessonOpenedInACourseEnrollsTheLearner() {
        OpenedLesson opened = lessons.open(course.lesson(1));

        assertThat(opened.content().body()).isEqualTo("# Lesson 1.2\n\nBody of Lesson 1.2.");
        assertThat(opened.progress().status()).isEqualTo(ProgressStatus.NOT_STARTED);
        assertThat(opened.enrollment()).contains(new Enrollment(fixture.learner(), course.id(), EnrollmentStatus.ACTIVE,
                new BigDecimal("0.00"), clock.now(), null, null));
        assertThat(fixture.outbox()).extracting(Outbox.Entry::entity).containsExactly(SyncEntity.ENROLLMENTS);
    }

    @Test
    void anOpenedLessonCarriesTheLearnersNotesAndBookmarksOnIt() {
        Note note = store.notes().create(fixture.learner(), course.lesson(0), "note", 5, clock.now()).orElseThrow();
        Bookmark bookmark = store.bookmarks().add(fixture.learner(), course.lesson(0), "mark", 7, null, clock.now())
                .orElseThrow();
        store.notes().create(fixture.learner(), course.lesson(1), "on the other lesson", 1, clock.now());
        UserId ben = fixture.user("Ben");
        store.notes().create(ben, course.lesson(0), "his note", 1, clock.now());
        store.bookmarks().add(ben, course.lesson(0), "his mark", 1, null, clock.now());

        OpenedLesson opened = lessons.open(course.lesson(0));

        assertThat(opened.notes()).containsExactly(note);
        assertThat(opened.bookmarks()).containsExactly(bookmark);
    }

    @Test
    void openingAgainReadsWithoutWriting() {
        OpenedLesson first = lessons.open(course.lesson(0));

        assertThat(lessons.open(course.lesson(0))).isEqualTo(first);
        assertThat(lessons.open(course.lesson(1)).enrollment()).isEqualTo(first.enrollment());
        assertThat(fixture.outbox()).hasSize(1);
    }

    @Test
    void aDroppedCourseStaysDroppedWhenALessonIsOpened() {
        EnrollmentService enrollments = new EnrollmentService(store.enrollments(), fixture.learner(), clock);
        enrollments.enroll(course.id());
        enrollments.drop(course.id());

        assertThat(lessons.open(course.lesson(0)).enrollment().orElseThrow().status()).isEqualTo(EnrollmentStatus.DROPPED);
    }

    @Test
    void aLessonOutsideTheLibraryIsNotFound() {
        assertThatThrownBy(() -> lessons.open(LessonId.random()))
                .isInstanceOf(NotFoundException.class).hasMessage("This lesson is not in your library.");
    }
}
