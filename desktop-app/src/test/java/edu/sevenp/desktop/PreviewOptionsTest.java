package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --preview <folder|zip>} on the command line (issue 11). */
class PreviewOptionsTest {

    private static final Map<String, String> ENV = Map.of("SEVENP_DATA_DIR", "/data/sevenp");

    @Test
    void previewTakesTheFolderOrZipAndNoProfile() {
        LaunchOptions options = LaunchOptions.parse(List.of("--preview", "courses/sql"), ENV);

        assertThat(options.mode()).isEqualTo(LaunchOptions.Mode.PREVIEW);
        assertThat(options.packageToPreview()).contains(Path.of("courses/sql"));
        assertThat(options.profileGiven()).isFalse();
        assertThat(LaunchOptions.parse(List.of("--data-dir", "/tmp/x", "--preview", "sql.zip"), ENV).packageToPreview())
                .contains(Path.of("sql.zip"));
    }

    @Test
    void onlyPreviewHasAPackageToPreview() {
        assertThat(LaunchOptions.parse(List.of("--import", "courses/sql"), ENV).packageToPreview()).isEqualTo(Optional.empty());
        assertThat(LaunchOptions.parse(List.of(), ENV).packageToPreview()).isEmpty();
    }

    @Test
    void explainsPreviewMistakes() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--preview"), ENV))
                .hasMessage("--preview needs a course folder or .zip");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--preview", "--sync"), ENV))
                .hasMessage("--preview needs a course folder or .zip");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--import", "a.zip", "--preview", "b"), ENV))
                .hasMessage("--import and --preview cannot be combined");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--preview", "b", "--json"), ENV))
                .hasMessage("--json goes with --sync or --validate");
    }

    @Test
    void helpListsPreview() {
        assertThat(LaunchOptions.USAGE).contains("--preview <package>");
    }
}
