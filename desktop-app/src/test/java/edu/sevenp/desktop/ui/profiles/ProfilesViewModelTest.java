package edu.sevenp.desktop.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.profiles.LocalProfiles;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.profiles.ProfilesViewModel.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile screen's logic over real profile folders: same-thread executors, so every step is done when a call returns. */
class ProfilesViewModelTest {

    @TempDir
    java.nio.file.Path data;

    private final List<String> opened = new ArrayList<>();

    private ProfilesViewModel screen() {
        ProfilesViewModel model = new ProfilesViewModel(new LocalProfiles(data), UiExecutors.sameThread(), opened::add,
                "Ana Lima", new ProfileTexts(Locale.UK));
        model.refresh(null);
        return model;
    }

    private List<String> names(ProfilesViewModel model) {
        return model.items().stream().map(ProfileItem::name).toList();
    }

    @Test
    void aFirstStartOffersToMakeAProfileNamedAfterTheComputerAccount() {
        ProfilesViewModel model = screen();

        assertThat(model.items()).isEmpty();
        assertThat(model.modeProperty().get()).isEqualTo(Mode.CREATING);
        assertThat(model.nameProperty().get()).isEqualTo("ana-lima");

        model.submitName();

        assertThat(names(model)).containsExactly("ana-lima");
        assertThat(model.selectedProperty().get().name()).isEqualTo("ana-lima");
        assertThat(model.modeProperty().get()).isEqualTo(Mode.LIST);
        assertThat(model.messageProperty().get()).isEqualTo("Made the profile \u201cana-lima\u201d. Press Enter to open it.");
    }

    @Test
    void theProfileOpenedLastIsSelectedAndEnterOpensIt() {
        LocalProfiles profiles = new LocalProfiles(data);
        profiles.create("ana");
        profiles.create("ben");
        profiles.remember("ben");

        ProfilesViewModel model = screen();
        assertThat(model.selectedProperty().get().name()).isEqualTo("ben");
        model.openSelected();

        assertThat(opened).containsExactly("ben");
    }

    @Test
    void aNameThatCannotBeIsExplainedAndKeptAsTypedAndNothingIsMade() {
        new LocalProfiles(data).create("ana");
        ProfilesViewModel model = screen();
        model.startCreate();
        model.nameProperty().set("Ben Ode");

        model.submitName();

        assertThat(model.errorProperty().get()).isEqualTo("A profile name uses lower-case letters, digits, - and _ only,"
                + " and starts with a letter or digit. Try \u201cben-ode\u201d.");
        assertThat(model.nameProperty().get()).isEqualTo("Ben Ode");
        assertThat(model.modeProperty().get()).isEqualTo(Mode.CREATING);
        assertThat(new LocalProfiles(data).list()).hasSize(1);

        model.nameProperty().set("ana");
        model.submitName();
        assertThat(model.errorProperty().get()).isEqualTo("There is already a profile called \u201cana\u201d.");
        assertThat(model.nameProperty().get()).isEqualTo("ana");
    }

    @Test
    void aRenameKeepsTheProfileSelectedUnderItsNewName() {
        new LocalProfiles(data).create("ana");
        ProfilesViewModel model = screen();

        model.startRename();
        assertThat(model.nameProperty().get()).isEqualTo("ana");
        assertThat(model.targetProperty().get()).isEqualTo("ana");
        model.nameProperty().set("ana-lima");
        model.submitName();

        assertThat(names(model)).containsExactly("ana-lima");
        assertThat(model.selectedProperty().get().name()).isEqualTo("ana-lima");
        assertThat(model.messageProperty().get()).isEqualTo("Renamed \u201cana\u201d to \u201cana-lima\u201d.");
    }

    @Test
    void deletingAsksFirstSayingWhatIsLostAndCancelKeepsEverything() {
        LocalStore.openFile(new LocalProfiles(data).folder("ana"), "ana").close();
        ProfilesViewModel model = screen();

        model.startDelete();

        assertThat(model.modeProperty().get()).isEqualTo(Mode.CONFIRMING_DELETE);
        assertThat(model.deleteAllowedProperty().get()).isTrue();
        assertThat(model.deleteDetailsProperty().get()).startsWith("This removes the profile \u201cana\u201d from this"
                + " computer; it holds no courses, notes, bookmarks or progress yet.");

        model.cancel();

        assertThat(model.modeProperty().get()).isEqualTo(Mode.LIST);
        assertThat(names(model)).containsExactly("ana");
    }

    @Test
    void aConfirmedDeletionRemovesTheProfileAndSelectsAnother() {
        LocalProfiles profiles = new LocalProfiles(data);
        profiles.create("ana");
        profiles.create("ben");
        ProfilesViewModel model = screen();

        model.startDelete();
        model.confirmDelete();

        assertThat(names(model)).containsExactly("ben");
        assertThat(model.selectedProperty().get().name()).isEqualTo("ben");
        assertThat(model.messageProperty().get()).isEqualTo("Deleted the profile \u201cana\u201d.");
        assertThat(profiles.folder("ana")).doesNotExist();
    }

    @Test
    void aProfileOpenElsewhereIsNeitherDeletedNorOpened() {
        try (LocalStore open = LocalStore.openFile(new LocalProfiles(data).folder("ana"), "ana")) {
            ProfilesViewModel model = screen();
            assertThat(model.items()).containsExactly(new ProfileItem("ana", "Open in another 7P Course Player window",
                    true));

            model.startDelete();
            assertThat(model.deleteAllowedProperty().get()).isFalse();
            assertThat(model.deleteDetailsProperty().get()).isEqualTo("The profile \u201cana\u201d is open in another 7P"
                    + " Course Player window. Close it there first; nothing was changed.");
            model.confirmDelete();
            model.cancel();

            model.openSelected();
            assertThat(opened).isEmpty();
            assertThat(model.messageProperty().get()).startsWith("The profile \u201cana\u201d is open in another 7P Course"
                    + " Player window.");
        }
        assertThat(new LocalProfiles(data).folder("ana")).isDirectory();
    }

    @Test
    void removingWithoutAskingSaysWhatWasDone() {
        LocalProfiles profiles = new LocalProfiles(data);
        profiles.create("ana");
        profiles.create("ben");
        ProfilesViewModel model = screen();

        model.removeNow("ana", "Signed out, and removed.");

        assertThat(names(model)).containsExactly("ben");
        assertThat(model.messageProperty().get()).isEqualTo("Signed out, and removed.");
    }
}
