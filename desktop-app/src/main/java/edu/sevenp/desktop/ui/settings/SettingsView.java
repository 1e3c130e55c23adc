package edu.sevenp.desktop.ui.settings;

import edu.sevenp.desktop.ui.common.BoundLabels;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.Theme;
import java.util.Arrays;
import java.util.Objects;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The settings screen (Ctrl+,), a dialog over the player: theme and text size (applied at once), language (from the
 * next start), the sync server, and the data folder with a button that opens it. Every change is kept at once; Close,
 * Esc or Enter closes it. Small enough to build in code.
 */
public final class SettingsView {

    private final SettingsViewModel viewModel;
    private final Messages messages = Messages.of(SettingsView.class);
    private final VBox root = new VBox(10);
    private final ToggleGroup themes = new ToggleGroup();
    private final TextField server = new TextField();
    private final Button close = new Button();
    private Stage stage;

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        build();
    }

    /** Shows the dialog over {@code owner}, or brings it to the front. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setTitle(messages.get("title"));
            Scene scene = new Scene(root);
            scene.getStylesheets().add(SettingsView.class.getResource("settings.css").toExternalForm());
            stage.setScene(scene);
            // Whatever was typed as the server is kept (or refused in words) when the dialog closes.
            stage.setOnHiding(event -> viewModel.commitServer());
        }
        stage.show();
        stage.toFront();
        ((Node) themes.getSelectedToggle()).requestFocus();
    }

    /** The dialog's window, once shown. */
    public Window window() {
        return stage;
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }

    private void build() {
        root.getStyleClass().add("settings");
        root.setId("settingsRoot");
        Label heading = new Label(messages.get("heading"));
        heading.getStyleClass().add("settings-heading");

        // Appearance: theme and text size, applied to every window at once.
        HBox themeChoice = new HBox(16);
        themeChoice.setAlignment(Pos.CENTER_LEFT);
        for (Theme theme : Theme.values()) {
            RadioButton option = new RadioButton(viewModel.themeText(theme));
            option.setId("theme-" + theme.name().toLowerCase(java.util.Locale.ROOT));
            option.setUserData(theme);
            option.setToggleGroup(themes);
            option.setSelected(theme == viewModel.themeProperty().get());
            themeChoice.getChildren().add(option);
        }
        themes.selectedToggleProperty().addListener((property, old, now) -> {
            if (now != null) {
                viewModel.themeProperty().set((Theme) now.getUserData());
            }
        });
        ChoiceBox<Integer> textSize = new ChoiceBox<>();
        textSize.setId("textSizeChoice");
        textSize.getItems().setAll(Arrays.stream(Settings.TEXT_SIZES).boxed().toList());
        textSize.setConverter(converter(viewModel::textSizeText));
        textSize.valueProperty().bindBidirectional(viewModel.textSizeProperty());

        Label themeNote = lockNote("themeLocked", SettingKey.THEME, themeChoice);
        Label textSizeNote = lockNote("textSizeLocked", SettingKey.TEXT_SIZE, textSize);

        // Language, from the next start.
        ChoiceBox<Language> language = new ChoiceBox<>();
        language.setId("languageChoice");
        language.getItems().setAll(Language.values());
        language.setConverter(converter(viewModel::languageText));
        language.valueProperty().bindBidirectional(viewModel.languageProperty());
        Label languageNote = note("languageNote");
        languageNote.textProperty().bind(viewModel.languageNoteProperty());
        lock(SettingKey.LANGUAGE, language);

        // The sync server the sign-in dialog proposes.
        server.setId("settingsServer");
        server.setPromptText(messages.get("server.prompt"));
        server.textProperty().bindBidirectional(viewModel.serverProperty());
        server.disableProperty().bind(viewModel.serverEditableProperty().not());
        if (viewModel.isLocked(SettingKey.SERVER_URL)) {
            server.setAccessibleHelp(viewModel.lockedText());
        }
        server.setOnAction(event -> viewModel.commitServer());
        server.focusedProperty().addListener((property, was, focused) -> {
            if (was && !focused) {
                viewModel.commitServer();
            }
        });
        Label serverNote = note("serverNote");
        serverNote.textProperty().bind(viewModel.serverNoteProperty());
        Label serverProblem = note("serverProblem");
        serverProblem.getStyleClass().setAll("label", "settings-problem");
        BoundLabels.sayOrHide(serverProblem, viewModel.serverProblemProperty());

        // The data folder, shown and opened.
        TextField folder = new TextField(viewModel.dataFolderText());
        folder.setId("dataFolder");
        folder.setEditable(false);
        folder.setFocusTraversable(true);
        Button openFolder = new Button(messages.get("folder.open"));
        openFolder.setId("openDataFolder");
        openFolder.setMnemonicParsing(false);
        openFolder.setMinWidth(Region.USE_PREF_SIZE);
        openFolder.setDisable(!viewModel.hasDataFolder());
        openFolder.setOnAction(event -> viewModel.openDataFolder());
        HBox folderRow = new HBox(8, folder, openFolder);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Label folderNote = note("folderNote");
        folderNote.setText(messages.get("folder.note"));
        Label folderMessage = note("folderMessage");
        folderMessage.getStyleClass().setAll("label", "settings-problem");
        BoundLabels.sayOrHide(folderMessage, viewModel.folderMessageProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        // No headings between the groups, only room: at 200 % the dialog still fits a 1024×700 screen.
        int row = 0;
        form.addRow(row++, fieldLabel("theme", themeChoice.getChildren().get(0)), themeChoice);
        row = addNote(form, themeNote, row);
        form.addRow(row++, fieldLabel("textSize", textSize), textSize);
        row = addNote(form, textSizeNote, row);
        form.addRow(row++, fieldLabel("language", language), language);
        form.add(languageNote, 1, row++);
        form.addRow(row++, fieldLabel("server", server), server);
        form.add(serverNote, 1, row++);
        form.add(serverProblem, 1, row++);
        form.addRow(row++, fieldLabel("folder", folder), folderRow);
        form.add(folderNote, 1, row++);
        form.add(folderMessage, 1, row++);
        for (Node child : form.getChildren()) {
            GridPane.setValignment(child, VPos.CENTER);
        }

        close.setText(messages.get("close"));
        close.setId("closeSettings");
        close.setMnemonicParsing(false);
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(event -> close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        root.getChildren().addAll(heading, form, buttons);
    }

    /** A setting the institution locked is disabled, and says why to whoever reaches it (a screen reader too). */
    private void lock(SettingKey key, Node control) {
        if (viewModel.isLocked(key)) {
            control.setDisable(true);
            control.setAccessibleHelp(viewModel.lockedText());
        }
    }

    /** {@link #lock}, with a note under the control saying so; null when the setting is free. */
    private Label lockNote(String id, SettingKey key, Node control) {
        if (!viewModel.isLocked(key)) {
            return null;
        }
        lock(key, control);
        if (control instanceof javafx.scene.Parent group) {
            group.getChildrenUnmodifiable().forEach(child -> child.setAccessibleHelp(viewModel.lockedText()));
        }
        Label label = note(id);
        label.setText(viewModel.lockedText());
        return label;
    }

    private static int addNote(GridPane form, Label note, int row) {
        if (note == null) {
            return row;
        }
        form.add(note, 1, row);
        return row + 1;
    }

    private Label fieldLabel(String key, Node field) {
        Label label = new Label(messages.get(key));
        label.setLabelFor(field);
        label.setMnemonicParsing(false);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label note(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("settings-note");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : words.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
