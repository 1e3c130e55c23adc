package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** enrollment_progress(completed, lessons) of V12, value for value. */
class ProgressRuleTest {

    @ParameterizedTest(name = "{0} of {1} lessons is {2}%")
    @CsvSource({
        "0, 0, 0.00",
        "3, 0, 0.00",
        "0, 3, 0.00",
        "1, 3, 33.33",
        "2, 3, 66.67",
        "3, 3, 100.00",
        "4, 3, 100.00",
        "1, 8, 12.50",
        "1, 800, 0.13",
        "1, 200, 0.50",
        "19999, 20000, 99.99",
        "20000, 20001, 99.99",
        "20001, 20001, 100.00",
    })
    void progressIsTheShareOfCompletedLessonsAndOnlyEveryLessonIsAHundred(long completed, long lessons, String expected) {
        assertThat(ProgressRule.percentage(completed, lessons)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0} of {1} lessons completes: {2}")
    @CsvSource({"0, 0, false", "2, 3, false", "3, 3, true", "1, 0, false"})
    void aCourseIsCompleteWhenItHasLessonsAndEveryOneIsCompleted(long completed, long lessons, boolean complete) {
        assertThat(ProgressRule.complete(completed, lessons)).isEqualTo(complete);
    }
}
