package edu.sevenp.desktop.ui.profiles;

import edu.sevenp.desktop.ui.profiles.ProfilesViewModel.Mode;
import edu.sevenp.desktop.ui.common.BoundLabels;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The profile screen, the window's first: the profiles on this computer with what each syncs to, and Open, New,
 * Rename and Delete. Keys: Enter opens, F2 renames, Delete deletes (after a question that says what is lost), Ctrl+N
 * makes a new profile; in the name field Enter saves and Esc cancels; in the question Esc keeps the profile.
 */
public final class ProfilesView {

    private final ProfilesViewModel viewModel;
    private final VBox root = new VBox(12);
    private final ListView<ProfileItem> list = new ListView<>();
    private final TextField nameField = new TextField();
    private final Messages messages;
    private final Button open;
    private final Button keep;
    private boolean selecting;

    public ProfilesView(ProfilesViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = viewModel.texts().messages();
        this.open = new Button(messages.get("button.open"));
        this.keep = new Button(messages.get("delete.keep"));
        build();
    }

    public Parent root() {
        return root;
    }

    /** Offers "Open log" under each of the screen's lines while it tells a failure (not a refusal). */
    public void offerLog(ProblemLog log) {
        log.offerAfter(root.lookup("#profilesMessage"), viewModel.messageIsFailureProperty());
        log.offerAfter(root.lookup("#profileNameError"), viewModel.errorIsFailureProperty());
        log.offerAfter(root.lookup("#deleteProfileDetails"), viewModel.deleteDetailsIsFailureProperty());
    }

    /** Ctrl+N makes a new profile; call it when the screen shows in {@code scene}. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::create);
    }

    /** Puts the focus where the learner starts: the name field while one is asked for, else the list. */
    public void focus() {
        (viewModel.modeProperty().get() == Mode.CREATING || viewModel.modeProperty().get() == Mode.RENAMING ? nameField
                : list).requestFocus();
    }

    private void build() {
        root.getStyleClass().add("profiles-screen");
        root.getStylesheets().add(ProfilesView.class.getResource("profiles.css").toExternalForm());
        root.setPadding(new Insets(32));
        root.setAlignment(Pos.CENTER_LEFT);

        Label title = new Label(messages.get("screen.title"));
        title.setId("profilesTitle");
        title.getStyleClass().add("profiles-title");
        Label intro = new Label(messages.get("screen.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("profiles-note");

        list.setId("profileList");
        list.setItems(viewModel.items());
        list.setCellFactory(view -> new ProfileCell());
        list.setPlaceholder(new Label(messages.get("list.empty")));
        list.setAccessibleText(messages.get("list.accessible"));
        list.getSelectionModel().selectedItemProperty().addListener((property, old, item) -> {
            if (!selecting) {
                viewModel.select(item);
            }
        });
        viewModel.selectedProperty().addListener((property, old, item) -> showSelected(item));
        list.addEventHandler(KeyEvent.KEY_PRESSED, this::listKey);
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && viewModel.selectedProperty().get() != null) {
                viewModel.openSelected();
            }
        });

        BooleanBinding listing = viewModel.modeProperty().isEqualTo(Mode.LIST);
        BooleanBinding nothingSelected = viewModel.selectedProperty().isNull();
        open.setId("openProfileButton");
        open.defaultButtonProperty().bind(listing);
        open.disableProperty().bind(nothingSelected.or(viewModel.busyProperty()).or(listing.not()));
        open.setOnAction(event -> viewModel.openSelected());
        Button create = button("newProfileButton", "button.new", "button.new.tooltip");
        create.disableProperty().bind(viewModel.busyProperty());
        create.setOnAction(event -> create());
        Button rename = button("renameProfileButton", "button.rename", "button.rename.tooltip");
        rename.disableProperty().bind(nothingSelected.or(viewModel.busyProperty()));
        rename.setOnAction(event -> rename());
        Button delete = button("deleteProfileButton", "button.delete", "button.delete.tooltip");
        delete.disableProperty().bind(nothingSelected.or(viewModel.busyProperty()));
        delete.setOnAction(event -> viewModel.startDelete());
        HBox buttons = new HBox(8, open, create, rename, delete);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label message = BoundLabels.optional("profilesMessage", viewModel.messageProperty());
        message.getStyleClass().add("profiles-message");

        root.getChildren().addAll(title, intro, list, buttons, nameEditor(), deleteQuestion(), message);
        viewModel.modeProperty().addListener((property, old, mode) -> {
            if (mode == Mode.CREATING || mode == Mode.RENAMING) {
                nameField.requestFocus();
                nameField.selectAll();
            } else if (mode == Mode.CONFIRMING_DELETE) {
                keep.requestFocus();
            } else {
                list.requestFocus();
            }
        });
        showSelected(viewModel.selectedProperty().get());
    }

    private VBox nameEditor() {
        Label heading = new Label();
        heading.setId("profileNameHeading");
        heading.getStyleClass().add("profiles-heading");
        heading.setLabelFor(nameField);
        heading.textProperty().bind(Bindings.createStringBinding(() -> viewModel.modeProperty().get() == Mode.RENAMING
                ? messages.format("name.headingRename", viewModel.targetProperty().get()) : viewModel.items().isEmpty()
                        ? messages.get("name.headingFirst") : messages.get("name.headingNew"), viewModel.modeProperty(),
                viewModel.items(),
                viewModel.targetProperty()));
        nameField.setId("profileNameField");
        nameField.setPromptText(messages.get("name.prompt"));
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        nameField.setAccessibleText(messages.get("name.accessible"));
        // Said here rather than left to the default and cancel buttons: the window's scene changes hands between
        // screens, and the key a default button holds may belong to a button no longer shown.
        nameField.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.submitName();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                viewModel.cancel();
                event.consume();
            }
        });
        Label hint = new Label(messages.get("name.hint"));
        hint.getStyleClass().add("profiles-note");
        Label error = BoundLabels.optional("profileNameError", viewModel.errorProperty());
        error.getStyleClass().add("profiles-error");

        BooleanBinding editing = viewModel.modeProperty().isEqualTo(Mode.CREATING)
                .or(viewModel.modeProperty().isEqualTo(Mode.RENAMING));
        Button save = new Button();
        save.setId("saveProfileNameButton");
        save.textProperty().bind(Bindings.when(viewModel.modeProperty().isEqualTo(Mode.RENAMING))
                .then(messages.get("name.rename")).otherwise(messages.get("name.create")));
        save.defaultButtonProperty().bind(editing);
        save.disableProperty().bind(viewModel.busyProperty());
        save.setOnAction(event -> viewModel.submitName());
        Button cancel = new Button(messages.get("name.cancel"));
        cancel.setId("cancelProfileNameButton");
        cancel.cancelButtonProperty().bind(editing);
        cancel.setOnAction(event -> viewModel.cancel());
        HBox field = new HBox(8, nameField, save, cancel);
        HBox.setHgrow(nameField, Priority.ALWAYS);
        field.setAlignment(Pos.CENTER_LEFT);

        VBox editor = new VBox(6, heading, field, hint, error);
        editor.setId("profileNameEditor");
        editor.getStyleClass().add("profiles-box");
        editor.visibleProperty().bind(editing);
        editor.managedProperty().bind(editor.visibleProperty());
        return editor;
    }

    private VBox deleteQuestion() {
        BooleanBinding asking = viewModel.modeProperty().isEqualTo(Mode.CONFIRMING_DELETE);
        Label heading = new Label();
        heading.getStyleClass().add("profiles-heading");
        heading.textProperty().bind(viewModel.targetProperty().map(target -> messages.format("delete.heading", target)));
        Label details = new Label();
        details.setId("deleteProfileDetails");
        details.setWrapText(true);
        details.setMaxWidth(Double.MAX_VALUE);
        details.textProperty().bind(viewModel.deleteDetailsProperty());
        Button delete = new Button(messages.get("delete.confirm"));
        delete.setId("confirmDeleteProfileButton");
        delete.getStyleClass().add("profiles-danger");
        delete.disableProperty().bind(viewModel.deleteAllowedProperty().not().or(viewModel.busyProperty()));
        delete.setOnAction(event -> viewModel.confirmDelete());
        keep.setId("keepProfileButton");
        keep.cancelButtonProperty().bind(asking);
        keep.setOnAction(event -> viewModel.cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, delete, spacer, keep);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox question = new VBox(8, heading, details, buttons);
        question.setId("deleteProfileQuestion");
        question.getStyleClass().addAll("profiles-box", "profiles-question");
        question.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                viewModel.cancel();
                event.consume();
            }
        });
        question.visibleProperty().bind(asking);
        question.managedProperty().bind(question.visibleProperty());
        return question;
    }

    private void listKey(KeyEvent event) {
        if (viewModel.modeProperty().get() != Mode.LIST) {
            return;
        }
        if (event.getCode() == KeyCode.ENTER) {
            viewModel.openSelected();
            event.consume();
        } else if (event.getCode() == KeyCode.F2) {
            rename();
            event.consume();
        } else if (event.getCode() == KeyCode.DELETE) {
            viewModel.startDelete();
            event.consume();
        }
    }

    private void create() {
        viewModel.startCreate();
        nameField.requestFocus();
    }

    private void rename() {
        viewModel.startRename();
        nameField.requestFocus();
        nameField.selectAll();
    }

    private void showSelected(ProfileItem item) {
        selecting = true;
        try {
            if (item == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(item);
                list.scrollTo(item);
            }
        } finally {
            selecting = false;
        }
    }

    private Button button(String id, String textKey, String tooltipKey) {
        Button button = new Button(messages.get(textKey));
        button.setId(id);
        button.setMnemonicParsing(false);
        button.setTooltip(new javafx.scene.control.Tooltip(messages.get(tooltipKey)));
        return button;
    }

    /** A profile's name in bold over its detail line. */
    private final class ProfileCell extends ListCell<ProfileItem> {

        @Override
        protected void updateItem(ProfileItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            Label name = new Label(item.name());
            name.getStyleClass().add("profile-name");
            Label detail = new Label(item.detail());
            detail.getStyleClass().add(item.inUse() ? "profile-in-use" : "profile-detail");
            detail.setWrapText(true);
            // As wide as the list and no wider: a long server address wraps instead of scrolling the list sideways.
            setPrefWidth(0);
            Node graphic = new VBox(2, name, detail);
            setText(null);
            setGraphic(graphic);
            setAccessibleText(messages.format("cell.accessible", item.name(), item.detail()));
        }
    }
}
