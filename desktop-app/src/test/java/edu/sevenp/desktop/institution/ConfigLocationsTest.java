package edu.sevenp.desktop.institution;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.settings.Language;
import edu.sevenp.desktop.ui.settings.SettingKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the configuration is looked for, and how the file beside the app overrides the system-wide one. */
class ConfigLocationsTest {

    @TempDir
    Path temp;

    @Test
    void theSystemWideFileHasOnePlacePerOperatingSystem() {
        assertThat(ConfigLocations.of("Linux", Map.of(), null, null).systemWide())
                .isEqualTo(Path.of("/etc/sevenp/institution.properties"));
        assertThat(ConfigLocations.of("Mac OS X", Map.of(), null, null).systemWide())
                .isEqualTo(Path.of("/Library/Application Support/7P/institution.properties"));
        assertThat(ConfigLocations.of("Windows 11", Map.of("ProgramData", "D:\\ProgramData"), null, null).systemWide())
                .isEqualTo(Path.of("D:\\ProgramData", "7P", "institution.properties"));
        assertThat(ConfigLocations.of("Windows 11", Map.of(), null, null).systemWide())
                .isEqualTo(Path.of("C:\\ProgramData", "7P", "institution.properties"));
    }

    @Test
    void theFileBesideTheAppIsInTheImagesOwnFolder() {
        assertThat(ConfigLocations.of("Linux", Map.of(), "/opt/sevenp/bin/sevenp", null).besideApp())
                .contains(Path.of("/opt/sevenp/institution.properties"));
        assertThat(ConfigLocations.of("Mac OS X", Map.of(), "/Applications/7P.app/Contents/MacOS/7P", null).besideApp())
                .contains(Path.of("/Applications/7P.app/Contents/institution.properties"));
        assertThat(ConfigLocations.of("Windows 11", Map.of(), "/apps/7P/7P.exe", null).besideApp())
                .contains(Path.of("/apps/7P/institution.properties"));
        assertThat(ConfigLocations.of("Linux", Map.of(), null, null).besideApp()).isEmpty();
        assertThat(ConfigLocations.of("Linux", Map.of(), null, null).candidates())
                .containsExactly(Path.of("/etc/sevenp/institution.properties"));
    }

    @Test
    void theFileBesideTheAppWinsKeyByKeyAndMissingFilesAreFine() throws IOException {
        Path system = Files.writeString(temp.resolve("system.properties"), """
                serverUrl = https://sync.district.example
                language = de
                theme = dark
                locked = serverUrl, theme
                """);
        Path beside = Files.writeString(temp.resolve("beside.properties"), """
                serverUrl = https://sync.school.example
                locked = language
                """);

        InstitutionConfig config = new ConfigLocations(Optional.empty(), system, Optional.of(beside)).load();

        assertThat(config.files()).containsExactly(system, beside);
        assertThat(config.serverUrl()).contains(URI.create("https://sync.school.example"));
        assertThat(config.language()).contains(Language.GERMAN);
        assertThat(config.theme()).contains(Theme.DARK);
        assertThat(config.locked()).as("a list is one value: the later file's replaces the earlier's")
                .isEqualTo(Set.of(SettingKey.LANGUAGE));
        assertThat(config.problems()).isEmpty();

        InstitutionConfig none = new ConfigLocations(Optional.empty(), temp.resolve("absent"),
                Optional.of(temp.resolve("absent too"))).load();
        assertThat(none).isEqualTo(InstitutionConfig.none());
    }

    @Test
    void anExplicitFileIsReadInsteadOfBothAndMustExist() throws IOException {
        Path system = Files.writeString(temp.resolve("system.properties"), "theme = dark\n");
        Path explicit = Files.writeString(temp.resolve("test.properties"), "language = de\n");

        InstitutionConfig config = new ConfigLocations(Optional.of(explicit), system, Optional.empty()).load();
        assertThat(config.files()).containsExactly(explicit);
        assertThat(config.theme()).isEmpty();
        assertThat(config.language()).contains(Language.GERMAN);

        Path missing = temp.resolve("missing.properties");
        assertThat(new ConfigLocations(Optional.of(missing), system, Optional.empty()).load().problems())
                .containsExactly(new ConfigProblem(missing, 0, "does not exist"));
    }

    @Test
    void problemsOfBothFilesAreKeptInOrder() throws IOException {
        Path system = Files.writeString(temp.resolve("system.properties"), "theme = sepia\n");
        Path beside = Files.writeString(temp.resolve("beside.properties"), "\nlanguage = fr\n");

        InstitutionConfig config = new ConfigLocations(Optional.empty(), system, Optional.of(beside)).load();

        assertThat(config.problems()).extracting(ConfigProblem::file, ConfigProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(system, 1), org.assertj.core.groups.Tuple.tuple(beside, 2));
    }
}
