package edu.sevenp.desktop.ui.sync;

import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.ui.common.BoundLabels;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
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
 * the password again. Enter signs in (or creates the account), Esc cancels, Alt+C switches to making an account (and
 * Alt+I back); while the server is asked the fields wait and a spinner turns; a refusal shows in place, above the
 * buttons. Closes itself when signed in.
 */
public final class SignInView {

    private final SignInViewModel viewModel;
    private final VBox root = new VBox(12);
    private final TextField server = new TextField();
    private final TextField name = new TextField();
    private final TextField email = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField passwordAgain = new PasswordField();
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
        viewModel.modeProperty().addListener((property, old, mode) -> {
            if (stage != null) {
                stage.setTitle(title());
                // Later: the link's mnemonic (Alt+C) that switched may still be moving the focus to the link.
                Platform.runLater(this::focusFirstEmpty);
            }
        });
        // The fields waited while the server was asked: the focus goes back to what is to be typed again.
        viewModel.busyProperty().addListener((property, old, busy) -> {
            if (!busy && stage != null && stage.isShowing()) {
                Platform.runLater(this::focusFirstEmpty);
            }
        });
        // Rows and the error come and go: the dialog (not resizable) follows its content once laid out, or wrapped
        // lines would end in "…".
        for (Observable changing : List.of(viewModel.modeProperty(), viewModel.errorProperty())) {
            changing.addListener(observable -> Platform.runLater(this::fitToContent));
        }
    }

    /** Offers "Open log" under the dialog's error line while it tells a failure (not a refusal such as a wrong password). */
    public void offerLog(ProblemLog log) {
        log.offerAfter(root.lookup("#signInError"), viewModel.errorIsFailureProperty());
    }

    /** Opens the dialog over {@code owner}, filled from {@code status}'s account when it has one. */
    public void show(Window owner, SyncStatus status) {
        show(owner, status, "");
    }

    /**
     * Opens the dialog over {@code owner}, to sign in, filled from {@code status}'s account when it has one, else with
     * the server of the settings.
     */
    public void show(Window owner, SyncStatus status, String defaultServer) {
        show(owner, status, defaultServer, false);
    }

    /** As above; {@code serverFixed}: the server is the institution's (locked) and shows disabled. */
    public void show(Window owner, SyncStatus status, String defaultServer, boolean serverFixed) {
        viewModel.reset(status, defaultServer, serverFixed);
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
        return messages.get(creating() ? "signIn.createTitle" : "signIn.title");
    }

    private boolean creating() {
        return viewModel.modeProperty().get() == SignInViewModel.Mode.CREATE_ACCOUNT;
    }

    private void focusFirstEmpty() {
        TextField first = server.getText().isBlank() ? server : creating() && name.getText().isBlank() ? name
                : email.getText().isBlank() ? email : password;
        first.requestFocus();
    }

    private void fitToContent() {
        if (stage != null && stage.isShowing()) {
            stage.sizeToScene();
        }
    }

    private void build() {
        root.getStyleClass().addAll("sync-panel", "sign-in");
        BooleanBinding creating = viewModel.modeProperty().isEqualTo(SignInViewModel.Mode.CREATE_ACCOUNT);
        Label heading = new Label();
        heading.setId("signInHeading");
        heading.getStyleClass().add("sync-heading");
        heading.textProperty().bind(Bindings.when(creating).then(messages.get("signIn.createHeading"))
                .otherwise(messages.get("signIn.heading")));
        Label intro = new Label();
        intro.setWrapText(true);
        intro.getStyleClass().add("sync-note");
        intro.textProperty().bind(Bindings.when(creating).then(messages.get("signIn.createIntro"))
                .otherwise(messages.get("signIn.intro")));

        server.setId("serverField");
        server.setPromptText(messages.get("signIn.serverPrompt"));
        server.textProperty().bindBidirectional(viewModel.serverProperty());
        server.disableProperty().bind(viewModel.serverFixedProperty());
        name.setId("nameField");
        name.setPromptText(messages.get("signIn.namePrompt"));
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        email.setId("emailField");
        email.setPromptText(messages.get("signIn.emailPrompt"));
        email.textProperty().bindBidirectional(viewModel.emailProperty());
        password.setId("passwordField");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        passwordAgain.setId("passwordAgainField");
        passwordAgain.textProperty().bindBidirectional(viewModel.passwordAgainProperty());
        Label passwordRule = new Label(messages.get("signIn.passwordRule"));
        passwordRule.getStyleClass().add("sync-note");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        Label serverLabel = fieldLabel(messages.get("signIn.server"), server);
        Label nameLabel = fieldLabel(messages.get("signIn.name"), name);
        Label emailLabel = fieldLabel(messages.get("signIn.email"), email);
        Label passwordLabel = fieldLabel(messages.get("signIn.password"), password);
        Label againLabel = fieldLabel(messages.get("signIn.passwordAgain"), passwordAgain);
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
        BoundLabels.sayOrHide(error, viewModel.errorProperty());

        Hyperlink switchMode = new Hyperlink();
        switchMode.setId("signInModeLink");
        switchMode.setMnemonicParsing(true);
        switchMode.textProperty().bind(Bindings.when(creating).then(messages.get("signIn.haveAccount"))
                .otherwise(messages.get("signIn.createAccount")));
        switchMode.disableProperty().bind(viewModel.busyProperty());
        switchMode.setOnAction(event -> viewModel.switchMode());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label working = new Label();
        working.textProperty().bind(Bindings.when(creating).then(messages.get("signIn.creating"))
                .otherwise(messages.get("signIn.working")));
        HBox progress = new HBox(6, spinner, working);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button submit = new Button();
        submit.setId("signInSubmit");
        submit.textProperty().bind(Bindings.when(creating).then(messages.get("signIn.createSubmit"))
                .otherwise(messages.get("signIn.submit")));
        submit.setDefaultButton(true);
        submit.disableProperty().bind(viewModel.busyProperty());
        submit.setOnAction(event -> viewModel.submit());
        Button cancel = new Button(messages.get("signIn.cancel"));
        cancel.setId("signInCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> stage.close());
        HBox buttons = new HBox(8, progress, spacer, submit, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(heading, intro, form, switchMode, error, buttons);
    }

    private static Label fieldLabel(String text, Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return label;
    }
}
