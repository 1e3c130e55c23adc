package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.settings.Language;
import edu.sevenp.desktop.ui.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner's settings in settings.json beside window.json: kept per profile, readable, forgiving. */
class SettingsFileTest {

    @TempDir
    Path temp;

    @Test
    void savedSettingsAreLoadedBackPerProfile() throws IOException {
        DesktopPaths ana = new DesktopPaths(temp, "ana");
        Settings chosen = new Settings(Theme.DARK, 175, Language.GERMAN, "https://sync.example.org");

        SettingsFile.of(ana, Locale.UK).save(chosen);

        assertThat(SettingsFile.of(ana, Locale.UK).load()).contains(chosen);
        assertThat(SettingsFile.of(new DesktopPaths(temp, "ben"), Locale.UK).load()).isEmpty();
        assertThat(Files.readString(ana.profileDirectory().resolve(SettingsFile.NAME)))
                .contains("\"theme\" : \"dark\"", "\"textSize\" : 175", "\"language\" : \"de\"");
    }

    @Test
    void aNewProfileSpeaksTheComputersLanguageWhenThePlayerDoes() {
        assertThat(new SettingsFile(temp.resolve(SettingsFile.NAME), Locale.GERMANY).loadOrDefaults())
                .isEqualTo(new Settings(Theme.LIGHT, 100, Language.GERMAN, ""));
        assertThat(new SettingsFile(temp.resolve(SettingsFile.NAME), Locale.FRANCE).loadOrDefaults().language())
                .isEqualTo(Language.ENGLISH);
    }

    @Test
    void aDamagedFileOrAnUnknownValueFallsBackToTheDefaults() throws IOException {
        Path file = temp.resolve(SettingsFile.NAME);
        Files.writeString(file, "{\"theme\": ");
        assertThat(new SettingsFile(file, Locale.UK).load()).isEmpty();

        Files.writeString(file, "{\"theme\": \"sepia\", \"textSize\": 900, \"language\": \"fr\", \"future\": 1}");
        assertThat(new SettingsFile(file, Locale.UK).load()).contains(new Settings(Theme.LIGHT, 200, Language.ENGLISH, ""));
    }

    @Test
    void theLanguageKeepsTheComputersCountryWhenItIsTheSame() {
        assertThat(Language.GERMAN.locale(Locale.forLanguageTag("de-CH"))).isEqualTo(Locale.forLanguageTag("de-CH"));
        assertThat(Language.GERMAN.locale(Locale.US)).isEqualTo(Locale.GERMAN);
        assertThat(Language.ENGLISH.locale(Locale.GERMANY)).isEqualTo(Locale.ENGLISH);
    }
}
