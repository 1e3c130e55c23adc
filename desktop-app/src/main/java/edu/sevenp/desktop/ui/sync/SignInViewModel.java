package edu.sevenp.desktop.ui.sync;

import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.ui.common.FailureTold;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemText;
import edu.sevenp.desktop.ui.common.UiExecutors;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in dialog, which also makes accounts: server address, e-mail and password (and, for a new account, a
 * name and the password again), checked here before anything is sent, then handed to {@link SyncService} in the
 * background. A new account is made, then signed in. A refusal is shown in place, in the engine's words (the
 * server's, for a new account: the address is taken, the password too short); what was typed stays, except the
 * passwords.
 */
public final class SignInViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    /** Signing in to an account, or making one. */
    public enum Mode { SIGN_IN, CREATE_ACCOUNT }

    private final SyncService sync;
    private final UiExecutors executors;
    private final Messages messages = Messages.of(SignInViewModel.class);

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.SIGN_IN);
    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final BooleanProperty serverFixed = new SimpleBooleanProperty(this, "serverFixed", false);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty passwordAgain = new SimpleStringProperty(this, "passwordAgain", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    /** A fault of the player, not the server's refusal (wrong password) nor a mistake in what was typed. */
    private final FailureTold failures = new FailureTold();
    private final BooleanBinding errorIsFailure = failures.shownBy(error);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanProperty signedIn = new SimpleBooleanProperty(this, "signedIn", false);

    /**
     * What one attempt came to: null when it worked, else the words for the learner.
     *
     * @param registered whether a new account was made (and signing in with it failed)
     */
    private record Outcome(String refusal, boolean registered) {
    }

    public SignInViewModel(SyncService sync, UiExecutors executors) {
        this.sync = Objects.requireNonNull(sync, "sync");
        this.executors = Objects.requireNonNull(executors, "executors");
    }

    /** The dialog opens, to sign in: fields from the account the profile had (signing in again), nothing else. */
    public void reset(SyncStatus status) {
        reset(status, "");
    }

    /**
     * The dialog opens: fields from the account the profile had (signing in again); without one, the server of the
     * settings ({@code defaultServer}, may be empty) unless an address was typed already.
     */
    public void reset(SyncStatus status, String defaultServer) {
        reset(status, defaultServer, false);
    }

    /**
     * As above; {@code fixed}: the server is the institution's ({@code defaultServer}, a locked setting) and cannot be
     * changed here.
     */
    public void reset(SyncStatus status, String defaultServer, boolean fixed) {
        serverFixed.set(fixed && status.account() == null && defaultServer != null && !defaultServer.isBlank());
        if (serverFixed.get()) {
            server.set(defaultServer.strip());
        }
        error.set("");
        password.set("");
        passwordAgain.set("");
        signedIn.set(false);
        mode.set(Mode.SIGN_IN);
        if (status.account() != null) {
            server.set(status.account().server());
            email.set(status.account().email());
        } else if (server.get().isBlank() && defaultServer != null) {
            server.set(defaultServer.strip());
        }
    }

    /** Between signing in and making an account; what was typed stays, the error goes. */
    public void switchMode() {
        if (busy.get()) {
            return;
        }
        mode.set(mode.get() == Mode.SIGN_IN ? Mode.CREATE_ACCOUNT : Mode.SIGN_IN);
        error.set("");
    }

    /**
     * Signs in, or makes the account and signs in with it, unless a field is plainly wrong (said in place, nothing
     * sent). The server's own rules (a whole e-mail address, 8 or more characters of password) are the server's to
     * say: it says them in words this dialog shows.
     */
    public void submit() {
        if (busy.get()) {
            return;
        }
        boolean creating = mode.get() == Mode.CREATE_ACCOUNT;
        Optional<URI> address = serverAddress(server.get());
        String problem = address.isEmpty() ? messages.get("signIn.needServer")
                : creating && name.get().isBlank() ? messages.get("signIn.needName")
                : !email.get().trim().contains("@") ? messages.get("signIn.needEmail")
                : password.get().isEmpty() ? messages.get(creating ? "signIn.choosePassword" : "signIn.needPassword")
                : creating && !password.get().equals(passwordAgain.get()) ? messages.get("signIn.passwordsDiffer")
                : null;
        if (problem != null) {
            error.set(problem);
            return;
        }
        String mail = email.get().trim();
        String fullName = name.get().strip();
        char[] secret = password.get().toCharArray();
        server.set(address.get().toString());
        error.set("");
        busy.set(true);
        executors.load(() -> creating ? create(address.get(), fullName, mail, secret) : attempt(address.get(), mail, secret),
                outcome -> {
                    busy.set(false);
                    password.set("");
                    passwordAgain.set("");
                    if (outcome.refusal() == null) {
                        signedIn.set(true);
                        return;
                    }
                    if (outcome.registered()) {
                        mode.set(Mode.SIGN_IN);
                    }
                    error.set(outcome.refusal());
                }, failure -> {
                    busy.set(false);
                    password.set("");
                    passwordAgain.set("");
                    // Logged by the executor; the profile belongs to another account, or a fault of this app.
                    error.set(failures.mark(ProblemText.ofDefaultLocale().shown(failure, messages.get("signIn.failed"))));
                });
    }

    private Outcome create(URI address, String fullName, String mail, char[] secret) {
        try {
            sync.register(address, mail, secret, fullName);
        } catch (SyncFailure refused) {
            LOG.info("registration refused kind={} code={} field={}", refused.kind(), refused.code().orElse("-"),
                    refused.field().orElse("-"));
            Arrays.fill(secret, '\0');
            return new Outcome(refused.getMessage(), false);
        }
        Outcome signing = attempt(address, mail, secret);
        return signing.refusal() == null ? signing
                : new Outcome(messages.format("signIn.madeButNotSignedIn", signing.refusal()), true);
    }

    private Outcome attempt(URI address, String mail, char[] secret) {
        try {
            // The first sync it starts goes on after the dialog closes; the indicator shows it.
            sync.signIn(address, mail, secret);
            return new Outcome(null, false);
        } catch (SyncFailure refused) {
            LOG.info("sign-in refused kind={} code={}", refused.kind(), refused.code().orElse("-"));
            return new Outcome(refused.getMessage(), false);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /**
     * The server's address as typed, with {@code https://} when no scheme was given: http or https, with a host, and
     * nothing after the path. Empty when it cannot be one.
     */
    public static Optional<URI> serverAddress(String typed) {
        String text = typed == null ? "" : typed.trim();
        if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            if (!web || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                    || uri.getUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            LOG.debug("not a server address: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public StringProperty serverProperty() {
        return server;
    }

    /** True while the server is the institution's and cannot be changed in the dialog. */
    public ReadOnlyBooleanProperty serverFixedProperty() {
        return serverFixed;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The learner's name, for a new account. */
    public StringProperty nameProperty() {
        return name;
    }

    /** The password typed again, for a new account. */
    public StringProperty passwordAgainProperty() {
        return passwordAgain;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** Why the last attempt did not work, in words, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** True while {@link #errorProperty()} tells a failure whose details are in the log. */
    public BooleanBinding errorIsFailureProperty() {
        return errorIsFailure;
    }

    /** True while the server is being asked. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Becomes true when the sign-in worked: the dialog closes. */
    public ReadOnlyBooleanProperty signedInProperty() {
        return signedIn;
    }
}
