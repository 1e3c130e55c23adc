package edu.sevenp.desktop.ui.sync;

import edu.sevenp.desktop.ui.common.BoundLabels;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The account page, a small window over the player (Ctrl+Shift+A, or "Account…" in the sync panel): the account and
 * its devices, this computer marked. Keys: Delete asks to sign the selected device out, F5 reads the list again, Esc
 * leaves the question or closes the page.
 */
public final class AccountPageView {

    private final AccountPageViewModel viewModel;
    private final VBox root = new VBox(10);
    private final ListView<DeviceItem> list = new ListView<>();
    private final Messages messages = Messages.of(AccountPageView.class);
    private final Button cancelRevoke = new Button(messages.get("account.cancel"));
    private Stage stage;

    public AccountPageView(AccountPageViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        build();
    }

    /** Offers "Open log" under the page's problem line while it tells a failure. */
    public void offerLog(ProblemLog log) {
        log.offerAfter(root.lookup("#accountProblem"), viewModel.problemIsFailureProperty());
    }

    /** Shows the page over {@code owner} and reads the devices again. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.NONE);
            stage.setTitle(messages.get("account.title"));
            Scene scene = new Scene(root);
            scene.getStylesheets().add(AccountPageView.class.getResource("sync.css").toExternalForm());
            // A filter: the list of devices, which has the focus, takes Esc for itself before Close's accelerator.
            scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
                if (event.getCode() == KeyCode.ESCAPE && viewModel.pendingRevokeProperty().get() == null) {
                    close();
                    event.consume();
                }
            });
            stage.setScene(scene);
        }
        viewModel.refresh();
        stage.show();
        stage.toFront();
        list.requestFocus();
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }

    private void build() {
        root.getStyleClass().addAll("sync-panel", "account-page");
        Label heading = new Label(messages.get("account.heading"));
        heading.getStyleClass().add("sync-heading");
        Label account = BoundLabels.wrapping("accountSummary", viewModel.accountProperty());
        Label devicesHeading = new Label(messages.get("account.devices"));
        devicesHeading.getStyleClass().add("sync-subheading");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(viewModel.loadingProperty());
        HBox devicesTitle = new HBox(8, devicesHeading, spinner);
        devicesTitle.setAlignment(Pos.CENTER_LEFT);
        list.setId("deviceList");
        list.setItems(viewModel.devices());
        list.setCellFactory(view -> new DeviceCell());
        list.setPlaceholder(new Label(messages.get("account.noDevices")));
        list.setAccessibleText(messages.get("account.devices"));
        list.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE) {
                viewModel.askRevoke(list.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
        // The first device (this computer) is selected once the list has taken the new items in.
        viewModel.devices().addListener((javafx.collections.ListChangeListener<DeviceItem>) change ->
                javafx.application.Platform.runLater(() -> {
                    if (list.getSelectionModel().isEmpty() && !viewModel.devices().isEmpty()) {
                        list.getSelectionModel().select(0);
                    }
                }));
        VBox devices = new VBox(6, devicesTitle, list,
                BoundLabels.optional("devicesSignedOutBefore", viewModel.signedOutBeforeProperty()));
        devices.visibleProperty().bind(viewModel.signedInProperty());
        devices.managedProperty().bind(devices.visibleProperty());

        Label problem = BoundLabels.optional("accountProblem", viewModel.problemProperty());
        problem.getStyleClass().add("sync-problem");
        Label message = BoundLabels.optional("accountMessage", viewModel.messageProperty());
        message.getStyleClass().add("sync-message");

        Button revoke = new Button(messages.get("account.revoke"));
        revoke.setId("revokeDeviceButton");
        revoke.setMnemonicParsing(false);
        revoke.setTooltip(new Tooltip(messages.get("account.revoke.tooltip")));
        revoke.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                .or(viewModel.workingProperty()).or(viewModel.pendingRevokeProperty().isNotNull()));
        revoke.visibleProperty().bind(viewModel.signedInProperty());
        revoke.managedProperty().bind(revoke.visibleProperty());
        revoke.setOnAction(event -> viewModel.askRevoke(list.getSelectionModel().getSelectedItem()));
        Button refresh = new Button(messages.get("account.refresh"));
        refresh.setId("refreshDevicesButton");
        refresh.setMnemonicParsing(false);
        refresh.setTooltip(new Tooltip(messages.get("account.refresh.tooltip")));
        refresh.disableProperty().bind(viewModel.loadingProperty());
        refresh.visibleProperty().bind(viewModel.signedInProperty());
        refresh.managedProperty().bind(refresh.visibleProperty());
        refresh.setOnAction(event -> viewModel.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(messages.get("account.close"));
        close.setId("closeAccountPage");
        close.cancelButtonProperty().bind(viewModel.pendingRevokeProperty().isNull());
        close.setOnAction(event -> close());
        HBox buttons = new HBox(8, revoke, refresh, spacer, close);
        buttons.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(heading, account, devices, revokeQuestion(), problem, message, buttons);
        root.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.F5) {
                viewModel.refresh();
                event.consume();
            }
        });
        for (javafx.beans.Observable changing : java.util.List.of(viewModel.accountProperty(), viewModel.problemProperty(),
                viewModel.messageProperty(), viewModel.signedInProperty(), viewModel.pendingRevokeProperty(),
                viewModel.signedOutBeforeProperty())) {
            changing.addListener(observable -> javafx.application.Platform.runLater(this::fitToContent));
        }
    }

    private VBox revokeQuestion() {
        Label question = BoundLabels.wrapping("revokeQuestion", viewModel.revokeQuestionProperty());
        Button confirm = new Button(messages.get("account.confirmRevoke"));
        confirm.setId("confirmRevokeButton");
        confirm.setMnemonicParsing(false);
        confirm.disableProperty().bind(viewModel.workingProperty());
        confirm.setOnAction(event -> viewModel.confirmRevoke());
        cancelRevoke.setId("cancelRevokeButton");
        cancelRevoke.setMnemonicParsing(false);
        cancelRevoke.cancelButtonProperty().bind(viewModel.pendingRevokeProperty().isNotNull());
        cancelRevoke.setOnAction(event -> {
            viewModel.cancelRevoke();
            list.requestFocus();
        });
        HBox buttons = new HBox(8, confirm, cancelRevoke);
        VBox box = new VBox(8, question, buttons);
        box.setId("revokeConfirmation");
        box.getStyleClass().add("sync-question");
        box.visibleProperty().bind(viewModel.pendingRevokeProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        viewModel.pendingRevokeProperty().addListener((property, old, device) -> {
            if (device != null) {
                cancelRevoke.requestFocus();
            }
        });
        box.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            // Only while a device's sign-out is asked: otherwise Esc is the page's Close (its cancel button).
            if (event.getCode() == KeyCode.ESCAPE && viewModel.pendingRevokeProperty().get() != null) {
                viewModel.cancelRevoke();
                list.requestFocus();
                event.consume();
            }
        });
        return box;
    }

    private void fitToContent() {
        if (stage != null && stage.isShowing()) {
            stage.sizeToScene();
        }
    }

    /** A device's name (and "This computer") over its detail line. */
    private final class DeviceCell extends ListCell<DeviceItem> {

        @Override
        protected void updateItem(DeviceItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            Label name = new Label(item.name());
            name.setStyle("-fx-font-weight: bold;");
            HBox title = new HBox(8, name);
            if (item.current()) {
                Label here = new Label(messages.get("account.thisComputer"));
                here.getStyleClass().add("device-current");
                title.getChildren().add(here);
            }
            Label detail = new Label(item.detail());
            detail.getStyleClass().add("sync-note");
            detail.setWrapText(true);
            // As wide as the list and no wider: a long line wraps instead of scrolling the list sideways.
            setPrefWidth(0);
            setText(null);
            setGraphic(new VBox(2, title, detail));
            setAccessibleText(messages.format(item.current() ? "account.deviceThisAccessible" : "account.deviceAccessible",
                    item.name(), item.detail()));
        }
    }
}
