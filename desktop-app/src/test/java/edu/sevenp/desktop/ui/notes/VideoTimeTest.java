package edu.sevenp.desktop.ui.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VideoTimeTest {

    @ParameterizedTest
    @CsvSource({"0:00, 0", "4:05, 245", "59:59, 3599", "125:00, 7500", "1:02:30, 3750", " 3:07 , 187"})
    void readsMinutesAndHours(String text, int seconds) {
        assertThat(VideoTime.parse(text)).isEqualTo(seconds);
    }

    @Test
    void blankIsNoTime() {
        assertThat(VideoTime.parse("  ")).isNull();
        assertThat(VideoTime.parse(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1:60", "1:2", "-1:00", "90", "1:00:60", "1::00", "1:00:00:00"})
    void refusesOtherFormsSayingHowToWriteIt(String text) {
        assertThatThrownBy(() -> VideoTime.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(VideoTime.FORMAT_HINT);
    }

    @ParameterizedTest
    @CsvSource({"0, 0:00", "245, 4:05", "3599, 59:59", "3750, 1:02:30"})
    void writesTheShortestForm(int seconds, String text) {
        assertThat(VideoTime.format(seconds)).isEqualTo(text);
    }
}
