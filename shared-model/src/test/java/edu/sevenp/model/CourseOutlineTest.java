package edu.sevenp.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CourseOutlineTest {

    private final CourseId course = CourseId.random();
    private final Section first = new Section(SectionId.random(), course, "One", null, 1);
    private final Section second = new Section(SectionId.random(), course, "Two", null, 2);
    private final Lesson a = lesson(first, 1, 5);
    private final Lesson b = lesson(first, 2, null);
    private final Lesson c = lesson(second, 1, 7);
    private final CourseOutline outline = new CourseOutline(
            new Course(course, "c", "Course", null, null, Difficulty.BEGINNER, "en"),
            List.of(new SectionOutline(first, List.of(a, b)), new SectionOutline(second, List.of(c))));

    @Test
    void walksLessonsAcrossSections() {
        assertThat(outline.lessonsInOrder()).containsExactly(a, b, c);
        assertThat(outline.lessonAfter(b.id())).contains(c);
        assertThat(outline.lessonBefore(c.id())).contains(b);
        assertThat(outline.lessonBefore(a.id())).isEmpty();
        assertThat(outline.lessonAfter(c.id())).isEmpty();
    }

    @Test
    void positionsAreOneBasedAndZeroForStrangers() {
        assertThat(outline.positionOf(c.id())).isEqualTo(3);
        assertThat(outline.positionOf(LessonId.random())).isZero();
    }

    @Test
    void readingTimeSkipsUnknownDurations() {
        assertThat(outline.readingTimeMinutes()).isEqualTo(12);
    }

    private Lesson lesson(Section section, int order, Integer minutes) {
        return new Lesson(LessonId.random(), course, section.id(), "l" + order + section.orderIndex(), "Lesson " + order,
                ContentType.TEXT, order, minutes, false);
    }
}
