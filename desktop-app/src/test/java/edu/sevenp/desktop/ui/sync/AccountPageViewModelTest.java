package edu.sevenp.desktop.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.testing.SyncEngines;
import edu.sevenp.desktop.ui.common.UiExecutors;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The account page's logic without a server (AccountIT has the real one): no account to show, and its questions. */
class AccountPageViewModelTest {

    private final LocalStore store = LocalStore.openInMemory("account-" + UUID.randomUUID());
    private final SyncService sync = SyncEngines.overHttp(store, SyncService.Schedule.DEFAULT);
    private final AccountPageViewModel model = new AccountPageViewModel(sync, UiExecutors.sameThread(),
            new SyncTexts(ZoneOffset.UTC, Locale.UK));

    @AfterEach
    void close() {
        sync.close();
        store.close();
    }

    @Test
    void aProfileNotSignedInHasNoAccountToShowAndAsksNoServer() {
        model.refresh();

        assertThat(model.signedInProperty().get()).isFalse();
        assertThat(model.accountProperty().get()).isEqualTo("This profile is not signed in to a sync server, so it has no"
                + " account to show. Sign in from the sync panel (Ctrl+Shift+S).");
        assertThat(model.devices()).isEmpty();
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void signingADeviceOutIsAskedFirstInWordsThatSayWhatHappensToIt() {
        DeviceItem lab = new DeviceItem(UUID.randomUUID(), "Lab PC", "Windows", false);
        DeviceItem here = new DeviceItem(UUID.randomUUID(), "ana-laptop", "Linux", true);

        model.askRevoke(lab);
        assertThat(model.pendingRevokeProperty().get()).isEqualTo(lab);
        assertThat(model.revokeQuestionProperty().get()).isEqualTo("Sign \u201cLab PC\u201d out of your account? It can no"
                + " longer sync until someone signs in on it again. What is stored on it stays there.");

        model.askRevoke(here);
        assertThat(model.revokeQuestionProperty().get()).isEqualTo("\u201cana-laptop\u201d is this computer. Signing it out"
                + " of the account signs this profile out here: everything on this computer is kept, and you can sign in"
                + " again.");

        model.cancelRevoke();
        assertThat(model.pendingRevokeProperty().get()).isNull();
    }
}
