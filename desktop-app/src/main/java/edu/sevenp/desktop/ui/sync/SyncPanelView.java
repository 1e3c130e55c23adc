package edu.sevenp.desktop.ui.sync;

import java.util.List;
import edu.sevenp.desktop.ui.common.BoundLabels;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The sync panel, a small window over the player: the account or "Sign in…", the state and last sync, what waits
 * in words, what is kept here and why, what the server refused with what to do, and "Sync now" / "Account…" /
 * "Sign out" (which asks first, offering to also remove the profile's data from this computer). Esc closes it, or
 * leaves the sign-out question. Small enough to build in code.
 */
public final class SyncPanelView {

    private final SyncViewModel viewModel;
    private final Runnable openSignIn;
    private final Runnable openAccount;
    private final VBox root = new VBox(10);
    private final VBox rejectedList = new VBox(8);
    private final Messages messages;
    private final Button signIn = new Button();
    private final Button syncNow = new Button();
    private final Button close = new Button();
    private Stage stage;

    private final Node compareConflicts;

    /**
     * @param openSignIn opens the sign-in dialog over this panel
     * @param openAccount opens the account page (its devices)
     * @param compareConflicts the button that opens conflicting notes side by side; shown while there are some
     */
    public SyncPanelView(SyncViewModel viewModel, Runnable openSignIn, Runnable openAccount, Node compareConflicts) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.openSignIn = Objects.requireNonNull(openSignIn, "openSignIn");
        this.openAccount = Objects.requireNonNull(openAccount, "openAccount");
        this.messages = viewModel.texts().messages();
        this.compareConflicts = Objects.requireNonNull(compareConflicts, "compareConflicts");
        build();
    }

    /** Offers "Open log" under the sync problem, and under the panel's message while it tells a failure. */
    public void offerLog(ProblemLog log) {
        log.offerAfter(root.lookup("#syncProblem"));
        log.offerAfter(root.lookup("#syncMessage"), viewModel.messageIsFailureProperty());
    }

    /** Shows the panel over {@code owner} (the player window), or brings it to the front. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.NONE);
            stage.setTitle(messages.get("panel.title"));
            Scene scene = new Scene(root);
            scene.getStylesheets().add(SyncPanelView.class.getResource("sync.css").toExternalForm());
            stage.setScene(scene);
            stage.setOnShown(event -> viewModel.panelShown(true));
            stage.setOnHidden(event -> viewModel.panelShown(false));
        }
        stage.show();
        stage.toFront();
        // The first thing to do from here: sign in, or sync now.
        (!viewModel.signedInProperty().get() ? signIn : syncNow.isDisabled() ? close : syncNow).requestFocus();
    }

    /** The panel's window, once shown; for dialogs opened over it. */
    public Window window() {
        return stage;
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }

    private void build() {
        // Its width is the style sheet's, in em: it grows with the text size.
        root.getStyleClass().add("sync-panel");

        Label heading = new Label(messages.get("panel.heading"));
        heading.getStyleClass().add("sync-heading");
        Label state = BoundLabels.wrapping("syncPanelState", viewModel.indicatorProperty());
        state.getStyleClass().add("sync-state");
        Label account = BoundLabels.wrapping("syncAccount", viewModel.accountProperty());
        Label lastSync = BoundLabels.wrapping("syncLastSync", viewModel.lastSyncProperty());
        Label problem = BoundLabels.optional("syncProblem", viewModel.problemProperty());
        problem.getStyleClass().add("sync-problem");
        Label pending = BoundLabels.wrapping("syncPending", viewModel.pendingProperty());
        Label held = BoundLabels.optional("syncHeld", viewModel.heldProperty());
        Label conflicts = BoundLabels.optional("syncConflicts", viewModel.conflictsProperty());
        HBox conflictsLine = new HBox(8, conflicts, compareConflicts);
        conflictsLine.setAlignment(Pos.CENTER_LEFT);
        conflictsLine.visibleProperty().bind(conflicts.visibleProperty());
        conflictsLine.managedProperty().bind(conflictsLine.visibleProperty());

        Label rejectedHeading = new Label(messages.get("panel.refused"));
        rejectedHeading.setWrapText(true);
        rejectedHeading.getStyleClass().add("sync-subheading");
        rejectedList.setId("syncRejected");
        ScrollPane rejectedScroll = new ScrollPane(rejectedList);
        rejectedScroll.setFitToWidth(true);
        rejectedScroll.setMaxHeight(180);
        VBox rejectedBox = new VBox(6, rejectedHeading, rejectedScroll);
        rejectedBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.rejected()));
        rejectedBox.managedProperty().bind(rejectedBox.visibleProperty());
        viewModel.rejected().addListener((ListChangeListener<RejectedItem>) change -> showRejected());
        showRejected();

        Label message = BoundLabels.optional("syncMessage", viewModel.messageProperty());
        message.getStyleClass().add("sync-message");

        signIn.setText(messages.get("panel.signIn"));
        syncNow.setText(messages.get("panel.syncNow"));
        close.setText(messages.get("panel.close"));
        signIn.setId("signInButton");
        signIn.setMnemonicParsing(false);
        signIn.visibleProperty().bind(viewModel.signedInProperty().not());
        signIn.managedProperty().bind(signIn.visibleProperty());
        signIn.setOnAction(event -> openSignIn.run());
        syncNow.setId("syncNowButton");
        syncNow.setMnemonicParsing(false);
        syncNow.visibleProperty().bind(viewModel.signedInProperty());
        syncNow.managedProperty().bind(syncNow.visibleProperty());
        syncNow.disableProperty().bind(viewModel.syncingProperty());
        syncNow.setOnAction(event -> viewModel.syncNow());
        Button signOut = new Button(messages.get("panel.signOut"));
        signOut.setId("signOutButton");
        signOut.setMnemonicParsing(false);
        signOut.visibleProperty().bind(viewModel.signedInProperty());
        signOut.managedProperty().bind(signOut.visibleProperty());
        signOut.disableProperty().bind(viewModel.workingProperty().or(viewModel.confirmingSignOutProperty()));
        signOut.setOnAction(event -> viewModel.askSignOut());
        Button accountButton = new Button(messages.get("panel.account"));
        accountButton.setId("accountButton");
        accountButton.setMnemonicParsing(false);
        accountButton.setTooltip(new Tooltip(messages.get("panel.account.tooltip")));
        accountButton.visibleProperty().bind(viewModel.signedInProperty());
        accountButton.managedProperty().bind(accountButton.visibleProperty());
        accountButton.setOnAction(event -> openAccount.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        close.setId("closeSyncPanel");
        close.cancelButtonProperty().bind(viewModel.confirmingSignOutProperty().not());
        close.setOnAction(event -> close());
        HBox buttons = new HBox(8, signIn, syncNow, accountButton, signOut, spacer, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label signOutNote = new Label(messages.get("panel.signOutNote"));
        signOutNote.getStyleClass().add("sync-note");
        signOutNote.setWrapText(true);
        signOutNote.visibleProperty().bind(viewModel.signedInProperty().and(viewModel.confirmingSignOutProperty().not()));
        signOutNote.managedProperty().bind(signOutNote.visibleProperty());

        root.getChildren().addAll(heading, state, account, lastSync, problem, pending, held, conflictsLine, rejectedBox,
                message, buttons, signOutNote, signOutQuestion());
        // Lines come and go with the status: the window follows its content, or buttons would fall off its bottom.
        InvalidationListener refit = observable -> Platform.runLater(this::fitToContent);
        for (Observable changing : List.of(viewModel.indicatorProperty(), viewModel.accountProperty(),
                viewModel.problemProperty(), viewModel.pendingProperty(), viewModel.heldProperty(),
                viewModel.conflictsProperty(), viewModel.messageProperty(), viewModel.signedInProperty(),
                viewModel.rejected())) {
            changing.addListener(refit);
        }
    }

    /** "Sign out?": keep the data (the default) or also remove it, with what that loses; Esc or Cancel keeps all. */
    private VBox signOutQuestion() {
        Label question = new Label();
        question.setId("signOutQuestion");
        question.setWrapText(true);
        question.setMaxWidth(Double.MAX_VALUE);
        question.textProperty().bind(viewModel.statusProperty().map(status -> status.account() == null ? ""
                : messages.format("signOut.question", status.account().email())));
        question.getStyleClass().add("sync-subheading");
        CheckBox removeData = new CheckBox(messages.get("signOut.removeData"));
        removeData.setId("removeDataCheck");
        removeData.setMnemonicParsing(false);
        removeData.setWrapText(true);
        removeData.setMaxWidth(Double.MAX_VALUE);
        removeData.selectedProperty().bindBidirectional(viewModel.removeDataProperty());
        Label details = BoundLabels.wrapping("signOutDetails", viewModel.signOutDetailsProperty());
        details.getStyleClass().add("sync-note");
        viewModel.removeDataProperty().addListener((property, old, remove) -> {
            details.getStyleClass().remove("sync-problem");
            if (remove) {
                details.getStyleClass().add("sync-problem");
            }
        });
        Button confirm = new Button();
        confirm.setId("confirmSignOutButton");
        confirm.setMnemonicParsing(false);
        confirm.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.removeDataProperty())
                .then(messages.get("signOut.confirmRemove")).otherwise(messages.get("signOut.confirm")));
        confirm.setOnAction(event -> viewModel.signOut());
        Button cancel = new Button(messages.get("signOut.cancel"));
        cancel.setId("cancelSignOutButton");
        cancel.setMnemonicParsing(false);
        cancel.cancelButtonProperty().bind(viewModel.confirmingSignOutProperty());
        cancel.setOnAction(event -> viewModel.cancelSignOut());
        HBox buttons = new HBox(8, confirm, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, question, removeData, details, buttons);
        box.setId("signOutConfirmation");
        box.getStyleClass().add("sync-question");
        box.visibleProperty().bind(viewModel.confirmingSignOutProperty());
        box.managedProperty().bind(box.visibleProperty());
        box.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                viewModel.cancelSignOut();
                event.consume();
            }
        });
        viewModel.confirmingSignOutProperty().addListener((property, old, asking) -> {
            if (asking) {
                Platform.runLater(cancel::requestFocus);
            }
            Platform.runLater(this::fitToContent);
        });
        viewModel.signOutDetailsProperty().addListener(observable -> Platform.runLater(this::fitToContent));
        return box;
    }

    private void fitToContent() {
        if (stage != null && stage.isShowing()) {
            stage.sizeToScene();
        }
    }

    private void showRejected() {
        rejectedList.getChildren().setAll(viewModel.rejected().stream().map(item -> {
            Label what = new Label(viewModel.texts().rejectedLine(item));
            what.setWrapText(true);
            what.getStyleClass().add("sync-rejected-reason");
            Label advice = new Label(item.advice());
            advice.setWrapText(true);
            advice.getStyleClass().add("sync-note");
            VBox entry = new VBox(2, what, advice);
            entry.getStyleClass().add("sync-rejected");
            return entry;
        }).toList());
    }
}
