package edu.sevenp.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dark theme covers every colour: each colour a panel's style sheet ({@code ui/<package>/*.css}) gives a selector
 * has a dark counterpart in {@code ui/common/dark.css} for the same selector and property under {@code .theme-dark},
 * and each colour of {@code content/lesson.css} one in {@code content/lesson-dark.css} under {@code html.theme-dark}.
 * A new style sheet, rule or colour fails here until dark.css has it.
 */
class DarkThemeCoverageTest {

    private static final Path RESOURCES = Path.of("src/main/resources/edu/sevenp/desktop");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{3,8}\\b|rgba?\\(|hsla?\\(|\\b(white|black|red|green|blue|gray|grey)\\b");

    @Test
    void everyColourOfThePanelsStyleSheetsHasADarkOne() throws IOException {
        Set<String> dark = declared(RESOURCES.resolve("ui/common/dark.css"));
        List<String> missing = new ArrayList<>();
        try (Stream<Path> sheets = Files.walk(RESOURCES.resolve("ui"))) {
            for (Path sheet : sheets.filter(path -> path.toString().endsWith(".css")).sorted().toList()) {
                String name = sheet.getFileName().toString();
                if (sheet.getParent().endsWith("common") && (name.equals("dark.css") || name.equals("base.css"))) {
                    continue;
                }
                for (String[] colour : colours(sheet)) {
                    String selector = colour[0];
                    String property = colour[1];
                    boolean covered = dark.contains(".theme-dark " + selector + " | " + property)
                            || (selector.startsWith(".") && dark.contains(".theme-dark" + selector + " | " + property));
                    if (!covered) {
                        missing.add(RESOURCES.relativize(sheet) + ": .theme-dark " + selector + " { " + property + " }");
                    }
                }
            }
        }
        assertThat(missing).as("colours without a dark counterpart in ui/common/dark.css").isEmpty();
    }

    @Test
    void everyColourOfTheLessonPageHasADarkOne() {
        Set<String> dark = declared(RESOURCES.resolve("content/lesson-dark.css"));
        List<String> missing = new ArrayList<>();
        for (String[] colour : colours(RESOURCES.resolve("content/lesson.css"))) {
            String selector = colour[0];
            String wanted = (selector.equals("html") ? "html.theme-dark" : "html.theme-dark " + selector) + " | " + colour[1];
            if (!dark.contains(wanted)) {
                missing.add("content/lesson.css: " + wanted.replace(" | ", " { ") + " }");
            }
        }
        assertThat(missing).as("colours without a dark counterpart in content/lesson-dark.css").isEmpty();
    }

    /** "selector | property" for every declaration of the sheet, one per selector of a list. */
    private static Set<String> declared(Path sheet) {
        Set<String> all = new HashSet<>();
        forEachDeclaration(sheet, (selector, property, value) -> all.add(selector + " | " + property));
        return all;
    }

    /** Selector and property of every declaration with a colour in it ("transparent" is none: it suits both themes). */
    private static List<String[]> colours(Path sheet) {
        List<String[]> found = new ArrayList<>();
        forEachDeclaration(sheet, (selector, property, value) -> {
            if (COLOUR.matcher(value).find()) {
                found.add(new String[] {selector, property});
            }
        });
        return found;
    }

    private interface Declaration {
        void accept(String selector, String property, String value);
    }

    private static void forEachDeclaration(Path sheet, Declaration each) {
        String css;
        try {
            css = Files.readString(sheet).replaceAll("(?s)/\\*.*?\\*/", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher rule = RULE.matcher(css);
        while (rule.find()) {
            for (String declaration : rule.group(2).split(";")) {
                int colon = declaration.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String property = declaration.substring(0, colon).strip();
                String value = declaration.substring(colon + 1).strip();
                for (String selector : rule.group(1).split(",")) {
                    each.accept(String.join(" ", selector.strip().split("\\s+")), property, value);
                }
            }
        }
    }
}
