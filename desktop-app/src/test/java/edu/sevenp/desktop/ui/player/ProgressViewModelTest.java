package edu.sevenp.desktop.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.LearnerFixture;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.learning.LessonProgress;
import edu.sevenp.model.learning.ProgressStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressViewModelTest {

    @TempDir
    Path temp;

    private LearnerFixture fixture;
    private ProgressViewModel progress;

    @BeforeEach
    void open() {
        fixture = new LearnerFixture(temp);
        progress = new ProgressViewModel(fixture.learning.courses(), fixture.learning.progress(), fixture.clock,
                UiExecutors.sameThread(), fixture.feedback);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void showingALessonPutsItInProgress() {
        show(fixture.ref(0));

        assertThat(progress.currentStatusProperty().get()).isEqualTo(ProgressStatus.IN_PROGRESS);
        assertThat(progress.outlineProperty().get().status(fixture.lessons.get(0).id())).isEqualTo(ProgressStatus.IN_PROGRESS);
        assertThat(progress.outlineProperty().get().status(fixture.lessons.get(1).id())).isEqualTo(ProgressStatus.NOT_STARTED);
        assertThat(progress.canMarkCompleteProperty().get()).isTrue();
        assertThat(progress.progressTextProperty().get()).isEqualTo("0 of 4 lessons complete · 0%");
    }

    @Test
    void aMinimisedWindowCountsNoStudyTime() {
        show(fixture.ref(0));
        fixture.clock.advance(Duration.ofSeconds(30));
        progress.windowHidden(true);
        fixture.clock.advance(Duration.ofHours(2));
        progress.reportStudyTime();
        assertThat(progress.studyPausedProperty().get()).isTrue();

        progress.windowHidden(false);
        fixture.clock.advance(Duration.ofSeconds(15));
        progress.reportStudyTime();

        assertThat(timeSpent(0)).isEqualTo(45);
        assertThat(progress.studyPausedProperty().get()).isFalse();
    }

    @Test
    void anIdleLearnerStopsCountingAtTheIdleLimitAndInputResumes() {
        show(fixture.ref(0));
        progress.inputSeen();
        fixture.clock.advance(Duration.ofMinutes(12));

        progress.checkIdle();
        progress.reportStudyTime();
        assertThat(timeSpent(0)).isEqualTo((int) ProgressViewModel.IDLE_AFTER.toSeconds());
        assertThat(progress.studyPausedProperty().get()).isTrue();

        progress.inputSeen();
        fixture.clock.advance(Duration.ofSeconds(40));
        progress.checkIdle();
        progress.reportStudyTime();

        assertThat(timeSpent(0)).isEqualTo((int) ProgressViewModel.IDLE_AFTER.toSeconds() + 40);
    }

    @Test
    void leavingALessonRecordsTheTimeSpentOnIt() {
        show(fixture.ref(0));
        fixture.clock.advance(Duration.ofSeconds(75));

        show(fixture.ref(1));

        assertThat(timeSpent(0)).isEqualTo(75);
        assertThat(timeSpent(1)).isZero();
    }

    @Test
    void studyTimeReportsKeepTheStoredResumePosition() {
        fixture.learning.progress().recordVisit(fixture.lessons.get(0).id(), 300, new BigDecimal("50"), 0);
        show(fixture.ref(0));
        fixture.clock.advance(Duration.ofSeconds(45));

        progress.reportStudyTime();
        show(fixture.ref(1));

        LessonProgress stored = fixture.learning.progress().progress(fixture.lessons.get(0).id()).orElseThrow();
        assertThat(java.util.List.of(stored.lastPosition(), stored.percentage(), stored.totalTimeSpent()))
                .containsExactly(300, new BigDecimal("50.00"), 45);
    }

    @Test
    void periodicReportsAddDeltasNotTotals() {
        show(fixture.ref(0));
        fixture.clock.advance(Duration.ofSeconds(45));
        progress.reportStudyTime();
        fixture.clock.advance(Duration.ofSeconds(45));
        progress.reportStudyTime();

        assertThat(timeSpent(0)).isEqualTo(90);
    }

    @Test
    void closingRecordsTheTimeNotYetReported() {
        show(fixture.ref(2));
        fixture.clock.advance(Duration.ofSeconds(20));
        progress.reportStudyTime();
        fixture.clock.advance(Duration.ofSeconds(12));

        progress.close();

        assertThat(timeSpent(2)).isEqualTo(32);
    }

    @Test
    void markCompleteCompletesTheLessonAndUpdatesTheCourseProgress() {
        show(fixture.ref(0));
        fixture.clock.advance(Duration.ofSeconds(30));

        progress.markComplete();

        LessonProgress stored = fixture.learning.progress().progress(fixture.lessons.get(0).id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(ProgressStatus.COMPLETED);
        assertThat(stored.totalTimeSpent()).isEqualTo(30);
        assertThat(progress.currentStatusProperty().get()).isEqualTo(ProgressStatus.COMPLETED);
        assertThat(progress.canMarkCompleteProperty().get()).isFalse();
        assertThat(progress.progressTextProperty().get()).isEqualTo("1 of 4 lessons complete · 25%");
        assertThat(progress.progressFractionProperty().get()).isEqualTo(0.25);
        assertThat(fixture.feedback.statuses()).containsExactly("Lesson marked complete.");
    }

    @Test
    void completingTheLastLessonSaysTheCourseIsDone() {
        for (int lesson = 0; lesson < 4; lesson++) {
            show(fixture.ref(lesson));
            progress.markComplete();
        }

        assertThat(progress.progressTextProperty().get()).isEqualTo("4 of 4 lessons complete · 100%");
        assertThat(fixture.feedback.statuses()).last().asString().startsWith("Lesson complete, and with it the whole course.");
        assertThat(fixture.learning.progress().progress(fixture.lessons.get(3).id()).orElseThrow().percentage())
                .isEqualByComparingTo(BigDecimal.valueOf(100));
    }

    @Test
    void aCompletedLessonStaysCompletedWhenVisitedAgain() {
        show(fixture.ref(0));
        progress.markComplete();
        show(fixture.ref(1));

        show(fixture.ref(0));

        assertThat(progress.currentStatusProperty().get()).isEqualTo(ProgressStatus.COMPLETED);
        assertThat(progress.canMarkCompleteProperty().get()).isFalse();
    }

    @Test
    void aFailedWriteIsReportedAndMarkCompleteCanBeRetried() {
        show(fixture.ref(0));
        fixture.store.close();

        progress.markComplete();

        assertThat(fixture.feedback.failures()).hasSize(1);
        assertThat(progress.canMarkCompleteProperty().get()).isTrue();
    }

    /** As the player does: the lesson opens (enrolling the learner), then its page is shown. */
    private void show(LessonRef lesson) {
        fixture.learning.lessons().open(lesson.lesson());
        progress.lessonShown(lesson);
    }

    private int timeSpent(int lesson) {
        return fixture.learning.progress().progress(fixture.lessons.get(lesson).id()).orElseThrow().totalTimeSpent();
    }
}
