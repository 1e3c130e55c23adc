package edu.sevenp.desktop.ui.settings;

import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.sync.SignInViewModel;
import java.io.IOException;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings screen: theme and text size apply to every window at once, the language from the next start (the
 * screen says so, in the language chosen); the server is what the sign-in dialog proposes, fixed while signed in; the
 * data folder is shown and opened in the file manager. Every change is saved at once, in the background.
 */
public final class SettingsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final SettingsContext context;
    private final UiExecutors executors;
    private final ObservableStringValue signedInServer;
    private final Messages messages = Messages.of(SettingsViewModel.class);
    private Settings current;

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObjectProperty<Integer> textSize = new SimpleObjectProperty<>(this, "textSize");
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language");
    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final StringProperty serverProblem = new SimpleStringProperty(this, "serverProblem", "");
    private final StringProperty serverNote = new SimpleStringProperty(this, "serverNote", "");
    private final BooleanProperty serverEditable = new SimpleBooleanProperty(this, "serverEditable", true);
    private final StringProperty languageNote = new SimpleStringProperty(this, "languageNote", "");
    private final StringProperty folderMessage = new SimpleStringProperty(this, "folderMessage", "");

    /**
     * @param signedInServer the server the profile is signed in to, or empty when it is not: the server setting then
     *     shows that one and cannot change (signing out comes first)
     */
    public SettingsViewModel(SettingsContext context, UiExecutors executors, ObservableStringValue signedInServer) {
        this.context = Objects.requireNonNull(context, "context");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.signedInServer = Objects.requireNonNull(signedInServer, "signedInServer");
        current = context.started().withTheme(context.appearance().themeProperty().get())
                .withTextSize(context.appearance().textSizeProperty().get());
        theme.set(current.theme());
        textSize.set(current.textSize());
        language.set(current.language());
        server.set(current.server());
        theme.addListener((property, old, now) -> {
            if (now != null && !refused(SettingKey.THEME, theme, current.theme(), now)) {
                context.appearance().setTheme(now);
                keep(current.withTheme(now));
            }
        });
        textSize.addListener((property, old, now) -> {
            if (now != null && !refused(SettingKey.TEXT_SIZE, textSize, current.textSize(), now)) {
                context.appearance().setTextSize(now);
                keep(current.withTextSize(now));
            }
        });
        language.addListener((property, old, now) -> {
            if (now != null && !refused(SettingKey.LANGUAGE, language, current.language(), now)) {
                keep(current.withLanguage(now));
                showLanguageNote();
            }
        });
        server.addListener((property, old, now) -> serverProblem.set(""));
        signedInServer.addListener((property, old, now) -> showServer());
        showLanguageNote();
        showServer();
    }

    /**
     * Keeps the server as typed (when the field is left, or the screen closed): an http or https address, {@code https://}
     * added when no scheme was given; empty to choose none. Anything else is refused in words, and not kept.
     */
    public void commitServer() {
        if (!serverEditable.get() || isLocked(SettingKey.SERVER_URL)) {
            return;
        }
        String typed = server.get().strip();
        if (typed.isEmpty()) {
            keep(current.withServer(""));
            return;
        }
        SignInViewModel.serverAddress(typed).ifPresentOrElse(address -> {
            server.set(address.toString());
            keep(current.withServer(address.toString()));
        }, () -> serverProblem.set(messages.get("server.invalid")));
    }

    /** The learner signed in to {@code address}: it is the server to propose from now on. */
    public void serverUsed(String address) {
        if (address != null && !address.isBlank() && !isLocked(SettingKey.SERVER_URL)) {
            keep(current.withServer(address.strip()));
            showServer();
        }
    }

    /** Whether the institution set {@code key} for the learner: shown, "Set by your institution", never changed here. */
    public boolean isLocked(SettingKey key) {
        return context.isLocked(key);
    }

    /** Why a locked setting cannot be changed, for its note and its accessible help. */
    public String lockedText() {
        return messages.get("locked");
    }

    /**
     * A change to a locked setting is not kept, and is put back: the control is disabled, so only code gets here, and
     * the institution's value holds. Put back on the UI executor, after the change has reached this property: a
     * bidirectional binding ignores a change made while it is still passing one on, so the control would keep showing it.
     */
    private <T> boolean refused(SettingKey key, ObjectProperty<T> property, T kept, T changed) {
        if (!isLocked(key) || changed.equals(kept)) {
            return false;
        }
        executors.ui().execute(() -> property.set(kept));
        return true;
    }

    /** The server the sign-in dialog starts with (empty for none). */
    public String serverToPropose() {
        return current.server();
    }

    /** Shows the data folder in the file manager; says so in place when that cannot be done. */
    public void openDataFolder() {
        folderMessage.set("");
        if (context.dataFolder() == null) {
            return;
        }
        try {
            context.folders().open(context.dataFolder());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not open the data folder {}", context.dataFolder(), e);
            folderMessage.set(messages.format("folder.failed", context.dataFolder()));
        }
    }

    /** The data folder's path, or words saying there is none. */
    public String dataFolderText() {
        return context.dataFolder() == null ? messages.get("folder.none") : context.dataFolder().toString();
    }

    public boolean hasDataFolder() {
        return context.dataFolder() != null;
    }

    /** The settings as kept now. */
    public Settings current() {
        return current;
    }

    private void keep(Settings changed) {
        if (changed.equals(current)) {
            return;
        }
        current = changed;
        // One background thread in the app: saves land in the order they were made.
        executors.background().execute(() -> {
            try {
                context.store().save(changed);
            } catch (RuntimeException e) {
                LOG.warn("The settings were not saved; they apply until the player closes", e);
            }
        });
    }

    private void showServer() {
        String signedIn = signedInServer.get();
        boolean free = signedIn == null || signedIn.isBlank();
        serverEditable.set(free && !isLocked(SettingKey.SERVER_URL));
        if (free) {
            server.set(current.server());
            serverNote.set(isLocked(SettingKey.SERVER_URL) ? messages.get("locked") : messages.get("server.note"));
        } else {
            server.set(signedIn);
            serverNote.set(messages.format("server.signedIn", signedIn));
        }
        serverProblem.set("");
    }

    private void showLanguageNote() {
        Language chosen = language.get();
        Language running = context.started().language();
        if (isLocked(SettingKey.LANGUAGE)) {
            languageNote.set(messages.get("locked"));
        } else if (chosen == running) {
            languageNote.set(messages.get("language.note"));
        } else {
            // Said in the language chosen: whoever chose it reads that one.
            Messages theirs = Messages.forPackage(SettingsViewModel.class.getPackageName(), chosen.locale(messages.locale()));
            languageNote.set(theirs.get("language.restart"));
        }
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The text size in percent, one of {@link Settings#TEXT_SIZES}. */
    public ObjectProperty<Integer> textSizeProperty() {
        return textSize;
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public StringProperty serverProperty() {
        return server;
    }

    /** Why the server typed was not kept, or empty. */
    public ReadOnlyStringProperty serverProblemProperty() {
        return serverProblem;
    }

    /** What the server setting is for, or which server the profile is signed in to. */
    public ReadOnlyStringProperty serverNoteProperty() {
        return serverNote;
    }

    /** False while signed in: the server cannot change then. */
    public ReadOnlyBooleanProperty serverEditableProperty() {
        return serverEditable;
    }

    /** When the language applies. */
    public ReadOnlyStringProperty languageNoteProperty() {
        return languageNote;
    }

    /** Why the data folder could not be opened, or empty. */
    public ReadOnlyStringProperty folderMessageProperty() {
        return folderMessage;
    }

    /** How a text size is written: "150 %" in German, "150%" in English. */
    public String textSizeText(int percent) {
        return messages.format("textSize.value", percent / 100.0);
    }

    public String themeText(Theme shown) {
        return messages.get("theme." + shown.name());
    }

    /** A language by its own name ("Deutsch"), so that whoever speaks it finds it. */
    public String languageText(Language shown) {
        return messages.get("language." + shown.name());
    }
}
