package edu.sevenp.desktop.ui.sync;

import edu.sevenp.desktop.sync.SyncStatus;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
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
 * The sign-in dialog, also for making an account: server address, e-mail, password, and for a new account a name and
 * the password again. Enter signs in (or creates the account), Esc cancels, Alt+C switches between signing in and
 * making an account; while the server is asked the fields wait and a spinner turns; a refusal shows in place, above
 * the buttons. Closes itself when signed in.
 */
public final class SignInView {

    private final SignInViewModel viewModel;
    private final VBox root = new VBox(12);
    private final TextField server = new TextField();
    private final TextField name = new TextField();
    private final TextField email = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField passwordAgain = new PasswordField();
    private Stage stage;

    public SignInView(SignInViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        build();
        viewModel.signedInProperty().addListener((property, old, signedIn) -> {
            if (signedIn && stage != null) {
                stage.close();
            }
        });
        viewModel.modeProperty().addListener((property, old, mode) -> {
            if (stage != null) {
                stage.setTitle(title());
                // Later: the link's mnemonic (Alt+C) that switched may still be moving the focus to the link.
                javafx.application.Platform.runLater(this::focusFirstEmpty);
            }
        });
        // The fields waited while the server was asked: the focus goes back to what is to be typed again.
        viewModel.busyProperty().addListener((property, old, busy) -> {
            if (!busy && stage != null && stage.isShowing()) {
                javafx.application.Platform.runLater(this::focusFirstEmpty);
            }
        });
        // Rows and the error come and go: the dialog (not resizable) follows its content once laid out, or wrapped
        // lines would end in "…".
        for (javafx.beans.Observable changing : java.util.List.of(viewModel.modeProperty(), viewModel.errorProperty())) {
            changing.addListener(observable -> javafx.application.Platform.runLater(this::fitToContent));
        }
    }

    private void fitToContent() {
        if (stage != null && stage.isShowing()) {
            stage.sizeToScene();
        }
    }

    /** Opens the dialog over {@code owner}, filled from {@code status}'s account when it has one. */
    public void show(Window owner, SyncStatus status) {
        viewModel.reset(status);
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setResizable(false);
            Scene scene = new Scene(root);
            scene.getStylesheets().add(SignInView.class.getResource("sync.css").toExternalForm());
            stage.setScene(scene);
        }
        stage.setTitle(title());
        stage.show();
        stage.sizeToScene();
        stage.toFront();
        focusFirstEmpty();
    }

    /** Closes the dialog, if open (the window closes). */
    public void close() {
        if (stage != null) {
            stage.close();
        }
    }

    private String title() {
        return creating() ? "Create an account" : "Sign in";
    }

    private boolean creating() {
        return viewModel.modeProperty().get() == SignInViewModel.Mode.CREATE_ACCOUNT;
    }

    private void focusFirstEmpty() {
        TextField first = server.getText().isBlank() ? server : creating() && name.getText().isBlank() ? name
                : email.getText().isBlank() ? email : password;
        first.requestFocus();
    }

    private void build() {
        root.getStyleClass().addAll("sync-panel", "sign-in");
        root.setPrefWidth(440);
        BooleanBinding creating = viewModel.modeProperty().isEqualTo(SignInViewModel.Mode.CREATE_ACCOUNT);
        Label heading = new Label();
        heading.setId("signInHeading");
        heading.getStyleClass().add("sync-heading");
        heading.textProperty().bind(Bindings.when(creating).then("Create an account on a sync server")
                .otherwise("Sign in to a sync server"));
        Label intro = new Label();
        intro.setWrapText(true);
        intro.getStyleClass().add("sync-note");
        intro.textProperty().bind(Bindings.when(creating).then("The account keeps your notes, progress and quiz attempts"
                + " and syncs them with your other computers. This profile signs in with it once it is made.")
                .otherwise("Your notes, progress and quiz attempts then sync with your other computers. After signing"
                        + " in once, the app keeps working offline."));

        server.setId("serverField");
        server.setPromptText("https://sync.example.org");
        server.textProperty().bindBidirectional(viewModel.serverProperty());
        name.setId("nameField");
        name.setPromptText("Ana Lima");
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        email.setId("emailField");
        email.setPromptText("you@example.org");
        email.textProperty().bindBidirectional(viewModel.emailProperty());
        password.setId("passwordField");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        passwordAgain.setId("passwordAgainField");
        passwordAgain.textProperty().bindBidirectional(viewModel.passwordAgainProperty());
        Label passwordRule = new Label("At least 8 characters.");
        passwordRule.getStyleClass().add("sync-note");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        Label serverLabel = fieldLabel("_Server", server);
        Label nameLabel = fieldLabel("_Name", name);
        Label emailLabel = fieldLabel("_E-mail", email);
        Label passwordLabel = fieldLabel("_Password", password);
        Label againLabel = fieldLabel("_Repeat password", passwordAgain);
        // The rows a mode has, and no others (hidden rows would still take their gaps).
        Runnable rows = () -> {
            form.getChildren().clear();
            form.addRow(0, serverLabel, server);
            if (creating.get()) {
                form.addRow(1, nameLabel, name);
                form.addRow(2, emailLabel, email);
                form.addRow(3, passwordLabel, password);
                form.addRow(4, againLabel, passwordAgain);
                form.add(passwordRule, 1, 5);
            } else {
                form.addRow(1, emailLabel, email);
                form.addRow(2, passwordLabel, password);
            }
        };
        rows.run();
        viewModel.modeProperty().addListener((property, old, mode) -> rows.run());
        form.disableProperty().bind(viewModel.busyProperty());

        Label error = new Label();
        error.setId("signInError");
        error.getStyleClass().add("sync-problem");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Hyperlink switchMode = new Hyperlink();
        switchMode.setId("signInModeLink");
        switchMode.setMnemonicParsing(true);
        switchMode.textProperty().bind(Bindings.when(creating).then("I have an account: sign _in instead")
                .otherwise("No account yet? _Create one"));
        switchMode.disableProperty().bind(viewModel.busyProperty());
        switchMode.setOnAction(event -> viewModel.switchMode());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label working = new Label();
        working.textProperty().bind(Bindings.when(creating).then("Creating your account…").otherwise("Signing in…"));
        HBox progress = new HBox(6, spinner, working);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button submit = new Button();
        submit.setId("signInSubmit");
        submit.textProperty().bind(Bindings.when(creating).then("Create account").otherwise("Sign in"));
        submit.setDefaultButton(true);
        submit.disableProperty().bind(viewModel.busyProperty());
        submit.setOnAction(event -> viewModel.submit());
        Button cancel = new Button("Cancel");
        cancel.setId("signInCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> stage.close());
        HBox buttons = new HBox(8, progress, spacer, submit, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(heading, intro, form, switchMode, error, buttons);
    }

    private static Label fieldLabel(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }
}
