package edu.sevenp.desktop.ui.sync;

import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.ui.common.Messages;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The sign-in dialog: server address, e-mail, password. Enter signs in, Esc cancels; while the server is asked the
 * fields wait and a spinner turns; a refusal shows in place, above the buttons. Closes itself when signed in.
 */
public final class SignInView {

    private final SignInViewModel viewModel;
    private final VBox root = new VBox(12);
    private final TextField server = new TextField();
    private final TextField email = new TextField();
    private final PasswordField password = new PasswordField();
    private final Messages messages = Messages.of(SignInView.class);
    private Stage stage;

    public SignInView(SignInViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        build();
        viewModel.signedInProperty().addListener((property, old, signedIn) -> {
            if (signedIn && stage != null) {
                stage.close();
            }
        });
    }

    /** Opens the dialog over {@code owner}, filled from {@code status}'s account when it has one. */
    public void show(Window owner, SyncStatus status) {
        show(owner, status, "");
    }

    /**
     * Opens the dialog over {@code owner}, filled from {@code status}'s account when it has one, else with the server
     * of the settings.
     */
    public void show(Window owner, SyncStatus status, String defaultServer) {
        viewModel.reset(status, defaultServer);
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setTitle(messages.get("signIn.title"));
            stage.setResizable(false);
            Scene scene = new Scene(root);
            scene.getStylesheets().add(SignInView.class.getResource("sync.css").toExternalForm());
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
        (server.getText().isBlank() ? server : email.getText().isBlank() ? email : password).requestFocus();
    }

    private void build() {
        root.getStyleClass().addAll("sync-panel", "sign-in");
        Label heading = new Label(messages.get("signIn.heading"));
        heading.getStyleClass().add("sync-heading");
        Label intro = new Label(messages.get("signIn.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("sync-note");

        server.setId("serverField");
        server.setPromptText(messages.get("signIn.serverPrompt"));
        server.textProperty().bindBidirectional(viewModel.serverProperty());
        email.setId("emailField");
        email.setPromptText(messages.get("signIn.emailPrompt"));
        email.textProperty().bindBidirectional(viewModel.emailProperty());
        password.setId("passwordField");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        form.addRow(0, fieldLabel(messages.get("signIn.server"), server), server);
        form.addRow(1, fieldLabel(messages.get("signIn.email"), email), email);
        form.addRow(2, fieldLabel(messages.get("signIn.password"), password), password);
        form.disableProperty().bind(viewModel.busyProperty());

        Label error = new Label();
        error.setId("signInError");
        error.getStyleClass().add("sync-problem");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label working = new Label(messages.get("signIn.working"));
        HBox progress = new HBox(6, spinner, working);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button submit = new Button(messages.get("signIn.submit"));
        submit.setId("signInSubmit");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(viewModel.busyProperty());
        submit.setOnAction(event -> viewModel.submit());
        Button cancel = new Button(messages.get("signIn.cancel"));
        cancel.setId("signInCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> stage.close());
        HBox buttons = new HBox(8, progress, spacer, submit, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(heading, intro, form, error, buttons);
    }

    private static Label fieldLabel(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }
}
