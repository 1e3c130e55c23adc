package edu.sevenp.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ByteSizesTest {

    private static final List<Long> SIZES = List.of(0L, 1L, 999L, 300_000L, 48_400_000L, 1_234_000_000L);

    @Test
    void englishSizesUseDecimalUnitsAndAPoint() {
        ByteSizes sizes = new ByteSizes(Locale.UK);

        assertThat(SIZES.stream().map(sizes::readable)).containsExactly("0 bytes", "1 byte", "999 bytes", "300 kB",
                "48 MB", "1.2 GB");
    }

    @Test
    void germanSizesUseTheGermanDecimalComma() {
        ByteSizes sizes = new ByteSizes(Locale.GERMANY);

        assertThat(SIZES.stream().map(sizes::readable)).containsExactly("0 Byte", "1 Byte", "999 Byte", "300 kB",
                "48 MB", "1,2 GB");
    }
}
