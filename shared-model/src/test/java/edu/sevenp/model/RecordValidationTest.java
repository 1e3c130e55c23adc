package edu.sevenp.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordValidationTest {

    @Test
    void sectionOrderStartsAtOne() {
        assertThatThrownBy(() -> new Section(SectionId.random(), CourseId.random(), "Intro", null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("orderIndex must be 1 or more, was 0");
    }

    @Test
    void courseNeedsATitle() {
        assertThatThrownBy(() -> new Course(CourseId.random(), "slug", " ", null, null, Difficulty.BEGINNER, "en"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("title must not be blank");
    }

    @Test
    void unknownDifficultyNamesTheAllowedValues() {
        assertThatThrownBy(() -> Difficulty.fromCode("expert"))
                .hasMessage("unknown difficulty 'expert'; expected one of beginner, intermediate, advanced");
    }

    @Test
    void lessonRejectsNegativeReadingTime() {
        assertThatThrownBy(() -> new Lesson(LessonId.random(), CourseId.random(), SectionId.random(), "s", "t",
                ContentType.TEXT, 1, -1, false))
                .hasMessage("readingTimeMinutes must not be negative, was -1");
    }
}
