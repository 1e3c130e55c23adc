package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Dashboard;
import edu.sevenp.model.learning.EnrollmentStatus;
import edu.sevenp.model.learning.Note;
import edu.sevenp.model.sync.SyncEntity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The services wired over one profile's store, through a learner's afternoon: open, study, note, finish, review. */
class LearningServicesTest {

    private final TestClock clock = new TestClock(OffsetDateTime.parse("2025-03-03T09:00:00Z"));
    private final LocalStore store = LocalStore.openInMemory("learning-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final FixtureCourse course = fixture.course("Joins", 1, 2);
    private final LearningServices learning = LearningServices.over(store, clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aLearnersAfternoonEndsOnTheDashboardAndInTheOutbox() {
        learning.lessons().open(course.lesson(0));
        learning.progress().recordVisit(course.lesson(0), 300, new BigDecimal("60"), 300);
        Note note = learning.notes().create(course.lesson(0), "LEFT JOIN keeps left rows", 290);
        learning.progress().markComplete(course.lesson(0), 200);
        clock.advance(Duration.ofMinutes(30));
        learning.lessons().open(course.lesson(1));
        boolean finished = learning.progress().markComplete(course.lesson(1), 600).completedCourse();
        learning.completions().review(course.id(), 5, "Clear", true);

        Dashboard dashboard = learning.dashboard().dashboard();

        assertThat(finished).isTrue();
        assertThat(learning.lessons().open(course.lesson(0)).notes()).containsExactly(note);
        assertThat(learning.enrollments().enrollment(course.id()).orElseThrow().status()).isEqualTo(EnrollmentStatus.COMPLETED);
        assertThat(dashboard.completedCourses()).isEqualTo(1);
        assertThat(dashboard.totalStudyTime()).isEqualTo(1100);
        assertThat(dashboard.activeEnrollments()).isEmpty();
        assertThat(fixture.outbox()).extracting(Outbox.Entry::entity).containsExactly(SyncEntity.ENROLLMENTS,
                SyncEntity.LESSON_PROGRESS, SyncEntity.USER_NOTES, SyncEntity.LESSON_PROGRESS, SyncEntity.LESSON_PROGRESS,
                SyncEntity.COURSE_COMPLETIONS);
    }

    @Test
    void servicesMadeBeforeTheProfileSignsInWriteForTheAccountAfter() {
        Note before = learning.notes().create(course.lesson(0), "Written offline", null);
        UserId account = new UserId(UUID.fromString("00000000-0000-4000-8000-0000000000a1"));

        store.adoptAccount(account, "Ana");
        Note after = learning.notes().create(course.lesson(1), "Written after signing in", null);

        assertThat(after.userId()).isEqualTo(account);
        assertThat(learning.notes().forCourse(course.id())).extracting(Note::id).containsExactly(before.id(), after.id());
    }
}
