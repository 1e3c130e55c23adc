package edu.sevenp.desktop.institution;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one institution configuration file: UTF-8 text (a byte-order mark is skipped), one {@code key = value} a line,
 * blank lines and lines starting with {@code #} or {@code !} ignored, the key and value stripped of the spaces around
 * them. Unlike {@code java.util.Properties} there are no escapes and no continued lines, so a backslash is just a
 * backslash ({@code C:\Courses}). Whatever is wrong is a {@link ConfigProblem} with its line, and that line is left
 * out; everything else applies.
 */
public final class InstitutionConfigParser {

    private InstitutionConfigParser() {
    }

    /** Reads {@code file}; a file that cannot be read, or is not UTF-8, is one problem and no values. */
    public static InstitutionConfig read(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return failed(file, "cannot be read: " + e.getMessage());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return parse(file, text);
        } catch (CharacterCodingException e) {
            return failed(file, "is not UTF-8 text; save it as UTF-8");
        }
    }

    /**
     * The values of {@code text}, the content of {@code file} (relative paths in it are taken from the file's folder).
     */
    public static InstitutionConfig parse(Path file, String text) {
        Path folder = file.toAbsolutePath().getParent();
        Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, Integer> lineOf = new EnumMap<>(ConfigKey.class);
        List<ConfigProblem> problems = new ArrayList<>();
        String[] lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r\n|\r|\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int number = index + 1;
            String line = lines[index].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                problems.add(new ConfigProblem(file, number, "expected key = value, found '" + line + "'"));
                continue;
            }
            String name = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            ConfigKey key = ConfigKey.byKey(name).orElse(null);
            if (key == null) {
                problems.add(new ConfigProblem(file, number, "unknown key '" + name + "'" + nearest(name)));
                continue;
            }
            if (value.isEmpty() && !key.mayBeEmpty()) {
                problems.add(new ConfigProblem(file, number, name + " has no value; leave the line out for the default"));
                continue;
            }
            try {
                Object parsed = key.parse(value, folder, message -> problems.add(new ConfigProblem(file, number, message)));
                Integer earlier = lineOf.put(key, number);
                if (earlier != null) {
                    problems.add(new ConfigProblem(file, number, name + " is set again (first on line " + earlier
                            + "); this line applies"));
                }
                values.put(key, parsed);
            } catch (InvalidValueException e) {
                problems.add(new ConfigProblem(file, number, e.getMessage()));
            }
        }
        return new InstitutionConfig(values, List.of(file), problems);
    }

    private static InstitutionConfig failed(Path file, String why) {
        return new InstitutionConfig(Map.of(), List.of(file), List.of(new ConfigProblem(file, 0, why)));
    }

    /** A key that differs only in case (serverURL for serverUrl) is a typing slip worth naming. */
    private static String nearest(String name) {
        for (ConfigKey key : ConfigKey.values()) {
            if (key.key().equalsIgnoreCase(name)) {
                return " (did you mean '" + key.key() + "'?)";
            }
        }
        return "";
    }
}
