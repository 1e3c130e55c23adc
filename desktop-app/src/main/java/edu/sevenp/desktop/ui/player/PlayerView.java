package edu.sevenp.desktop.ui.player;

import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.SectionOutline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * The player window's content: course header, outline tree, lesson page and status line. It binds to
 * {@link PlayerViewModel} and forwards the learner's choices; it holds no state of its own.
 */
public final class PlayerView {

    @FXML
    private Parent root;
    @FXML
    private Label courseTitle;
    @FXML
    private Label courseSummary;
    @FXML
    private TreeView<OutlineNode> outlineTree;
    @FXML
    private Label lessonTitle;
    @FXML
    private WebView lessonView;
    @FXML
    private Button previousButton;
    @FXML
    private Button nextButton;
    @FXML
    private Label status;
    @FXML
    private Label errorBanner;
    @FXML
    private ProgressIndicator busy;

    private final PlayerViewModel viewModel;
    /** Set while the view itself moves the tree selection, so that it is not taken for a learner's click. */
    private boolean syncingSelection;

    public PlayerView(PlayerViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        FXMLLoader loader = new FXMLLoader(PlayerView.class.getResource("PlayerView.fxml"));
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the player layout", e);
        }
    }

    public Parent root() {
        return root;
    }

    /** Keyboard shortcuts that work wherever the focus is. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), viewModel::next);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), viewModel::previous);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
                outlineTree::requestFocus);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                lessonView::requestFocus);
    }

    @FXML
    private void initialize() {
        courseTitle.textProperty().bind(viewModel.courseTitleProperty());
        courseSummary.textProperty().bind(viewModel.courseSummaryProperty());
        lessonTitle.textProperty().bind(viewModel.lessonTitleProperty());
        status.textProperty().bind(viewModel.statusProperty());
        errorBanner.textProperty().bind(viewModel.errorProperty());
        errorBanner.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        busy.visibleProperty().bind(viewModel.loadingProperty());
        previousButton.disableProperty().bind(viewModel.hasPreviousProperty().not());
        nextButton.disableProperty().bind(viewModel.hasNextProperty().not());
        previousButton.setOnAction(event -> viewModel.previous());
        nextButton.setOnAction(event -> viewModel.next());

        outlineTree.setShowRoot(false);
        outlineTree.setCellFactory(tree -> new OutlineCell());
        viewModel.outlineProperty().addListener((property, old, outline) -> showOutline(outline));
        showOutline(viewModel.outlineProperty().get());
        outlineTree.getSelectionModel().selectedItemProperty().addListener((property, old, item) -> {
            if (!syncingSelection && item != null && item.getValue().isLesson()) {
                viewModel.showLesson(item.getValue().lesson());
            }
        });
        viewModel.currentLessonProperty().addListener((property, old, lesson) -> selectInTree(lesson));

        lessonView.setAccessibleText("Lesson content");
        WebEngine engine = lessonView.getEngine();
        engine.setJavaScriptEnabled(false);
        viewModel.lessonPageProperty().addListener((property, old, page) -> engine.loadContent(page));
        engine.locationProperty().addListener((property, old, location) -> keepLinksOutside(engine, location));
    }

    private void showOutline(CourseOutline outline) {
        TreeItem<OutlineNode> top = new TreeItem<>(new OutlineNode("", null));
        if (outline != null) {
            for (SectionOutline section : outline.sections()) {
                TreeItem<OutlineNode> sectionItem = new TreeItem<>(new OutlineNode(PlayerViewModel.sectionLabel(section), null));
                sectionItem.setExpanded(true);
                for (Lesson lesson : section.lessons()) {
                    sectionItem.getChildren().add(new TreeItem<>(new OutlineNode(PlayerViewModel.lessonLabel(lesson), lesson.id())));
                }
                top.getChildren().add(sectionItem);
            }
        }
        outlineTree.setRoot(top);
        selectInTree(viewModel.currentLessonProperty().get());
    }

    private void selectInTree(LessonId lesson) {
        if (lesson == null || outlineTree.getRoot() == null) {
            return;
        }
        for (TreeItem<OutlineNode> section : outlineTree.getRoot().getChildren()) {
            for (TreeItem<OutlineNode> item : section.getChildren()) {
                if (lesson.equals(item.getValue().lesson()) && outlineTree.getSelectionModel().getSelectedItem() != item) {
                    syncingSelection = true;
                    try {
                        outlineTree.getSelectionModel().select(item);
                        outlineTree.scrollTo(outlineTree.getRow(item));
                    } finally {
                        syncingSelection = false;
                    }
                    return;
                }
            }
        }
    }

    /** A click on a link would replace the lesson with a web page: put the lesson back and hand the link over. */
    private void keepLinksOutside(WebEngine engine, String location) {
        if (location == null || location.isEmpty() || location.startsWith("about:")) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(location);
        Clipboard.getSystemClipboard().setContent(content);
        viewModel.linkBlocked(location);
        engine.loadContent(viewModel.lessonPageProperty().get());
    }

    private static final class OutlineCell extends TreeCell<OutlineNode> {
        @Override
        protected void updateItem(OutlineNode node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeAll("outline-section", "outline-lesson");
            if (empty || node == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(node.label());
            setTooltip(new Tooltip(node.label()));
            getStyleClass().add(node.isLesson() ? "outline-lesson" : "outline-section");
        }
    }
}
