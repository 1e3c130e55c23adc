package edu.sevenp.desktop.ui.catalog;

import edu.sevenp.desktop.ui.common.ProblemLog;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The catalog screen: a search field, category and difficulty filters, the matching courses, and "Download" with its
 * size and the free space asked about first. Signed out or offline, a notice says so in place of the list. It binds
 * to {@link CatalogViewModel}; small enough to build in code.
 */
public final class CatalogView {

    private final CatalogViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final TextField searchField = new TextField();
    private final ListView<CatalogRow> list = new ListView<>();
    private final Button signIn = new Button(CatalogTexts.text("signIn"));

    /** @param openSignIn opens the sync panel, where the learner signs in */
    public CatalogView(CatalogViewModel viewModel, Runnable openSignIn) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        Objects.requireNonNull(openSignIn, "openSignIn");
        signIn.setOnAction(event -> openSignIn.run());
        build();
    }

    public Parent root() {
        return root;
    }

    /** Offers "Open log" under the notice while it says why the catalog cannot be read, and under a failed download. */
    public void offerLog(ProblemLog log) {
        log.offerAfter(root.lookup("#catalogNotice"), viewModel.noticeIsFailureProperty());
        log.offerAfter(root.lookup("#catalogMessage"), viewModel.messageIsFailureProperty());
    }

    /** The keyboard focus goes to the search field, or to "Sign in" while signed out. */
    public void focus() {
        if (viewModel.availabilityProperty().get() == CatalogViewModel.Availability.SIGNED_OUT) {
            signIn.requestFocus();
        } else {
            searchField.requestFocus();
        }
    }

    private void build() {
        root.getStyleClass().addAll("library", "catalog");
        root.getStylesheets().add(CatalogView.class.getResource("/edu/sevenp/desktop/ui/library/library.css").toExternalForm());

        Label searchLabel = new Label(CatalogTexts.text("search.label"));
        searchLabel.setMnemonicParsing(false);
        searchLabel.setLabelFor(searchField);
        searchField.setId("catalogSearch");
        searchField.setPromptText(CatalogTexts.text("search.prompt"));
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        searchField.setOnAction(event -> viewModel.search());
        HBox.setHgrow(searchField, Priority.ALWAYS);

        ComboBox<Choice> category = new ComboBox<>(viewModel.categories());
        category.setId("catalogCategory");
        category.valueProperty().bindBidirectional(viewModel.categoryProperty());
        Label categoryLabel = new Label(CatalogTexts.text("category.label"));
        categoryLabel.setMnemonicParsing(false);
        categoryLabel.setLabelFor(category);
        ComboBox<Choice> difficulty = new ComboBox<>(viewModel.difficulties());
        difficulty.setId("catalogDifficulty");
        difficulty.valueProperty().bindBidirectional(viewModel.difficultyProperty());
        Label difficultyLabel = new Label(CatalogTexts.text("difficulty.label"));
        difficultyLabel.setMnemonicParsing(false);
        difficultyLabel.setLabelFor(difficulty);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.loadingProperty());
        HBox filters = new HBox(8, searchLabel, searchField, categoryLabel, category, difficultyLabel, difficulty, busy);
        filters.setAlignment(Pos.CENTER_LEFT);

        Label notice = new Label();
        notice.setId("catalogNotice");
        notice.getStyleClass().add("empty-state");
        notice.setWrapText(true);
        notice.textProperty().bind(viewModel.noticeProperty());
        Button retry = new Button(CatalogTexts.text("retry"));
        retry.setId("catalogRetry");
        retry.setMnemonicParsing(false);
        retry.setOnAction(event -> viewModel.search());
        retry.visibleProperty().bind(viewModel.availabilityProperty().isEqualTo(CatalogViewModel.Availability.OFFLINE));
        retry.managedProperty().bind(retry.visibleProperty());
        signIn.setId("catalogSignIn");
        signIn.setMnemonicParsing(false);
        signIn.visibleProperty().bind(viewModel.availabilityProperty().isEqualTo(CatalogViewModel.Availability.SIGNED_OUT));
        signIn.managedProperty().bind(signIn.visibleProperty());
        VBox noticeBox = new VBox(8, notice, new HBox(8, signIn, retry));
        noticeBox.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        noticeBox.managedProperty().bind(noticeBox.visibleProperty());

        Label results = new Label();
        results.setId("catalogResults");
        results.textProperty().bind(viewModel.resultTextProperty());
        Label message = new Label();
        message.setId("catalogMessage");
        message.setWrapText(true);
        message.getStyleClass().add("library-message");
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        list.setId("catalogList");
        list.setItems(viewModel.rows());
        list.setCellFactory(view -> new CourseCell());
        list.setAccessibleText(CatalogTexts.text("heading"));
        list.visibleProperty().bind(viewModel.availabilityProperty().isEqualTo(CatalogViewModel.Availability.READY));
        list.managedProperty().bind(list.visibleProperty());
        VBox.setVgrow(list, Priority.ALWAYS);
        list.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                viewModel.offerDownload(list.getSelectionModel().getSelectedItem());
                event.consume();
            } else if (event.getCode() == KeyCode.UP && list.getSelectionModel().getSelectedIndex() <= 0) {
                searchField.requestFocus();
                event.consume();
            }
        });
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                if (list.getSelectionModel().getSelectedIndex() < 0) {
                    list.getSelectionModel().selectFirst();
                }
                event.consume();
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                viewModel.offerDownload(list.getSelectionModel().getSelectedItem());
            }
        });

        Button download = new Button(CatalogTexts.text("download"));
        download.setId("catalogDownload");
        download.setMnemonicParsing(false);
        download.disableProperty().bind(list.getSelectionModel().selectedItemProperty().map(CatalogRow::onThisComputer)
                .orElse(true));
        download.setOnAction(event -> viewModel.offerDownload(list.getSelectionModel().getSelectedItem()));
        Button more = new Button(CatalogTexts.text("more"));
        more.setId("catalogMore");
        more.visibleProperty().bind(viewModel.hasMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(event -> viewModel.more());
        Label hint = new Label(CatalogTexts.text("download.hint"));
        hint.getStyleClass().add("shortcut-hint");
        HBox actions = new HBox(8, download, more, results);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox body = new VBox(8, filters, noticeBox, message, list, actions, hint);
        body.getStyleClass().add("library-body");
        root.setCenter(body);
        viewModel.offerProperty().addListener((property, old, offer) -> {
            if (offer != null) {
                ask(offer);
            }
        });
    }

    private void ask(CatalogViewModel.Offer offer) {
        ButtonType yes = new ButtonType(CatalogTexts.text("download.confirm"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = offer.fits() ? new Alert(Alert.AlertType.CONFIRMATION, offer.room(), yes, ButtonType.CANCEL)
                : new Alert(Alert.AlertType.WARNING, offer.room(), ButtonType.CLOSE);
        alert.setTitle(CatalogTexts.text("download.title"));
        alert.setHeaderText(offer.question());
        alert.getDialogPane().setId("downloadDialog");
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        if (alert.showAndWait().filter(yes::equals).isPresent()) {
            viewModel.confirmDownload();
        } else {
            viewModel.dismissDownload();
        }
    }

    /** Title, description, details, and where the course stands here, with a bar while it downloads. */
    private static final class CourseCell extends ListCell<CatalogRow> {
        private final Label title = new Label();
        private final Label description = new Label();
        private final Label details = new Label();
        private final Label state = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final VBox box;

        CourseCell() {
            title.getStyleClass().add("course-title");
            description.getStyleClass().add("course-description");
            description.setWrapText(true);
            details.getStyleClass().add("course-state");
            state.getStyleClass().add("download-line");
            bar.setPrefWidth(180);
            HBox line = new HBox(10, bar, state);
            line.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(3, title, description, details, line);
            box.getStyleClass().add("course-cell");
        }

        @Override
        protected void updateItem(CatalogRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            title.setText(row.title());
            description.setText(row.description());
            description.setVisible(!row.description().isEmpty());
            description.setManaged(description.isVisible());
            description.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            details.setText(row.details());
            state.setText(row.state());
            bar.setVisible(row.fraction() >= 0);
            bar.setManaged(bar.isVisible());
            bar.setProgress(Math.max(0, row.fraction()));
            setGraphic(box);
            setAccessibleText(row.title() + ", " + row.details() + (row.state().isEmpty() ? "" : ", " + row.state()));
        }
    }
}
