package edu.sevenp.desktop.ui.sync;

import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.ui.common.FailureTold;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemText;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.protocol.DeviceView;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account page: the account this profile syncs with and its devices (name, what it runs, when last seen, which is
 * this computer), read from the server in the background; a device signed out ("revoked") after a question, this
 * computer included, which signs this profile out and keeps its data. Devices signed out before are counted, not
 * listed.
 */
public final class AccountPageViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(AccountPageViewModel.class);

    private final SyncService sync;
    private final UiExecutors executors;
    private final SyncTexts texts;
    private final Messages messages;
    /** Lets a read overtaken by a newer one drop its result. */
    private final AtomicLong loads = new AtomicLong();

    private final ObservableList<DeviceItem> devices = FXCollections.observableArrayList();
    private final ObservableList<DeviceItem> readOnlyDevices = FXCollections.unmodifiableObservableList(devices);
    private final StringProperty account = new SimpleStringProperty(this, "account", "");
    private final BooleanProperty signedIn = new SimpleBooleanProperty(this, "signedIn", false);
    private final StringProperty signedOutBefore = new SimpleStringProperty(this, "signedOutBefore", "");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private final BooleanProperty working = new SimpleBooleanProperty(this, "working", false);
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    /** A fault of the player, not the server's refusal. */
    private final FailureTold failures = new FailureTold();
    private final BooleanBinding problemIsFailure = failures.shownBy(problem);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<DeviceItem> pendingRevoke = new SimpleObjectProperty<>(this, "pendingRevoke");
    private final StringProperty revokeQuestion = new SimpleStringProperty(this, "revokeQuestion", "");

    public AccountPageViewModel(SyncService sync, UiExecutors executors, SyncTexts texts) {
        this.sync = Objects.requireNonNull(sync, "sync");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.messages = texts.messages();
    }

    /** The page opens, or asks again (F5): the account from the engine's status, the devices from the server. */
    public void refresh() {
        SyncStatus status = sync.status();
        signedIn.set(status.account() != null);
        pendingRevoke.set(null);
        revokeQuestion.set("");
        problem.set("");
        if (status.account() == null) {
            loads.incrementAndGet();
            devices.clear();
            signedOutBefore.set("");
            loading.set(false);
            account.set(messages.get("account.notSignedIn"));
            return;
        }
        account.set(messages.format("account.signedIn", status.account().server(), status.account().email()));
        long load = loads.incrementAndGet();
        loading.set(true);
        executors.load(() -> ask(sync::devices), answer -> {
            if (load == loads.get()) {
                loading.set(false);
                if (answer.refused() == null) {
                    show(answer.value());
                } else {
                    problem.set(messages.format("account.devicesFailed", answer.refused().getMessage()));
                }
            }
        }, failure -> {
            if (load == loads.get()) {
                loading.set(false);
                problem.set(failures.mark(messages.format("account.devicesFailed", ProblemText.ofDefaultLocale().shown(failure))));
            }
        });
    }

    /** Asks whether to sign {@code device} out of the account (Delete). */
    public void askRevoke(DeviceItem device) {
        if (device == null || working.get()) {
            return;
        }
        message.set("");
        pendingRevoke.set(device);
        revokeQuestion.set(messages.format(device.current() ? "account.revokeThis" : "account.revokeOther", device.name()));
    }

    public void cancelRevoke() {
        pendingRevoke.set(null);
        revokeQuestion.set("");
    }

    /** Signs the device in question out of the account, in the background; the list is read again. */
    public void confirmRevoke() {
        DeviceItem device = pendingRevoke.get();
        if (device == null || working.get()) {
            return;
        }
        working.set(true);
        executors.load(() -> ask(() -> sync.revokeDevice(device.id())), answer -> {
            working.set(false);
            if (answer.refused() != null) {
                problem.set(messages.format("account.revokeFailed", device.name(), answer.refused().getMessage()));
                return;
            }
            cancelRevoke();
            if (answer.value()) {
                refresh();
                message.set(messages.get("account.revokedThis"));
            } else {
                message.set(messages.format("account.revokedOther", device.name()));
                refresh();
            }
        }, failure -> {
            working.set(false);
            problem.set(failures.mark(messages.format("account.revokeFailed", device.name(),
                    ProblemText.ofDefaultLocale().shown(failure))));
        });
    }

    /** The server's answer, or its refusal: an answer here (offline, signed out), not a fault to log with a trace. */
    private record Answer<T>(T value, SyncFailure refused) {
    }

    private static <T> Answer<T> ask(java.util.function.Supplier<T> request) {
        try {
            return new Answer<>(request.get(), null);
        } catch (SyncFailure refused) {
            LOG.info("the server refused kind={} code={}", refused.kind(), refused.code().orElse("-"));
            return new Answer<>(null, refused);
        }
    }

    private void show(List<DeviceView> all) {
        List<DeviceView> active = all.stream().filter(device -> device.revokedAt() == null).toList();
        // This computer first, then as the server lists them (newest first).
        devices.setAll(active.stream()
                .sorted((a, b) -> Boolean.compare(b.current(), a.current()))
                .map(device -> new DeviceItem(device.id(), device.name(), texts.device(device), device.current()))
                .toList());
        int revoked = all.size() - active.size();
        signedOutBefore.set(revoked == 0 ? "" : messages.format("account.signedOutBefore", revoked));
    }

    public ObservableList<DeviceItem> devices() {
        return readOnlyDevices;
    }

    /** The account this profile syncs with, in words, or why there is none. */
    public ReadOnlyStringProperty accountProperty() {
        return account;
    }

    public ReadOnlyBooleanProperty signedInProperty() {
        return signedIn;
    }

    /** How many devices were signed out before (not listed), in words, or empty. */
    public ReadOnlyStringProperty signedOutBeforeProperty() {
        return signedOutBefore;
    }

    /** True while the devices are read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** True while a device is signed out. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working;
    }

    /** What went wrong (the server could not be reached, …), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** True while {@link #problemProperty()} tells a failure whose details are in the log. */
    public BooleanBinding problemIsFailureProperty() {
        return problemIsFailure;
    }

    /** What the last action came to, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The device the page asks about signing out, or null. */
    public ReadOnlyObjectProperty<DeviceItem> pendingRevokeProperty() {
        return pendingRevoke;
    }

    public ReadOnlyStringProperty revokeQuestionProperty() {
        return revokeQuestion;
    }
}
