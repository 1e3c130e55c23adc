package edu.sevenp.desktop.ui.profiles;

import edu.sevenp.desktop.profiles.LocalProfile;
import edu.sevenp.desktop.profiles.LocalProfiles;
import edu.sevenp.desktop.profiles.ProfileContents;
import edu.sevenp.desktop.profiles.ProfileException;
import edu.sevenp.desktop.profiles.ProfileNames;
import edu.sevenp.desktop.ui.common.FailureTold;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.common.ProblemText;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
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

/**
 * The profile screen: the profiles on this computer, the one opened last selected; open, make, rename and delete (after
 * saying what is lost). Files are read and written on the background executor; a refusal (a name that cannot be, a
 * profile open in another window) is said in place and changes nothing, and what was typed stays.
 */
public final class ProfilesViewModel {

    /** What the screen is doing. */
    public enum Mode { LIST, CREATING, RENAMING, CONFIRMING_DELETE }

    private final LocalProfiles profiles;
    private final UiExecutors executors;
    private final Consumer<String> open;
    private final String firstName;
    private final ProfileTexts texts;

    private final ObservableList<ProfileItem> items = FXCollections.observableArrayList();
    private final ObservableList<ProfileItem> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final ObjectProperty<ProfileItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.LIST);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty deleteDetails = new SimpleStringProperty(this, "deleteDetails", "");
    /** Faults of the player, told on one of the three lines; not refusals (a name taken, a profile in use). */
    private final FailureTold failures = new FailureTold();
    private final BooleanBinding errorIsFailure = failures.shownBy(error);
    private final BooleanBinding messageIsFailure = failures.shownBy(message);
    private final BooleanBinding deleteDetailsIsFailure = failures.shownBy(deleteDetails);
    private final BooleanProperty deleteAllowed = new SimpleBooleanProperty(this, "deleteAllowed", false);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded", false);
    /** The profile being renamed or deleted. */
    private final StringProperty target = new SimpleStringProperty(this, "target");

    /** What one list read found: the profiles, and the one to offer first. */
    private record Listing(List<LocalProfile> profiles, Optional<String> lastUsed) {
    }

    /**
     * @param open opens a profile in the window (called on the UI thread)
     * @param firstName the name offered for a first profile, such as the computer account's (made valid)
     * @param texts the screen's words
     */
    public ProfilesViewModel(LocalProfiles profiles, UiExecutors executors, Consumer<String> open, String firstName,
            ProfileTexts texts) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.open = Objects.requireNonNull(open, "open");
        this.firstName = ProfileNames.suggestion(firstName).orElse("");
    }

    /**
     * Reads the profiles again and selects {@code preferred}, else the one opened last, else the first. With none at
     * all, offers to make one.
     */
    public void refresh(String preferred) {
        executors.load(() -> new Listing(profiles.list(), profiles.lastUsed()), listing -> {
            items.setAll(listing.profiles().stream().map(texts::item).toList());
            String wanted = preferred != null ? preferred : listing.lastUsed().orElse(null);
            selected.set(items.stream().filter(item -> item.name().equals(wanted)).findFirst()
                    .orElse(items.isEmpty() ? null : items.get(0)));
            loaded.set(true);
            if (items.isEmpty() && mode.get() == Mode.LIST) {
                startCreate();
                name.set(firstName);
            }
        }, failure -> {
            loaded.set(true);
            message.set(words(failure));
        });
    }

    public void select(ProfileItem item) {
        selected.set(item);
    }

    /** Opens the selected profile, unless another window has it open (checked again now: it may have closed). */
    public void openSelected() {
        ProfileItem item = selected.get();
        if (item == null || busy.get() || mode.get() != Mode.LIST) {
            return;
        }
        busy.set(true);
        executors.load(() -> profiles.inUse(item.name()), inUse -> {
            busy.set(false);
            if (inUse) {
                message.set(texts.messages().format("message.inUse", item.name()));
                refresh(item.name());
            } else {
                message.set("");
                open.accept(item.name());
            }
        }, failure -> {
            busy.set(false);
            message.set(words(failure));
        });
    }

    /** Offers a name field for a new profile (Ctrl+N). */
    public void startCreate() {
        if (busy.get()) {
            return;
        }
        target.set(null);
        name.set("");
        error.set("");
        message.set("");
        mode.set(Mode.CREATING);
    }

    /** Offers the selected profile's name to edit (F2). */
    public void startRename() {
        ProfileItem item = selected.get();
        if (item == null || busy.get()) {
            return;
        }
        target.set(item.name());
        name.set(item.name());
        error.set("");
        message.set("");
        mode.set(Mode.RENAMING);
    }

    /** Makes or renames with the name typed; a refusal is said in place and the name stays as typed. */
    public void submitName() {
        if (busy.get() || (mode.get() != Mode.CREATING && mode.get() != Mode.RENAMING)) {
            return;
        }
        String typed = name.get() == null ? "" : name.get().strip();
        Optional<ProfileNames.Problem> problem = ProfileNames.check(typed);
        if (problem.isPresent()) {
            error.set(texts.nameProblem(problem.get(), typed));
            return;
        }
        boolean creating = mode.get() == Mode.CREATING;
        String from = target.get();
        run(() -> {
            if (creating) {
                profiles.create(typed);
            } else {
                profiles.rename(from, typed);
            }
        }, () -> {
            mode.set(Mode.LIST);
            message.set(creating ? texts.messages().format("message.made", typed)
                    : from.equals(typed) ? "" : texts.messages().format("message.renamed", from, typed));
            refresh(typed);
        }, error::set);
    }

    /** Leaves the name field or the delete question; nothing changes. */
    public void cancel() {
        if (busy.get() && mode.get() != Mode.CONFIRMING_DELETE) {
            return;
        }
        mode.set(Mode.LIST);
        error.set("");
        deleteDetails.set("");
        deleteAllowed.set(false);
    }

    /** Asks to confirm deleting the selected profile, saying what it holds and what of it is kept nowhere else (Delete). */
    public void startDelete() {
        ProfileItem item = selected.get();
        if (item == null || busy.get()) {
            return;
        }
        target.set(item.name());
        error.set("");
        message.set("");
        deleteAllowed.set(false);
        deleteDetails.set(texts.messages().format("delete.reading", item.name()));
        mode.set(Mode.CONFIRMING_DELETE);
        String asked = item.name();
        executors.load(() -> read(asked), reading -> {
            if (mode.get() != Mode.CONFIRMING_DELETE || !asked.equals(target.get())) {
                return;
            }
            if (reading.contents() != null) {
                deleteDetails.set(texts.loss(reading.contents()));
                deleteAllowed.set(true);
            } else if (reading.refused().reason() != ProfileException.Reason.FAILED) {
                // Open in another window, or gone: nothing to delete now.
                deleteDetails.set(texts.refusal(reading.refused()));
            } else {
                deleteDetails.set(texts.messages().format("delete.unreadable", asked, reading.refused().detail()));
                deleteAllowed.set(true);
            }
        }, failure -> {
            if (mode.get() == Mode.CONFIRMING_DELETE && asked.equals(target.get())) {
                deleteDetails.set(failures.mark(texts.messages().format("delete.unreadable", asked,
                        ProblemText.ofDefaultLocale().shownReason(failure))));
                deleteAllowed.set(true);
            }
        });
    }

    /** What a profile holds, or why it cannot be told (a refusal is an answer here, not a fault to log). */
    private record Reading(ProfileContents contents, ProfileException refused) {
    }

    private Reading read(String profile) {
        try {
            return new Reading(profiles.contents(profile), null);
        } catch (ProfileException e) {
            return new Reading(null, e);
        }
    }

    /** Deletes the profile the question is about. */
    public void confirmDelete() {
        if (mode.get() != Mode.CONFIRMING_DELETE || !deleteAllowed.get() || busy.get()) {
            return;
        }
        String deleted = target.get();
        run(() -> profiles.delete(deleted), () -> {
            mode.set(Mode.LIST);
            deleteDetails.set("");
            deleteAllowed.set(false);
            message.set(texts.messages().format("message.deleted", deleted));
            refresh(null);
        }, refusal -> {
            deleteDetails.set(refusal);
            deleteAllowed.set(false);
        });
    }

    /**
     * Removes {@code name} without asking (the learner asked when signing out) and says so; the list follows.
     *
     * @param done what to say when it is gone
     */
    public void removeNow(String profile, String done) {
        mode.set(Mode.LIST);
        run(() -> profiles.delete(profile), () -> {
            message.set(done);
            refresh(null);
        }, refusal -> {
            message.set(refusal);
            refresh(null);
        });
    }

    /** The screen's words. */
    public ProfileTexts texts() {
        return texts;
    }

    /** Remembers {@code profile} as the one to offer first next time (it just opened). */
    public void remember(String profile) {
        executors.background().execute(() -> profiles.remember(profile));
    }

    /** Says {@code text} under the list (why the screen shows again, say). */
    public void say(String text) {
        message.set(text);
    }

    private String words(RuntimeException failure) {
        return failure instanceof ProfileException refused ? texts.refusal(refused)
                : failures.mark(texts.messages().format("profile.failed", ProblemText.ofDefaultLocale().shownReason(failure)));
    }

    /** Runs a file operation in the background; a refusal reaches {@code refused} in the learner's words. */
    private void run(Runnable work, Runnable done, Consumer<String> refused) {
        busy.set(true);
        Supplier<Optional<String>> attempt = () -> {
            try {
                work.run();
                return Optional.empty();
            } catch (ProfileException e) {
                return Optional.of(texts.refusal(e));
            }
        };
        executors.load(attempt, refusal -> {
            busy.set(false);
            if (refusal.isEmpty()) {
                done.run();
            } else {
                refused.accept(refusal.get());
            }
        }, failure -> {
            busy.set(false);
            refused.accept(words(failure));
        });
    }

    public ObservableList<ProfileItem> items() {
        return readOnlyItems;
    }

    public ReadOnlyObjectProperty<ProfileItem> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The name being typed, for a new profile or a rename. */
    public StringProperty nameProperty() {
        return name;
    }

    /** Why the name typed was refused, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** What the last action came to, or why the screen shows, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** True while {@link #errorProperty()} tells a failure whose details are in the log. */
    public BooleanBinding errorIsFailureProperty() {
        return errorIsFailure;
    }

    /** True while {@link #messageProperty()} tells a failure whose details are in the log. */
    public BooleanBinding messageIsFailureProperty() {
        return messageIsFailure;
    }

    /** True while {@link #deleteDetailsProperty()} tells a failure whose details are in the log. */
    public BooleanBinding deleteDetailsIsFailureProperty() {
        return deleteDetailsIsFailure;
    }

    /** What deleting the profile in question loses, or why it cannot be deleted now. */
    public ReadOnlyStringProperty deleteDetailsProperty() {
        return deleteDetails;
    }

    /** Whether the delete question can be answered yes (what is lost is known, and no other window has it open). */
    public ReadOnlyBooleanProperty deleteAllowedProperty() {
        return deleteAllowed;
    }

    /** True while files are read or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True once the list was read the first time. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    /** The profile being renamed or deleted, or null. */
    public ReadOnlyStringProperty targetProperty() {
        return target;
    }
}
