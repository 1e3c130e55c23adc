package edu.sevenp.desktop.ui.player;

import edu.sevenp.desktop.learning.CourseProgressOutline;
import edu.sevenp.desktop.ui.common.FxmlLayout;
import edu.sevenp.desktop.ui.player.PlayerViewModel.LessonPage;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.SectionOutline;
import edu.sevenp.model.learning.ProgressStatus;
import java.util.Objects;
import javafx.beans.binding.BooleanBinding;
import javafx.concurrent.Worker;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * The player window's content: course header with progress, outline tree with each lesson's status,
 * lesson page with its actions, a side panel of tabs and the status line. It binds to
 * {@link PlayerViewModel} and {@link ProgressViewModel} and forwards the learner's choices; it holds no
 * state of its own.
 */
public final class PlayerView {

    @FXML
    private BorderPane root;
    @FXML
    private Label courseTitle;
    @FXML
    private Label courseSummary;
    @FXML
    private ProgressBar courseProgressBar;
    @FXML
    private Label courseProgressText;
    @FXML
    private HBox headerActions;
    @FXML
    private SplitPane playerSplit;
    @FXML
    private TreeView<OutlineNode> outlineTree;
    @FXML
    private StackPane mainPane;
    @FXML
    private BorderPane lessonPane;
    @FXML
    private Label lessonTitle;
    @FXML
    private HBox lessonActions;
    @FXML
    private Button markCompleteButton;
    @FXML
    private VBox lessonBody;
    @FXML
    private WebView lessonView;
    @FXML
    private Button previousButton;
    @FXML
    private Button nextButton;
    @FXML
    private TabPane sideTabs;
    @FXML
    private HBox statusBar;
    @FXML
    private Label status;
    @FXML
    private Label errorBanner;
    @FXML
    private ProgressIndicator busy;

    private final PlayerViewModel viewModel;
    private final ProgressViewModel progress;
    /** Puts the focus into the page shown instead of the lesson; null while the lesson shows. */
    private Runnable mainPageFocus;
    /** Set while the view itself moves the tree selection, so that it is not taken for a learner's click. */
    private boolean syncingSelection;

    public PlayerView(PlayerViewModel viewModel, ProgressViewModel progress) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.progress = Objects.requireNonNull(progress, "progress");
        FxmlLayout.load(this);
    }

    public Parent root() {
        return root;
    }

    /**
     * Adds a tab to the side panel (notes, bookmarks, and later search or quizzes); the first tab added is
     * the one shown at first. Returns the tab, so the caller can select it.
     */
    public Tab addSideTab(String title, Node content) {
        Tab tab = new Tab(Objects.requireNonNull(title, "title"), Objects.requireNonNull(content, "content"));
        tab.setClosable(false);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        sideTabs.getTabs().add(tab);
        return tab;
    }

    /** Shows {@code tab} of the side panel and moves the focus into it. */
    public void showSideTab(Tab tab) {
        sideTabs.getSelectionModel().select(tab);
        tab.getContent().requestFocus();
    }

    /** Adds a control to the lesson's toolbar, before the Previous and Next buttons (e.g. the bookmark toggle). */
    public void addLessonAction(Node action) {
        lessonActions.getChildren().add(Objects.requireNonNull(action, "action"));
    }

    /**
     * Puts {@code media} (the video of a video lesson) above the lesson's text; it shows itself only when the lesson
     * has one. {@code Ctrl+2} then focuses it while it shows.
     */
    public void addLessonMedia(Node media) {
        lessonBody.getChildren().add(0, Objects.requireNonNull(media, "media"));
    }

    /** Adds a control to the course header, on the right (e.g. the Library button). */
    public void addHeaderAction(Node action) {
        action.getStyleClass().add("header-action");
        headerActions.getChildren().add(Objects.requireNonNull(action, "action"));
    }

    /** Adds a control at the right end of the status bar (the sync indicator), always visible. */
    public void addStatusAction(Node action) {
        statusBar.getChildren().add(Objects.requireNonNull(action, "action"));
    }

    /**
     * Shows {@code screen} (the library) instead of the contents, lesson and side panel; the header and the
     * status line stay. {@link #showPlayer()} brings the lesson back as it was.
     */
    public void showInstead(Node screen) {
        root.setCenter(Objects.requireNonNull(screen, "screen"));
    }

    /** Shows the contents, lesson and side panel again, with the focus in the contents. */
    public void showPlayer() {
        root.setCenter(playerSplit);
        outlineTree.requestFocus();
    }

    /**
     * Shows {@code page} (a quiz attempt) in the main pane instead of the lesson, with the width the lesson had;
     * the contents and the side panel stay. {@link #showLessonPage()} brings the lesson back where it was read.
     *
     * @param focus puts the focus into the page (Ctrl+2 calls it while the page shows)
     */
    public void showMainPage(Node page, Runnable focus) {
        Objects.requireNonNull(page, "page");
        mainPageFocus = Objects.requireNonNull(focus, "focus");
        if (mainPane.getChildren().size() != 2 || mainPane.getChildren().get(1) != page) {
            mainPane.getChildren().setAll(lessonPane, page);
        }
        lessonPane.setVisible(false);
    }

    /** Shows the lesson in the main pane again. */
    public void showLessonPage() {
        mainPageFocus = null;
        mainPane.getChildren().setAll(lessonPane);
        lessonPane.setVisible(true);
    }

    /** Whether the main pane shows the lesson (not a quiz). */
    public boolean isShowingLessonPage() {
        return lessonPane.isVisible();
    }

    /** Whether the contents, lesson and side panel are shown (not another screen). */
    public boolean isShowingPlayer() {
        return root.getCenter() == playerSplit;
    }

    /** True while the contents, lesson and side panel are shown, false while another screen is. */
    public BooleanBinding showingPlayerProperty() {
        return root.centerProperty().isEqualTo(playerSplit);
    }

    /** Whether {@code screen} is shown instead of the lesson. */
    public boolean isShowing(Node screen) {
        return root.getCenter() == screen;
    }

    /** True while {@code screen} is shown instead of the lesson. */
    public BooleanBinding showingProperty(Node screen) {
        return root.centerProperty().isEqualTo(screen);
    }

    /** Keyboard shortcuts that work wherever the focus is. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), viewModel::next);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), viewModel::previous);
        // Ctrl+1/2/3 lead back from another screen (the library) to the part of the player they name.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), this::showPlayer);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), () -> {
            showPlayer();
            if (mainPageFocus != null) {
                mainPageFocus.run();
            } else {
                focusLesson();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN), () -> {
            showPlayer();
            focusSidePanel();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.M, KeyCombination.ALT_DOWN), progress::markComplete);
    }

    @FXML
    private void initialize() {
        courseTitle.textProperty().bind(viewModel.courseTitleProperty());
        courseSummary.textProperty().bind(viewModel.courseSummaryProperty());
        courseProgressText.textProperty().bind(progress.progressTextProperty());
        courseProgressBar.progressProperty().bind(progress.progressFractionProperty());
        courseProgressBar.accessibleTextProperty().bind(progress.progressTextProperty().concat(" (course progress)"));
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
        markCompleteButton.disableProperty().bind(progress.canMarkCompleteProperty().not());
        markCompleteButton.setOnAction(event -> progress.markComplete());
        progress.currentStatusProperty().addListener((property, old, now) -> markCompleteButton.setText(
                now == ProgressStatus.COMPLETED ? "✔ Completed" : "Mark complete"));

        outlineTree.setShowRoot(false);
        outlineTree.setCellFactory(tree -> new OutlineCell());
        viewModel.outlineProperty().addListener((property, old, outline) -> showOutline(outline));
        showOutline(viewModel.outlineProperty().get());
        progress.outlineProperty().addListener((property, old, statuses) -> showStatuses(statuses));
        outlineTree.getSelectionModel().selectedItemProperty().addListener((property, old, item) -> {
            if (!syncingSelection && item != null && item.getValue().isLesson()) {
                viewModel.showLesson(item.getValue().lesson());
                if (!item.getValue().lesson().equals(viewModel.currentLessonProperty().get())) {
                    // Leaving waits for the learner's answer (a graded quiz in progress): the tree keeps showing
                    // the lesson that is still open until they confirm.
                    javafx.application.Platform.runLater(() -> selectInTree(viewModel.currentLessonProperty().get()));
                }
            }
        });
        viewModel.currentLessonProperty().addListener((property, old, lesson) -> selectInTree(lesson));

        lessonView.setAccessibleText("Lesson content");
        WebEngine engine = lessonView.getEngine();
        // Scripts in lessons stay off; the player's own calls (executeScript) still run.
        engine.setJavaScriptEnabled(false);
        viewModel.shownPageProperty().addListener((property, old, page) -> {
            if (old != null) {
                leaveReadingPosition(old);
            }
            if (page != null) {
                engine.loadContent(page.html());
            }
        });
        engine.getLoadWorker().stateProperty().addListener((property, old, state) -> {
            LessonPage page = viewModel.shownPageProperty().get();
            if (state == Worker.State.SUCCEEDED && page != null && page.readingPosition() > 0) {
                scrollTo(page.readingPosition());
            }
        });
        engine.locationProperty().addListener((property, old, location) -> keepLinksOutside(engine, location));
    }

    /** Remembers how far down the lesson on screen the learner has read; the window calls it on closing. */
    public void leaveLesson() {
        LessonPage page = viewModel.shownPageProperty().get();
        if (page != null) {
            leaveReadingPosition(page);
        }
    }

    private void leaveReadingPosition(LessonPage page) {
        Object fraction = lessonView.getEngine().executeScript(
                "(function () { var range = document.documentElement.scrollHeight - window.innerHeight;"
                        + " return range > 0 ? window.scrollY / range : 0; })()");
        if (fraction instanceof Number) {
            viewModel.readingPositionLeft(page.lesson().lesson(), ((Number) fraction).doubleValue());
        }
    }

    private void scrollTo(double fraction) {
        lessonView.getEngine().executeScript("window.scrollTo(0, " + fraction
                + " * (document.documentElement.scrollHeight - window.innerHeight))");
    }

    /** Focuses the lesson: its video when it has one, else its text. */
    private void focusLesson() {
        Node first = lessonBody.getChildren().get(0);
        (first != lessonView && first.isVisible() ? first : lessonView).requestFocus();
    }

    private void focusSidePanel() {
        Tab selected = sideTabs.getSelectionModel().getSelectedItem();
        if (selected != null) {
            selected.getContent().requestFocus();
        }
    }

    private void showOutline(CourseOutline outline) {
        TreeItem<OutlineNode> top = new TreeItem<>(OutlineNode.section(""));
        if (outline != null) {
            CourseProgressOutline statuses = progress.outlineProperty().get();
            boolean sameCourse = statuses != null && statuses.outline().course().id().equals(outline.course().id());
            for (SectionOutline section : outline.sections()) {
                TreeItem<OutlineNode> sectionItem = new TreeItem<>(OutlineNode.section(PlayerViewModel.sectionLabel(section)));
                sectionItem.setExpanded(true);
                for (Lesson lesson : section.lessons()) {
                    ProgressStatus status = sameCourse ? statuses.status(lesson.id()) : ProgressStatus.NOT_STARTED;
                    sectionItem.getChildren().add(new TreeItem<>(
                            new OutlineNode(PlayerViewModel.lessonLabel(lesson), lesson.id(), status)));
                }
                top.getChildren().add(sectionItem);
            }
        }
        outlineTree.setRoot(top);
        selectInTree(viewModel.currentLessonProperty().get());
    }

    /** Updates the glyphs in place, so the learner's place and focus in the tree stay put. */
    private void showStatuses(CourseProgressOutline statuses) {
        if (statuses == null || outlineTree.getRoot() == null) {
            return;
        }
        for (TreeItem<OutlineNode> section : outlineTree.getRoot().getChildren()) {
            for (TreeItem<OutlineNode> item : section.getChildren()) {
                ProgressStatus status = statuses.status(item.getValue().lesson());
                if (status != item.getValue().status()) {
                    item.setValue(item.getValue().withStatus(status));
                }
            }
        }
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
        /** Modena's -fx-indent for tree cells. */
        private static final double INDENT = 10;
        /**
         * Room the skin keeps for the disclosure arrow in every row (a leaf's arrow is not laid out, so it cannot
         * be measured) and a little slack, so that a title that almost fits wraps rather than ending in "...".
         */
        private static final double ARROW_AND_SLACK = 30;
        private final Label glyph = new Label();

        OutlineCell() {
            glyph.getStyleClass().add("status-glyph");
            // Long titles wrap within the pane's width instead of ending in "...".
            setWrapText(true);
            setPrefWidth(0);
        }

        /**
         * The skin measures wrapped text as if it had the whole row, but the row starts with the indentation and
         * the disclosure arrow: measured at the width it really gets, a long title's last line is not cut.
         */
        @Override
        protected double computePrefHeight(double width) {
            double row = width > 0 ? width : getWidth();
            if (row <= 0 || getTreeView() == null || getTreeItem() == null) {
                return super.computePrefHeight(width);
            }
            int level = getTreeView().getTreeItemLevel(getTreeItem()) - (getTreeView().isShowRoot() ? 0 : 1);
            double taken = level * INDENT + ARROW_AND_SLACK;
            return super.computePrefHeight(Math.max(0, row - taken));
        }

        @Override
        protected void updateItem(OutlineNode node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeAll("outline-section", "outline-lesson", "status-not-started", "status-in-progress",
                    "status-completed");
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            setText(node.label());
            if (node.isLesson()) {
                glyph.setText(node.glyph());
                setGraphic(glyph);
                getStyleClass().addAll("outline-lesson", "status-" + node.statusText().replace(' ', '-'));
                setTooltip(new Tooltip(node.label() + " — " + node.statusText()));
                setAccessibleText(node.label() + ", " + node.statusText());
            } else {
                setGraphic(null);
                getStyleClass().add("outline-section");
                setTooltip(new Tooltip(node.label()));
                setAccessibleText(node.label());
            }
        }
    }
}
