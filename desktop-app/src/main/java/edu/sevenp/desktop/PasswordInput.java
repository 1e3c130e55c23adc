package edu.sevenp.desktop;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The password of {@code --sign-in}, from standard input: typed at a terminal without being shown, or one line
 * piped in by a script. It is kept in a char array that the caller wipes, never in a String of ours, never
 * printed and never logged.
 */
final class PasswordInput {

    /** The protocol allows 200 characters; reading stops well after, so a wrong file piped in is not read whole. */
    private static final int MAX = 1024;

    private PasswordInput() {
    }

    /** From the terminal when there is one (asking with {@code prompt}), else the first line of standard input. */
    static char[] fromStandardInput(String prompt) {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? new char[0] : typed;
        }
        return firstLine(System.in);
    }

    /** The first line of {@code in}, without its line break; empty when there is none. */
    static char[] firstLine(InputStream in) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buffer = new char[MAX];
        int length = 0;
        try {
            int c;
            while (length < MAX && (c = reader.read()) != -1 && c != '\n') {
                buffer[length++] = (char) c;
            }
        } catch (IOException e) {
            Arrays.fill(buffer, '\0');
            throw new UncheckedIOException("cannot read the password from standard input", e);
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        char[] password = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return password;
    }
}
