package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final Map<String, String> ENV = Map.of("SEVENP_DATA_DIR", "/data/sevenp");

    @Test
    void noOptionsOpensTheWindowOnTheProfileScreen() {
        assertThat(LaunchOptions.parse(List.of(), ENV)).isEqualTo(new LaunchOptions(LaunchOptions.Mode.WINDOW,
                new DesktopPaths(Path.of("/data/sevenp"), "default"), Optional.empty(), Optional.empty(), false, false));
    }

    @Test
    void aProfileNamedOnTheCommandLineSkipsTheProfileScreen() {
        assertThat(LaunchOptions.parse(List.of("--profile", "ana"), ENV)).isEqualTo(new LaunchOptions(
                LaunchOptions.Mode.WINDOW, new DesktopPaths(Path.of("/data/sevenp"), "ana"), Optional.empty(),
                Optional.empty(), false, true));
    }

    @Test
    void startupTrainingOpensTheWindowOnTheDefaultProfileOrTheOneNamed() {
        assertThat(LaunchOptions.parse(List.of("--startup-training", "--data-dir", "/build/training"), ENV))
                .isEqualTo(new LaunchOptions(LaunchOptions.Mode.STARTUP_TRAINING,
                        new DesktopPaths(Path.of("/build/training"), "default"), Optional.empty(), Optional.empty(),
                        false, false));
        assertThat(LaunchOptions.parse(List.of("--profile", "ana", "--startup-training"), ENV)).isEqualTo(
                new LaunchOptions(LaunchOptions.Mode.STARTUP_TRAINING, new DesktopPaths(Path.of("/data/sevenp"), "ana"),
                        Optional.empty(), Optional.empty(), false, true));
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--startup-training", "--self-check"), ENV))
                .hasMessage("--startup-training and --self-check cannot be combined");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--startup-training", "--json"), ENV))
                .hasMessage("--json goes with --sync or --validate");
    }

    @Test
    void signInTakesAServerAndAnEmailButNeverAPassword() {
        assertThat(LaunchOptions.parse(List.of("--profile", "ana", "--sign-in", "https://sync.example.org/", "ana@example.org"),
                ENV)).isEqualTo(new LaunchOptions(LaunchOptions.Mode.SIGN_IN, new DesktopPaths(Path.of("/data/sevenp"), "ana"),
                        Optional.empty(), Optional.of(new LaunchOptions.SignIn(URI.create("https://sync.example.org/"),
                                "ana@example.org")), false, true));
    }

    @Test
    void syncPrintsWordsOrWithJsonOneObject() {
        DesktopPaths paths = new DesktopPaths(Path.of("/data/sevenp"), "default");

        assertThat(LaunchOptions.parse(List.of("--sync"), ENV)).isEqualTo(new LaunchOptions(LaunchOptions.Mode.SYNC, paths,
                Optional.empty(), Optional.empty(), false, false));
        assertThat(LaunchOptions.parse(List.of("--json", "--sync"), ENV)).isEqualTo(new LaunchOptions(LaunchOptions.Mode.SYNC,
                paths, Optional.empty(), Optional.empty(), true, false));
        assertThat(LaunchOptions.parse(List.of("--sign-out"), ENV)).isEqualTo(new LaunchOptions(
                LaunchOptions.Mode.SIGN_OUT, paths, Optional.empty(), Optional.empty(), false, false));
    }

    @Test
    void explainsSyncMistakes() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--sign-in"), ENV))
                .hasMessage("--sign-in needs a server URL and an e-mail address");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--sign-in", "https://sync.example.org"), ENV))
                .hasMessage("--sign-in needs an e-mail address after the URL");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--sign-in", "sync.example.org", "ana@example.org"), ENV))
                .hasMessage("--sign-in needs the server's address as an http:// or https:// URL, was 'sync.example.org'");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--sync", "--sign-out"), ENV))
                .hasMessage("--sync and --sign-out cannot be combined");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--self-check", "--json"), ENV))
                .hasMessage("--json goes with --sync or --validate");
    }

    @Test
    void importTakesAPackageAndAProfile() {
        LaunchOptions options = LaunchOptions.parse(List.of("--profile", "ana", "--import", "course.zip"), ENV);

        assertThat(options.mode()).isEqualTo(LaunchOptions.Mode.IMPORT);
        assertThat(options.packageToImport()).contains(Path.of("course.zip"));
        assertThat(options.paths().profileDirectory()).isEqualTo(Path.of("/data/sevenp/profiles/ana"));
    }

    @Test
    void dataDirOptionOverridesTheEnvironment() {
        assertThat(LaunchOptions.parse(List.of("--self-check", "--data-dir", "/tmp/x"), ENV).paths().dataDirectory())
                .isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void explainsMistakes() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--import"), ENV)).hasMessage("--import needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--selfcheck"), ENV)).hasMessage("unknown option '--selfcheck'");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--self-check", "--import", "a"), ENV))
                .hasMessage("--self-check and --import cannot be combined");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--profile", "../etc"), ENV))
                .hasMessageStartingWith("a profile name is 1 to 40 lower-case letters");
    }

    @Test
    void validateTakesAPackageAndJsonAndNewCourseAFolder() {
        DesktopPaths paths = new DesktopPaths(Path.of("/data/sevenp"), "default");

        assertThat(LaunchOptions.parse(List.of("--validate", "course.zip", "--json"), ENV)).isEqualTo(new LaunchOptions(
                LaunchOptions.Mode.VALIDATE, paths, Optional.empty(), Optional.empty(), true, false,
                Optional.of(Path.of("course.zip"))));
        assertThat(LaunchOptions.parse(List.of("--new-course", "my-course"), ENV)).isEqualTo(new LaunchOptions(
                LaunchOptions.Mode.NEW_COURSE, paths, Optional.empty(), Optional.empty(), false, false,
                Optional.of(Path.of("my-course"))));
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--validate"), ENV))
                .hasMessage("--validate needs a course package: a folder or a .zip");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--new-course", "a", "--json"), ENV))
                .hasMessage("--json goes with --sync or --validate");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--validate", "a", "--import", "a"), ENV))
                .hasMessage("--validate and --import cannot be combined");
    }

    @Test
    void anInstitutionConfigurationFileComesFromTheCommandLineOrTheEnvironment() {
        assertThat(LaunchOptions.parse(List.of("--institution-config", "/srv/school.properties", "--self-check"), ENV)
                .institutionConfig()).contains(Path.of("/srv/school.properties"));
        assertThat(LaunchOptions.parse(List.of("--self-check"), Map.of("SEVENP_INSTITUTION_CONFIG", "/etc/test.properties"))
                .institutionConfig()).contains(Path.of("/etc/test.properties"));
        assertThat(LaunchOptions.parse(List.of("--institution-config", "cli.properties"),
                Map.of("SEVENP_INSTITUTION_CONFIG", "env.properties")).institutionConfig())
                .as("the command line wins").contains(Path.of("cli.properties"));
        assertThat(LaunchOptions.parse(List.of(), ENV).institutionConfig()).isEmpty();
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--institution-config"), ENV))
                .hasMessage("--institution-config needs a configuration file");
    }
}
