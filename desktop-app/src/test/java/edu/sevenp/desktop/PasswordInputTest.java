package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordInputTest {

    @Test
    void takesTheFirstLineWithoutItsLineBreak() {
        assertThat(PasswordInput.firstLine(in("correct horse battery\r\nsecond line\n")))
                .isEqualTo("correct horse battery".toCharArray());
        assertThat(PasswordInput.firstLine(in("no line break at the end"))).isEqualTo("no line break at the end".toCharArray());
    }

    @Test
    void nothingPipedInIsAnEmptyPassword() {
        assertThat(PasswordInput.firstLine(in(""))).isEmpty();
        assertThat(PasswordInput.firstLine(in("\n"))).isEmpty();
    }

    @Test
    void aWrongFilePipedInIsNotReadWhole() {
        assertThat(PasswordInput.firstLine(in("x".repeat(5000)))).hasSize(1024);
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
