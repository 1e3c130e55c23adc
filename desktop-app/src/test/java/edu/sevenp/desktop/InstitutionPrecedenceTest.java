package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.institution.ConfigLocations;
import edu.sevenp.desktop.institution.InstitutionConfig;
import edu.sevenp.desktop.profiles.LocalProfiles;
import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.settings.Language;
import edu.sevenp.desktop.ui.settings.SettingKey;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole precedence, as the window's start applies it: built-in defaults < system-wide file < file beside the app <
 * the learner's settings < locked values.
 */
class InstitutionPrecedenceTest {

    @TempDir
    Path temp;

    @Test
    void eachLayerOverridesTheOneBelowAndLockedValuesOverrideTheLearner() throws IOException {
        Path system = Files.writeString(temp.resolve("system.properties"), """
                serverUrl = https://sync.district.example
                theme = dark
                textSize = 150
                language = de
                """);
        Path beside = Files.writeString(temp.resolve("beside.properties"), """
                serverUrl = https://sync.school.example
                textSize = 125
                locked = serverUrl
                """);
        InstitutionConfig config = new ConfigLocations(Optional.empty(), system, Optional.of(beside)).load();
        DesktopPaths ana = new DesktopPaths(temp.resolve("data"), "ana");
        DesktopPaths ben = new DesktopPaths(temp.resolve("data"), "ben");
        // Ana chose a theme and a server once; Ben never opened the settings.
        Settings anasOwn = new Settings(Theme.LIGHT, 125, Language.GERMAN, "https://mine.example");
        SettingsFile.of(ana, Locale.UK).save(anasOwn);

        WindowStart start = new WindowStart(ana, config, Locale.UK);

        // Built-in: light, 100 %, the computer's English, no server. The files: dark, 125 % (beside beats system), German.
        assertThat(start.startingSettings("ben"))
                .isEqualTo(new Settings(Theme.DARK, 125, Language.GERMAN, "https://sync.school.example"));
        assertThat(start.startingSettings(null)).isEqualTo(start.startingSettings("ben"));
        // The learner's theme wins over the institution's default; the locked server does not.
        assertThat(start.startingSettings("ana"))
                .isEqualTo(new Settings(Theme.LIGHT, 125, Language.GERMAN, "https://sync.school.example"));

        SettingsContext context = start.settings(new Appearance(Theme.LIGHT, 125), folder -> { }).apply("ana");
        assertThat(context.locked()).containsExactly(SettingKey.SERVER_URL);
        context.store().save(context.started().withServer("https://elsewhere.example").withTextSize(175));
        assertThat(SettingsFile.of(ana, Locale.UK).load()).as("the learner's own server is kept for when the lock goes")
                .contains(anasOwn.withTextSize(175));
        assertThat(new WindowStart(ben, InstitutionConfig.none(), Locale.UK).startingSettings("ana"))
                .as("without the institution, Ana's own settings").isEqualTo(anasOwn.withTextSize(175));
    }

    @Test
    void aProfileIsMadeWithoutQuestionsOnlyWhileThereIsNone() throws IOException {
        Path file = Files.writeString(temp.resolve("institution.properties"), "profile.autoCreate = schule\n");
        InstitutionConfig config = new ConfigLocations(Optional.of(file), file, Optional.empty()).load();
        DesktopPaths paths = new DesktopPaths(temp.resolve("data"), DesktopPaths.DEFAULT_PROFILE);
        LocalProfiles profiles = new LocalProfiles(paths.dataDirectory());
        WindowStart start = new WindowStart(paths, config, Locale.UK);

        assertThat(start.profileToOpen(profiles, null)).isEqualTo("schule");
        assertThat(start.profileToOpen(profiles, "ana")).as("--profile wins").isEqualTo("ana");
        assertThat(new WindowStart(paths, InstitutionConfig.none(), Locale.UK).profileToOpen(profiles, null)).isNull();

        profiles.create("ana");
        assertThat(start.profileToOpen(profiles, null)).as("the profile screen, once there are profiles").isNull();
    }
}
