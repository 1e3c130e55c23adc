package edu.sevenp.desktop.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.testing.SyncEngines;
import edu.sevenp.desktop.ui.common.UiExecutors;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sign-in dialog's logic over the real engine: addresses checked before sending, refusals shown in place. */
class SignInViewModelTest {

    private final LocalStore store = LocalStore.openInMemory("sign-in-" + UUID.randomUUID());
    private final SyncService sync = SyncEngines.overHttp(store, SyncService.Schedule.DEFAULT);
    private final SignInViewModel model = new SignInViewModel(sync, UiExecutors.sameThread());

    @AfterEach
    void close() {
        sync.close();
        store.close();
    }

    @Test
    void aServerAddressIsHttpOrHttpsWithAHostAndHttpsWhenNoneIsTyped() {
        assertThat(SignInViewModel.serverAddress("sync.example.org")).contains(URI.create("https://sync.example.org"));
        assertThat(SignInViewModel.serverAddress(" http://127.0.0.1:8080/ ")).contains(URI.create("http://127.0.0.1:8080/"));
        assertThat(SignInViewModel.serverAddress("ftp://sync.example.org")).isEmpty();
        assertThat(SignInViewModel.serverAddress("https://")).isEmpty();
        assertThat(SignInViewModel.serverAddress("two words")).isEmpty();
        assertThat(SignInViewModel.serverAddress("https://sync.example.org/?x=1")).isEmpty();
        assertThat(SignInViewModel.serverAddress("")).isEqualTo(Optional.empty());
    }

    @Test
    void theInstitutionsLockedServerIsTheOneProposedAndCannotBeChanged() {
        model.serverProperty().set("https://typed-before.example");

        model.reset(sync.status(), "https://sync.school.example", true);

        assertThat(model.serverProperty().get()).isEqualTo("https://sync.school.example");
        assertThat(model.serverFixedProperty().get()).isTrue();

        model.reset(sync.status(), "https://sync.school.example", false);
        assertThat(model.serverFixedProperty().get()).as("without a lock, the server is the learner's to type").isFalse();
    }

    @Test
    void anAddressThatIsNoServersIsRefusedBeforeAnythingIsSent() {
        type("https://", "ana@example.org", "secret");

        model.submit();

        assertThat(model.errorProperty().get()).isEqualTo("Enter the server's address, such as https://sync.example.org.");
        assertThat(model.passwordProperty().get()).as("nothing was sent: the password stays").isEqualTo("secret");
        assertThat(sync.status().activity()).isEqualTo(SyncStatus.Activity.NOT_SIGNED_IN);
    }

    @Test
    void aMissingEmailOrPasswordIsAskedFor() {
        type("sync.example.org", "", "secret");
        model.submit();
        assertThat(model.errorProperty().get()).isEqualTo("Enter your e-mail address.");

        type("sync.example.org", "ana@example.org", "");
        model.submit();
        assertThat(model.errorProperty().get()).isEqualTo("Enter your password.");
    }

    @Test
    void anUnreachableServerIsSaidInPlaceKeepingAllButThePassword() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }
        type(closed, "ana@example.org", "secret");

        model.submit();

        assertThat(model.errorProperty().get()).startsWith("Cannot reach the server " + closed + ":");
        assertThat(model.serverProperty().get()).isEqualTo(closed);
        assertThat(model.emailProperty().get()).isEqualTo("ana@example.org");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.signedInProperty().get()).isFalse();
        assertThat(sync.status().account()).isNull();
    }

    @Test
    void aNewAccountNeedsANameAndTheSamePasswordTwiceBeforeAnythingIsSent() {
        model.switchMode();
        assertThat(model.modeProperty().get()).isEqualTo(SignInViewModel.Mode.CREATE_ACCOUNT);
        type("sync.example.org", "ana@example.org", "correct horse");

        model.submit();
        assertThat(model.errorProperty().get()).isEqualTo("Enter your name.");

        model.nameProperty().set("Ana Lima");
        model.passwordAgainProperty().set("correct hose");
        model.submit();
        assertThat(model.errorProperty().get()).isEqualTo("The two passwords differ; type the same one twice.");
        assertThat(model.passwordProperty().get()).as("nothing was sent: the passwords stay").isEqualTo("correct horse");

        model.passwordProperty().set("");
        model.submit();
        assertThat(model.errorProperty().get()).isEqualTo("Choose a password.");
        assertThat(sync.status().activity()).isEqualTo(SyncStatus.Activity.NOT_SIGNED_IN);
    }

    @Test
    void switchingBackToSignInKeepsWhatWasTypedAndDropsTheError() {
        model.switchMode();
        type("sync.example.org", "ana@example.org", "");
        model.submit();

        model.switchMode();

        assertThat(model.modeProperty().get()).isEqualTo(SignInViewModel.Mode.SIGN_IN);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.emailProperty().get()).isEqualTo("ana@example.org");
    }

    private void type(String server, String email, String password) {
        model.serverProperty().set(server);
        model.emailProperty().set(email);
        model.passwordProperty().set(password);
    }
}
