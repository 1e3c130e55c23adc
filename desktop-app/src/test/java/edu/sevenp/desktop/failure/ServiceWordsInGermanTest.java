package edu.sevenp.desktop.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every message the services hand to the learner (the failures of the store, the learning services, the sync engine,
 * the media downloads and the package import) has German words of its own: not the English copied over, and a pattern
 * that formats. The tests beside each service check the messages as they are made; this one makes sure none is left out.
 */
class ServiceWordsInGermanTest {

    /** The services' bundles, by package; TranslatedTextsTest checks that they have the same keys in both languages. */
    private static final List<String> SERVICES = List.of("edu.sevenp.desktop.store", "edu.sevenp.desktop.learning",
            "edu.sevenp.desktop.sync", "edu.sevenp.desktop.sync.media", "edu.sevenp.desktop.library");
    /** Arguments enough for any pattern of these bundles (numbers fit the choice and number formats, and text). */
    private static final Object[] ARGUMENTS = {2, 3, 4, 5};
    /** Keys whose words are the same in both languages. */
    private static final Set<String> SAME_IN_BOTH = Set.of();

    @Test
    void everyServiceMessageIsWordedInGermanAndFormats() throws IOException {
        List<String> untranslated = new ArrayList<>();
        for (String service : SERVICES) {
            Properties english = load(service, "messages.properties");
            Properties german = load(service, "messages_de.properties");
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                String inGerman = FailureWords.of(owner(service)).text(Locale.GERMAN, key, ARGUMENTS);
                String inEnglish = FailureWords.of(owner(service)).text(Locale.ENGLISH, key, ARGUMENTS);
                if (!german.containsKey(key) || inGerman.equals(inEnglish) && !SAME_IN_BOTH.contains(key)) {
                    untranslated.add(service + ": " + key + " = " + inGerman);
                }
            }
        }
        assertThat(untranslated).as("service messages without German words of their own").isEmpty();
    }

    private static Properties load(String service, String name) throws IOException {
        Properties words = new Properties();
        try (InputStream in = ServiceWordsInGermanTest.class.getResourceAsStream("/" + service.replace('.', '/') + "/"
                + name)) {
            assertThat(in).as("%s/%s", service, name).isNotNull();
            words.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }

    /** A class of the package, as FailureWords finds a bundle by its owner's package. */
    private static Class<?> owner(String service) {
        try {
            return Class.forName(service + "." + switch (service) {
                case "edu.sevenp.desktop.store" -> "StoreException";
                case "edu.sevenp.desktop.learning" -> "LearningException";
                case "edu.sevenp.desktop.sync" -> "SyncFailure";
                case "edu.sevenp.desktop.sync.media" -> "MediaDownloader";
                default -> "PackageImport";
            });
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
