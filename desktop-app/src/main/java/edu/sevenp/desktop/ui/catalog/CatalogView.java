package edu.sevenp.desktop.ui.catalog;

import edu.sevenp.desktop.ui.common.AlertLayout;
import edu.sevenp.desktop.ui.common.BoundLabels;
import edu.sevenp.desktop.ui.common.CourseCard;
import edu.sevenp.desktop.ui.common.DoubleClick;
import edu.sevenp.desktop.ui.common.DownloadLine;
import java.util.List;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
    /** The learner's language, taken when the view is made. */
    private final CatalogTexts texts = CatalogTexts.inDefaultLocale();
    private final Button signIn = new Button(texts.text("signIn"));
    // Kept rather than looked up: they sit in a scroll pane, whose content joins the scene graph only with its skin.
    private final Label notice = new Label();
    private final Label message = new Label();

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
        log.offerAfter(notice, viewModel.noticeIsFailureProperty());
        log.offerAfter(message, viewModel.messageIsFailureProperty());
    }

    /** The keyboard focus goes to the search field, or to "Sign in" while signed out. */
    public void focus() {
        // The scroll pane puts its content in the scene only once it has a skin: make it now, or the focus is lost.
        root.applyCss();
        root.layout();
        if (viewModel.availabilityProperty().get() == CatalogViewModel.Availability.SIGNED_OUT) {
            signIn.requestFocus();
        } else {
            searchField.requestFocus();
        }
    }

    private void build() {
        root.getStyleClass().addAll("library", "catalog");
        root.getStylesheets().add(CatalogView.class.getResource("/edu/sevenp/desktop/ui/library/library.css").toExternalForm());

        Label searchLabel = new Label(texts.text("search.label"));
        searchLabel.setMnemonicParsing(false);
        searchLabel.setLabelFor(searchField);
        searchField.setId("catalogSearch");
        searchField.setPromptText(texts.text("search.prompt"));
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        searchField.setOnAction(event -> viewModel.search());
        HBox.setHgrow(searchField, Priority.ALWAYS);

        ComboBox<Choice> category = new ComboBox<>(viewModel.categories());
        category.setId("catalogCategory");
        category.valueProperty().bindBidirectional(viewModel.categoryProperty());
        Label categoryLabel = new Label(texts.text("category.label"));
        categoryLabel.setMnemonicParsing(false);
        categoryLabel.setLabelFor(category);
        ComboBox<Choice> difficulty = new ComboBox<>(viewModel.difficulties());
        difficulty.setId("catalogDifficulty");
        difficulty.valueProperty().bindBidirectional(viewModel.difficultyProperty());
        Label difficultyLabel = new Label(texts.text("difficulty.label"));
        difficultyLabel.setMnemonicParsing(false);
        difficultyLabel.setLabelFor(difficulty);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.loadingProperty());
        HBox searchRow = new HBox(8, searchLabel, searchField, busy);
        searchRow.setAlignment(Pos.CENTER_LEFT);
        // Each filter keeps its label beside it; at a large text size the second goes under the first.
        FlowPane filters = new FlowPane(16, 6, pair(categoryLabel, category), pair(difficultyLabel, difficulty));
        filters.setAlignment(Pos.CENTER_LEFT);
        for (Label label : List.of(searchLabel, categoryLabel, difficultyLabel)) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }

        notice.setId("catalogNotice");
        notice.getStyleClass().add("empty-state");
        notice.setWrapText(true);
        notice.setMinHeight(Region.USE_PREF_SIZE);
        notice.textProperty().bind(viewModel.noticeProperty());
        Button retry = new Button(texts.text("retry"));
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
        message.setId("catalogMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("library-message");
        BoundLabels.sayOrHide(message, viewModel.messageProperty());

        list.setId("catalogList");
        list.getStyleClass().add("course-list");
        list.setItems(viewModel.rows());
        list.setCellFactory(view -> new CourseCell(texts));
        list.setAccessibleText(texts.text("heading"));
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
        DoubleClick.choosesSelected(list, viewModel::offerDownload);

        Button download = new Button(texts.text("download"));
        download.setId("catalogDownload");
        download.setMnemonicParsing(false);
        download.disableProperty().bind(list.getSelectionModel().selectedItemProperty().map(CatalogRow::onThisComputer)
                .orElse(true));
        download.setOnAction(event -> viewModel.offerDownload(list.getSelectionModel().getSelectedItem()));
        Button more = new Button(texts.text("more"));
        more.setId("catalogMore");
        more.visibleProperty().bind(viewModel.hasMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(event -> viewModel.more());
        Label hint = new Label(texts.text("download.hint"));
        hint.getStyleClass().add("shortcut-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        FlowPane actions = new FlowPane(8, 6, download, more, results);
        actions.setAlignment(Pos.CENTER_LEFT);
        // Downloading needs the catalog: signed out or offline, the notice says what to do instead.
        for (Node shownWithList : List.of(actions, hint)) {
            shownWithList.visibleProperty().bind(list.visibleProperty());
            shownWithList.managedProperty().bind(list.visibleProperty());
        }

        VBox body = new VBox(8, searchRow, filters, noticeBox, message, list, actions, hint);
        body.getStyleClass().add("library-body");
        // At a large text size in a small window the page scrolls rather than squeezing the list or the notice.
        ScrollPane page = new ScrollPane(body);
        page.setFitToWidth(true);
        page.setFitToHeight(true);
        page.setFocusTraversable(false);
        page.getStyleClass().add("library-page");
        root.setCenter(page);
        viewModel.offerProperty().addListener((property, old, offer) -> {
            if (offer != null) {
                ask(offer);
            }
        });
    }

    /** A filter's label and its box, kept together on one line. */
    private static HBox pair(Label label, ComboBox<Choice> box) {
        box.setMinWidth(Region.USE_PREF_SIZE);
        HBox pair = new HBox(8, label, box);
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }

    private void ask(CatalogViewModel.Offer offer) {
        ButtonType yes = new ButtonType(texts.text("download.confirm"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = offer.fits() ? new Alert(Alert.AlertType.CONFIRMATION, offer.room(), yes, ButtonType.CANCEL)
                : new Alert(Alert.AlertType.WARNING, offer.room(), ButtonType.CLOSE);
        alert.setTitle(texts.text("download.title"));
        alert.setHeaderText(offer.question());
        alert.getDialogPane().setId("downloadDialog");
        AlertLayout.fitted(alert);
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
        private final CatalogTexts texts;
        private final Label details = new Label();
        private final DownloadLine download = new DownloadLine();
        private final CourseCard card = new CourseCard(details, download.node());

        CourseCell(CatalogTexts texts) {
            this.texts = texts;
            details.setWrapText(true);
            details.getStyleClass().add("course-state");
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
            card.show(this, row.title(), row.description());
            details.setText(row.details());
            download.show(row.state(), row.fraction() >= 0, Math.max(0, row.fraction()));
            setGraphic(card.node());
            setAccessibleText(row.state().isEmpty() ? texts.text("row.accessible", row.title(), row.details())
                    : texts.text("row.accessibleState", row.title(), row.details(), row.state()));
        }
    }
}
