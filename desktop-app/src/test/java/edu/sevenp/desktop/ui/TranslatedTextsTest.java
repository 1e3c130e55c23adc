package edu.sevenp.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every word the learner sees in a translated UI package comes from the package's {@code messages} bundle, and every
 * bundle has the same keys in German ({@code messages_de.properties}) as in English. Scans the main sources as text:
 * string literals handed to the calls that put words on screen (see {@link #SINKS}) and the FXML attributes that do
 * ({@link #FXML_TEXT}, which must be {@code %key}s).
 *
 * <p>When you move a package's strings to its bundle, add the package to {@link #TRANSLATED}. A literal that reaches
 * one of these calls but is no word (a glyph, a separator) goes into {@link #NOT_WORDS}, with a reason.
 */
class TranslatedTextsTest {

    /** The UI packages whose words are all in their bundles, relative to {@code edu.sevenp.desktop}. Extend it. */
    static final List<String> TRANSLATED = List.of("ui", "ui.bookmarks", "ui.catalog", "ui.common", "ui.conflicts",
            "ui.dashboard", "ui.library", "ui.player", "ui.notes", "ui.preview", "ui.profiles", "ui.quiz", "ui.search",
            "ui.settings", "ui.statistics", "ui.sync", "ui.video");

    /**
     * Literals that reach a text call without being words. Keep it short, and say why. (Ids and style classes, lower
     * case with hyphens such as {@code tab-notes}, and the names in {@code Objects.requireNonNull} are no words either.)
     */
    static final Set<String> NOT_WORDS = Set.of(
            // The file pattern of the notes export's file chooser filter.
            "*.md",
            // The file patterns of the package import's file chooser filter (a zip, or a package folder's manifest).
            "*.zip", "manifest.json",
            // The file pattern of the course statistics export's file chooser filter.
            "*.csv");

    /** Calls whose arguments end up on screen. */
    static final Pattern SINKS = Pattern.compile("(?:\\.|\\bnew\\s+)(setText|setPromptText|setTitle|setHeaderText"
            + "|setContentText|setAccessibleText|setAccessibleHelp|appendText|setPlaceholder|status|set|then|otherwise"
            + "|concat|Label|Button|Tooltip|CheckBox|RadioButton|ToggleButton|Tab|Hyperlink|MenuItem|Menu|CheckMenuItem"
            + "|TitledPane|Text|Alert|ExtensionFilter|TextField|TextArea|addSideTab)\\s*\\(");

    /** FXML attributes that put words on screen. */
    static final Set<String> FXML_TEXT = Set.of("text", "promptText", "accessibleText", "accessibleHelp", "title",
            "headerText", "contentText");

    private static final Path SOURCES = Path.of("src/main/java/edu/sevenp/desktop");
    private static final Path RESOURCES = Path.of("src/main/resources/edu/sevenp/desktop");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern KEY_LIKE = Pattern.compile("[a-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*\\.?");
    private static final Pattern ID_OR_STYLE_CLASS = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+");
    private static final Pattern NULL_CHECK = Pattern.compile("requireNonNull\\([^()]*\\)");

    @Test
    void translatedPackagesPutNoLiteralWordsOnScreen() {
        List<String> found = new ArrayList<>();
        for (String uiPackage : TRANSLATED) {
            Properties keys = bundle(uiPackage, "messages.properties");
            for (Path source : files(SOURCES.resolve(folder(uiPackage)), ".java")) {
                found.addAll(literalWords(source, keys));
            }
            for (Path layout : files(RESOURCES.resolve(folder(uiPackage)), ".fxml")) {
                found.addAll(fxmlWords(layout, keys));
            }
        }
        assertThat(found).as("words in code or FXML instead of the package's messages bundle (see TranslatedTextsTest)")
                .isEmpty();
    }

    @Test
    void everyBundleHasTheSameKeysInGermanWithTheSameArguments() {
        List<String> problems = new ArrayList<>();
        // The UI's bundles and the services' (sync, media downloads, package import: their failures' words).
        List<Path> bundles = files(RESOURCES, "messages.properties");
        for (String uiPackage : TRANSLATED) {
            Path english = RESOURCES.resolve(folder(uiPackage)).resolve("messages.properties");
            if (Files.exists(english) && !Files.exists(english.resolveSibling("messages_de.properties"))) {
                problems.add(uiPackage + ": messages.properties has no messages_de.properties beside it");
            }
        }
        for (Path english : bundles) {
            Path german = english.resolveSibling("messages_de.properties");
            if (!Files.exists(german)) {
                continue; // a package not translated yet (not in TRANSLATED)
            }
            Properties en = load(english);
            Properties de = load(german);
            for (String key : new TreeSet<>(en.stringPropertyNames())) {
                if (!de.containsKey(key)) {
                    problems.add(german + ": no " + key);
                } else if (!arguments(en.getProperty(key)).equals(arguments(de.getProperty(key)))) {
                    problems.add(german + ": " + key + " uses arguments " + arguments(de.getProperty(key)) + ", English "
                            + arguments(en.getProperty(key)));
                }
            }
            for (String key : new TreeSet<>(de.stringPropertyNames())) {
                if (!en.containsKey(key)) {
                    problems.add(german + ": " + key + " is not in messages.properties");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyTheCodeAndLayoutsAskForIsInTheBundle() {
        List<String> missing = new ArrayList<>();
        Pattern asked = Pattern.compile("\\b(?:get|format)\\(\\s*\"([a-z][A-Za-z0-9_.]*)\"");
        Pattern fxmlKey = Pattern.compile("=\"%([^\"]+)\"");
        for (String uiPackage : TRANSLATED) {
            Properties keys = bundle(uiPackage, "messages.properties");
            for (Path source : files(SOURCES.resolve(folder(uiPackage)), ".java")) {
                Matcher matcher = asked.matcher(read(source));
                while (matcher.find()) {
                    String key = matcher.group(1);
                    boolean known = key.endsWith(".") ? keys.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                            : keys.containsKey(key);
                    if (!known && !key.contains("/")) {
                        missing.add(source + ": " + key);
                    }
                }
            }
            for (Path layout : files(RESOURCES.resolve(folder(uiPackage)), ".fxml")) {
                Matcher matcher = fxmlKey.matcher(read(layout));
                while (matcher.find()) {
                    if (!keys.containsKey(matcher.group(1))) {
                        missing.add(layout + ": %" + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("keys asked for but missing from the package's messages.properties").isEmpty();
    }

    /**
     * The German texts address the learner with "Sie" everywhere: a screen that says "du" beside one that says "Sie"
     * reads as two different apps. Checks every German bundle of the player, the service bundles included.
     */
    @Test
    void germanBundlesAddressTheLearnerFormally() {
        Pattern informal = Pattern.compile("(?iu)(?<![\\p{L}])(du|dich|dir|dein\\p{L}*|euch|euer|eure\\p{L}*"
                + "|kannst|musst|möchtest|willst|hast|bist|solltest|brauchst)(?![\\p{L}])");
        List<String> found = new ArrayList<>();
        for (Path german : files(RESOURCES, "messages_de.properties")) {
            Properties de = load(german);
            for (String key : new TreeSet<>(de.stringPropertyNames())) {
                Matcher word = informal.matcher(de.getProperty(key));
                if (word.find()) {
                    found.add(german + ": " + key + " says \u201e" + word.group(1) + "\u201c");
                }
            }
        }
        assertThat(found).as("German texts that say du instead of Sie").isEmpty();
    }

    /** Literals handed to a text call, other than keys of the package's bundle and the allowed ones. */
    private static List<String> literalWords(Path source, Properties keys) {
        String code = withoutComments(read(source));
        List<String> found = new ArrayList<>();
        Matcher sink = SINKS.matcher(code);
        while (sink.find()) {
            String arguments = NULL_CHECK.matcher(arguments(code, sink.end())).replaceAll("");
            Matcher literal = LITERAL.matcher(arguments);
            while (literal.find()) {
                String text = literal.group(1);
                if (text.isBlank() || NOT_WORDS.contains(text) || isKey(text, keys)
                        || ID_OR_STYLE_CLASS.matcher(text).matches()) {
                    continue;
                }
                int line = (int) code.substring(0, sink.start()).chars().filter(c -> c == '\n').count() + 1;
                found.add(source + ":" + line + " " + sink.group(1) + "(\"" + text + "\")");
            }
        }
        return found;
    }

    private static boolean isKey(String text, Properties keys) {
        if (!KEY_LIKE.matcher(text).matches()) {
            return false;
        }
        return text.endsWith(".") ? keys.stringPropertyNames().stream().anyMatch(key -> key.startsWith(text))
                : keys.containsKey(text);
    }

    private static List<String> fxmlWords(Path layout, Properties keys) {
        List<String> found = new ArrayList<>();
        try (InputStream in = Files.newInputStream(layout)) {
            NodeList elements = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getElementsByTagName("*");
            for (int i = 0; i < elements.getLength(); i++) {
                Element element = (Element) elements.item(i);
                for (String attribute : FXML_TEXT) {
                    String value = element.getAttribute(attribute);
                    if (!value.isEmpty() && !value.startsWith("%") && !NOT_WORDS.contains(value)) {
                        found.add(layout + ": <" + element.getTagName() + " " + attribute + "=\"" + value + "\">");
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + layout, e);
        }
        return found;
    }

    /** The text between the parenthesis opened just before {@code start} and the one that closes it. */
    private static String arguments(String code, int start) {
        int depth = 1;
        boolean inString = false;
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return code.substring(start, i);
            }
        }
        return code.substring(start);
    }

    /** The argument indexes a MessageFormat pattern uses: the same in every language. */
    private static Set<Integer> arguments(String pattern) {
        Set<Integer> used = new TreeSet<>();
        if (!pattern.contains("{")) {
            return used;
        }
        new MessageFormat(pattern); // throws on a pattern that is not one
        Matcher index = Pattern.compile("\\{(\\d+)").matcher(pattern);
        while (index.find()) {
            used.add(Integer.parseInt(index.group(1)));
        }
        return used;
    }

    private static String withoutComments(String code) {
        // Block comments and line comments, leaving string literals (which hold no // or /* in these sources) alone.
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "").replaceAll("\\s//[^\"\\n]*$", "");
    }

    private static Properties bundle(String uiPackage, String name) {
        Path file = RESOURCES.resolve(folder(uiPackage)).resolve(name);
        return Files.exists(file) ? load(file) : new Properties();
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Files ending in {@code suffix} directly in {@code folder} (a package's own, not its subpackages'). */
    private static List<Path> files(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        boolean deep = suffix.startsWith("messages");
        try (Stream<Path> listed = deep ? Files.walk(folder) : Files.list(folder)) {
            return listed.filter(path -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String folder(String uiPackage) {
        return uiPackage.replace('.', '/');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
