package edu.sevenp.desktop.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.common.UiExecutors;
import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** The settings screen's rules, without a window. */
class SettingsViewModelTest {

    private final SettingsStore store = SettingsStore.inMemory();
    private final Appearance appearance = new Appearance(Theme.LIGHT, 100);
    private final SimpleStringProperty signedIn = new SimpleStringProperty("");
    private final Path folder = Path.of("/data/sevenp");
    private FolderOpener opener = opened -> {
    };

    private SettingsViewModel settings() {
        SettingsContext context = new SettingsContext(store, new Settings(Theme.LIGHT, 100, Language.ENGLISH, ""), appearance,
                folder, opened -> opener.open(opened));
        return new SettingsViewModel(context, UiExecutors.sameThread(), signedIn);
    }

    @Test
    void aLockedSettingCannotBeChangedAndSaysSo() {
        SettingsContext context = new SettingsContext(store, new Settings(Theme.LIGHT, 100, Language.ENGLISH,
                "https://sync.school.example"), appearance, folder, opened -> { },
                java.util.Set.of(SettingKey.LANGUAGE, SettingKey.SERVER_URL, SettingKey.THEME));
        SettingsViewModel settings = new SettingsViewModel(context, UiExecutors.sameThread(), signedIn);

        settings.languageProperty().set(Language.GERMAN);
        settings.themeProperty().set(Theme.DARK);
        settings.serverProperty().set("https://elsewhere.example");
        settings.commitServer();
        settings.serverUsed("https://elsewhere.example");
        settings.textSizeProperty().set(150);

        assertThat(settings.languageProperty().get()).isEqualTo(Language.ENGLISH);
        assertThat(settings.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(appearance.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(settings.current()).isEqualTo(new Settings(Theme.LIGHT, 150, Language.ENGLISH,
                "https://sync.school.example"));
        assertThat(settings.serverToPropose()).isEqualTo("https://sync.school.example");
        assertThat(settings.serverEditableProperty().get()).isFalse();
        assertThat(settings.languageNoteProperty().get()).isEqualTo("Set by your institution. It cannot be changed here.");
        assertThat(settings.serverNoteProperty().get()).isEqualTo(settings.lockedText());
        assertThat(settings.isLocked(SettingKey.TEXT_SIZE)).isFalse();
        assertThat(store.load()).as("only the free text size was saved").map(Settings::textSize).contains(150);
    }

    @Test
    void themeAndTextSizeApplyAtOnceAndAreKept() {
        SettingsViewModel settings = settings();

        settings.themeProperty().set(Theme.DARK);
        settings.textSizeProperty().set(175);

        assertThat(appearance.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(appearance.scale()).isEqualTo(1.75);
        assertThat(store.load()).contains(new Settings(Theme.DARK, 175, Language.ENGLISH, ""));
    }

    @Test
    void theServerIsAnAddressOrNothing() {
        SettingsViewModel settings = settings();

        settings.serverProperty().set("sync example org");
        settings.commitServer();
        assertThat(settings.serverProblemProperty().get()).startsWith("Enter an http or https address");
        assertThat(store.load()).isEmpty();

        settings.serverProperty().set("sync.example.org");
        settings.commitServer();
        assertThat(settings.serverProblemProperty().get()).isEmpty();
        assertThat(settings.serverToPropose()).isEqualTo("https://sync.example.org");

        settings.serverProperty().set("  ");
        settings.commitServer();
        assertThat(settings.serverToPropose()).isEmpty();
    }

    @Test
    void whileSignedInTheServerIsTheAccountsAndCannotChange() {
        SettingsViewModel settings = settings();

        signedIn.set("https://school.example.org");

        assertThat(settings.serverEditableProperty().get()).isFalse();
        assertThat(settings.serverProperty().get()).isEqualTo("https://school.example.org");
        assertThat(settings.serverNoteProperty().get()).startsWith("Signed in to https://school.example.org.");

        settings.serverUsed("https://school.example.org");
        signedIn.set("");
        assertThat(settings.serverEditableProperty().get()).isTrue();
        assertThat(settings.serverProperty().get()).isEqualTo("https://school.example.org");
    }

    @Test
    void aFolderThatCannotBeOpenedIsNamedInstead() {
        opener = opened -> {
            throw new IOException("no xdg-open");
        };
        SettingsViewModel settings = settings();

        settings.openDataFolder();

        assertThat(settings.folderMessageProperty().get()).isEqualTo("The folder could not be opened here. It is " + folder);
        assertThat(settings.dataFolderText()).isEqualTo(folder.toString());
    }

    @Test
    void textSizesAreWrittenForTheLanguage() {
        assertThat(settings().textSizeText(150)).isEqualTo("150%");
        assertThat(Settings.offered(130)).isEqualTo(125);
        assertThat(Settings.offered(900)).isEqualTo(200);
    }
}
