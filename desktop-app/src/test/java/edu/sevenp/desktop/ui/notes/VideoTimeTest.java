package edu.sevenp.desktop.ui.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.ui.common.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VideoTimeTest {

    private static final Messages ENGLISH = Messages.forPackage(VideoTime.class.getPackageName(), Locale.ENGLISH);
    private static final Messages GERMAN = Messages.forPackage(VideoTime.class.getPackageName(), Locale.GERMAN);

    @ParameterizedTest
    @CsvSource({"0:00, 0", "4:05, 245", "59:59, 3599", "125:00, 7500", "1:02:30, 3750", " 3:07 , 187"})
    void readsMinutesAndHours(String text, int seconds) {
        assertThat(VideoTime.parse(text, ENGLISH)).isEqualTo(seconds);
    }

    @Test
    void blankIsNoTime() {
        assertThat(VideoTime.parse("  ", ENGLISH)).isNull();
        assertThat(VideoTime.parse(null, ENGLISH)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1:60", "1:2", "-1:00", "90", "1:00:60", "1::00", "1:00:00:00"})
    void refusesOtherFormsSayingHowToWriteIt(String text) {
        assertThatThrownBy(() -> VideoTime.parse(text, ENGLISH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("Write the video time as m:ss or h:mm:ss, for example 4:05 or 1:02:30.");
    }

    @Test
    void saysHowToWriteItInTheLearnersLanguage() {
        assertThatThrownBy(() -> VideoTime.parse("7:99", GERMAN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("„7:99“ ist keine Videozeit. Schreiben Sie die Videozeit als m:ss oder h:mm:ss, zum Beispiel 4:05"
                        + " oder 1:02:30.");
    }

    @ParameterizedTest
    @CsvSource({"0, 0:00", "245, 4:05", "3599, 59:59", "3750, 1:02:30"})
    void writesTheShortestForm(int seconds, String text) {
        assertThat(VideoTime.format(seconds)).isEqualTo(text);
    }
}
