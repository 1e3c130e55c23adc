package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.learning.ResumeService.LessonPlace;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResumeServiceTest {

    private final LocalStore store = LocalStore.openInMemory("resume-" + UUID.randomUUID());
    private final ResumeService resume = new ResumeService(store.settings());
    private final LessonId lesson = new LessonId(UUID.randomUUID());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theLastLessonShownIsRememberedUntilAnotherIsShown() {
        LessonPlace first = new LessonPlace(new CourseId(UUID.randomUUID()), lesson);
        LessonPlace second = new LessonPlace(new CourseId(UUID.randomUUID()), new LessonId(UUID.randomUUID()));
        assertThat(resume.lastLesson()).isEmpty();

        resume.lessonShown(first);
        assertThat(resume.lastLesson()).contains(first);
        resume.lessonShown(second);
        assertThat(resume.lastLesson()).contains(second);
        assertThat(new ResumeService(store.settings()).lastLesson()).contains(second);
    }

    @Test
    void aReadingPositionIsKeptPerLessonAndTheTopForgetsIt() {
        LessonId other = new LessonId(UUID.randomUUID());

        resume.rememberReadingPosition(lesson, 0.625);
        assertThat(resume.readingPosition(lesson)).isEqualTo(0.625);
        assertThat(resume.readingPosition(other)).isZero();

        resume.rememberReadingPosition(lesson, 0);
        assertThat(resume.readingPosition(lesson)).isZero();
        assertThat(store.settings().get(ResumeService.READING_PREFIX + lesson.value(), Double.class)).isEmpty();
    }

    @Test
    void aReadingPositionOutsideThePageIsRefused() {
        assertThatThrownBy(() -> resume.rememberReadingPosition(lesson, 1.5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("A reading position must be between 0 and 1, not 1.5.");
        assertThat(resume.readingPosition(lesson)).isZero();
    }

    @Test
    void placesStayOnThisDeviceAndNeverEnterTheOutbox() {
        resume.lessonShown(new LessonPlace(new CourseId(UUID.randomUUID()), lesson));
        resume.rememberReadingPosition(lesson, 0.5);

        assertThat(store.outbox().pending(10)).isEmpty();
    }
}
