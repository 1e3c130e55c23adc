package edu.sevenp.desktop.ui.sync;

import edu.sevenp.desktop.sync.RejectedChange;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncListener;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.common.ProblemText;
import edu.sevenp.model.sync.SyncEntity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
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
 * The sync indicator and the sync panel: the engine's status in words, followed through a listener and applied on
 * the UI executor; the panel's details (what waits by kind, what was refused) read in the background while the
 * panel shows; "Sync now" and "Sign out", which asks first and can also remove the profile's data from this computer.
 */
public final class SyncViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SyncViewModel.class);

    private final SyncService sync;
    private final UiExecutors executors;
    private final SyncTexts texts;
    private final SyncListener listener;
    /** Lets a details load overtaken by a newer one drop its result. */
    private final AtomicLong loads = new AtomicLong();

    private final ObjectProperty<SyncStatus> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty indicator = new SimpleStringProperty(this, "indicator", "");
    private final StringProperty tooltip = new SimpleStringProperty(this, "tooltip", "");
    private final ObjectProperty<SyncTexts.Tone> tone = new SimpleObjectProperty<>(this, "tone", SyncTexts.Tone.OFF);
    private final StringProperty account = new SimpleStringProperty(this, "account", "");
    private final BooleanProperty signedIn = new SimpleBooleanProperty(this, "signedIn", false);
    private final BooleanProperty syncing = new SimpleBooleanProperty(this, "syncing", false);
    private final StringProperty lastSync = new SimpleStringProperty(this, "lastSync", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty pending = new SimpleStringProperty(this, "pending", "");
    private final StringProperty held = new SimpleStringProperty(this, "held", "");
    private final StringProperty conflicts = new SimpleStringProperty(this, "conflicts", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    /** The last failure {@link #message} told; while it still tells it, the panel offers the log. */
    private final StringProperty failureTold = new SimpleStringProperty(this, "failureTold", "");
    private final BooleanBinding messageIsFailure = Bindings.createBooleanBinding(
            () -> !message.get().isEmpty() && message.get().equals(failureTold.get()), message, failureTold);
    private final BooleanProperty working = new SimpleBooleanProperty(this, "working", false);
    private final ObservableList<RejectedItem> rejected = FXCollections.observableArrayList();
    private final ObservableList<RejectedItem> readOnlyRejected = FXCollections.unmodifiableObservableList(rejected);
    private final BooleanProperty confirmingSignOut = new SimpleBooleanProperty(this, "confirmingSignOut", false);
    private final BooleanProperty removeData = new SimpleBooleanProperty(this, "removeData", false);
    private final StringProperty signOutDetails = new SimpleStringProperty(this, "signOutDetails", "");
    private final Consumer<String> removeProfile;
    private boolean panelShown;

    /** What the panel shows besides the status, read from the store in one go. */
    private record Details(Map<SyncEntity, Integer> pending, Map<SyncEntity, Integer> held, List<RejectedChange> rejected) {
    }

    /**
     * @param removeProfile after signing out with "also remove this profile's data": closes the profile and removes it
     *        from this computer, then says the message given (on the profile screen)
     */
    public SyncViewModel(SyncService sync, UiExecutors executors, SyncTexts texts, Consumer<String> removeProfile) {
        this.sync = Objects.requireNonNull(sync, "sync");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.removeProfile = Objects.requireNonNull(removeProfile, "removeProfile");
        removeData.addListener((property, old, remove) -> explainSignOut());
        // Told on the engine's thread: hand it to the UI thread, never block the engine.
        this.listener = next -> executors.ui().execute(() -> show(next));
        show(sync.status());
    }

    /** Follows the engine's status and starts the engine (its timer, its push channel). */
    public void start() {
        sync.addListener(listener);
        sync.start();
    }

    /** The window closes: stop following, and stop the engine in the background (a run may take a moment to end). */
    public void close() {
        sync.removeListener(listener);
        executors.background().execute(sync::close);
    }

    /** The panel shows (its details are read now and after every step of the engine) or hides. */
    public void panelShown(boolean shown) {
        panelShown = shown;
        if (shown) {
            // A question left open when the panel closed is not asked again unasked.
            cancelSignOut();
            message.set("");
            sync.recount();
            refreshDetails();
        }
    }

    /** Has the engine count the waiting changes again (the learner may have written some): the indicator follows. */
    public void recount() {
        sync.recount();
    }

    /** Reads what waits and what was refused, in the background. */
    public void refreshDetails() {
        long load = loads.incrementAndGet();
        executors.load(() -> new Details(sync.pendingByKind(), sync.heldByKind(), sync.rejectedChanges()), details -> {
            if (load == loads.get()) {
                showDetails(details);
            }
        }, failure -> tellFailure(texts.messages().format("panel.detailsFailed",
                ProblemText.ofDefaultLocale().shown(failure))));
    }

    /** The learner's "Sync now": the engine runs at once; a failure is shown in the panel in words. */
    public void syncNow() {
        if (syncing.get() || !signedIn.get()) {
            return;
        }
        message.set("");
        sync.syncNow().whenComplete((summary, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                        : failure;
                // The engine puts its failures on the status (shown as the problem); say only what it did not.
                if (!(cause instanceof SyncFailure)) {
                    LOG.error("Sync now failed", cause);
                }
                String words = cause instanceof SyncFailure ? cause.getMessage() : ProblemText.ofDefaultLocale().shown(cause);
                executors.ui().execute(() -> {
                    if (!Objects.equals(words, problem.get())) {
                        tellFailure(words);
                    }
                });
            }
        });
    }

    /**
     * "Sign out": asks first, offering to also remove this profile's courses and data from this computer, and says what
     * that would lose (the changes the server does not have).
     */
    public void askSignOut() {
        if (working.get() || !signedIn.get()) {
            return;
        }
        message.set("");
        removeData.set(false);
        confirmingSignOut.set(true);
        explainSignOut();
        // The learner may have written since the last count: the question should know.
        sync.recount();
    }

    public void cancelSignOut() {
        confirmingSignOut.set(false);
        removeData.set(false);
    }

    /**
     * Signs out in the background, as confirmed. The profile's data stays on this computer, unless the learner asked
     * to remove it: then the profile closes and is removed, and the profile screen shows.
     */
    public void signOut() {
        if (working.get() || !signedIn.get()) {
            return;
        }
        boolean remove = confirmingSignOut.get() && removeData.get();
        String account = status.get().account() == null ? "" : status.get().account().email();
        confirmingSignOut.set(false);
        working.set(true);
        message.set("");
        executors.load(() -> {
            sync.signOut();
            return Boolean.TRUE;
        }, done -> {
            working.set(false);
            removeData.set(false);
            if (remove) {
                removeProfile.accept(texts.messages().format("panel.signedOutRemoved", account));
                return;
            }
            message.set(texts.messages().get("panel.signedOut"));
        }, failure -> {
            working.set(false);
            tellFailure(texts.messages().format("panel.signOutFailed", ProblemText.ofDefaultLocale().shown(failure)));
        });
    }

    private void explainSignOut() {
        SyncStatus now = status.get();
        signOutDetails.set(now == null ? "" : texts.signOutLoss(now, removeData.get()));
    }

    private void show(SyncStatus now) {
        boolean stepEnded = status.get() == null || !now.syncing();
        status.set(now);
        indicator.set(texts.indicator(now));
        tooltip.set(texts.tooltip(now));
        tone.set(texts.tone(now));
        account.set(texts.account(now));
        signedIn.set(now.account() != null);
        syncing.set(now.syncing());
        lastSync.set(texts.lastSync(now));
        problem.set(now.lastError() == null ? "" : now.lastError());
        conflicts.set(texts.conflictCopies(now.conflictCopies()));
        if (now.account() == null) {
            confirmingSignOut.set(false);
        }
        explainSignOut();
        if (panelShown && stepEnded) {
            refreshDetails();
        }
    }

    private void showDetails(Details details) {
        pending.set(texts.pending(details.pending()));
        held.set(texts.held(details.held()));
        rejected.setAll(details.rejected().stream().map(texts::rejected).toList());
    }

    public ReadOnlyObjectProperty<SyncStatus> statusProperty() {
        return status;
    }

    /** The words of the sync status, for the indicator's and the panel's own texts. */
    public SyncTexts texts() {
        return texts;
    }

    public ReadOnlyStringProperty indicatorProperty() {
        return indicator;
    }

    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip;
    }

    public ReadOnlyObjectProperty<SyncTexts.Tone> toneProperty() {
        return tone;
    }

    public ReadOnlyStringProperty accountProperty() {
        return account;
    }

    public ReadOnlyBooleanProperty signedInProperty() {
        return signedIn;
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing;
    }

    public ReadOnlyStringProperty lastSyncProperty() {
        return lastSync;
    }

    /** The engine's last failure in words, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyStringProperty pendingProperty() {
        return pending;
    }

    /** Changes kept here because their course is not on the server, in words, or empty. */
    public ReadOnlyStringProperty heldProperty() {
        return held;
    }

    public ReadOnlyStringProperty conflictsProperty() {
        return conflicts;
    }

    /** What the last action of the learner came to (signed out, sync failed), or empty. */
    private void tellFailure(String text) {
        failureTold.set(text);
        message.set(text);
    }

    /** Whether the message says why something failed (then the panel offers the log). */
    public BooleanBinding messageIsFailureProperty() {
        return messageIsFailure;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** True while signing out. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working;
    }

    public ObservableList<RejectedItem> rejected() {
        return readOnlyRejected;
    }

    /** True while the panel asks whether to sign out. */
    public ReadOnlyBooleanProperty confirmingSignOutProperty() {
        return confirmingSignOut;
    }

    /** The learner's "Also remove this profile's downloaded courses and data from this computer". */
    public BooleanProperty removeDataProperty() {
        return removeData;
    }

    /** What signing out keeps, or with the data removed loses (the changes the server does not have). */
    public ReadOnlyStringProperty signOutDetailsProperty() {
        return signOutDetails;
    }
}
