package edu.sevenp.desktop.ui.sync;

import edu.sevenp.desktop.sync.SyncStatus;
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
        viewModel.reset(status);
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setTitle("Sign in");
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
        root.setPrefWidth(440);
        Label heading = new Label("Sign in to a sync server");
        heading.getStyleClass().add("sync-heading");
        Label intro = new Label("Your notes, progress and quiz attempts then sync with your other computers. After signing"
                + " in once, the app keeps working offline.");
        intro.setWrapText(true);
        intro.getStyleClass().add("sync-note");

        server.setId("serverField");
        server.setPromptText("https://sync.example.org");
        server.textProperty().bindBidirectional(viewModel.serverProperty());
        email.setId("emailField");
        email.setPromptText("you@example.org");
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
        form.addRow(0, fieldLabel("_Server", server), server);
        form.addRow(1, fieldLabel("_E-mail", email), email);
        form.addRow(2, fieldLabel("_Password", password), password);
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
        Label working = new Label("Signing in…");
        HBox progress = new HBox(6, spinner, working);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button submit = new Button("Sign in");
        submit.setId("signInSubmit");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(viewModel.busyProperty());
        submit.setOnAction(event -> viewModel.submit());
        Button cancel = new Button("Cancel");
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
