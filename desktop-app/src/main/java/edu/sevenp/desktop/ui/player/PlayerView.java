package edu.sevenp.desktop.ui.player;

import edu.sevenp.desktop.learning.CourseProgressOutline;
import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.common.FxmlLayout;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemLog;
import edu.sevenp.desktop.ui.player.PlayerViewModel.LessonPage;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.SectionOutline;
import edu.sevenp.model.learning.ProgressStatus;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

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
    private FlowPane lessonActions;
    @FXML
    private Button markCompleteButton;
    @FXML
    private VBox lessonBody;
    @FXML
    private StackPane lessonFrame;
    private LessonSurface lessonSurface;
    @FXML
    private Button previousButton;
    @FXML
    private Button nextButton;
    @FXML
    private TabPane sideTabs;
    @FXML
    private FlowPane sideTabButtons;
    private SideTabBar sideTabBar;
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
    private final Messages messages = Messages.of(PlayerView.class);
    /** Narrower than this many of its font's em, the window is compact ({@code .player:compact} in player.css). */
    static final double COMPACT_EM = 60;
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");
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
     * the one shown at first. Returns the tab, so the caller can select it. Its id is {@code tab-} and the title in
     * lower case; {@link #addSideTab(String, String, Node)} gives one that does not change with the language.
     */
    public Tab addSideTab(String title, Node content) {
        Objects.requireNonNull(title, "title");
        return addSideTab("tab-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), title, content);
    }

    /**
     * Adds a tab to the side panel with {@code id} (such as {@code tab-notes}: tests and styles find it by that in any
     * language) and {@code title} in the learner's language.
     */
    public Tab addSideTab(String id, String title, Node content) {
        Objects.requireNonNull(content, "content");
        // The panel scrolls when the window is too short for it (large text on a small screen), never cut off.
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("side-scroll");
        scroll.setFocusTraversable(false);
        Tab tab = new Tab(Objects.requireNonNull(title, "title"), scroll);
        tab.setUserData(content);
        tab.setClosable(false);
        tab.setId(Objects.requireNonNull(id, "id"));
        sideTabs.getTabs().add(tab);
        sideTabBar.add(tab);
        return tab;
    }

    /** Shows {@code tab} of the side panel and moves the focus into it. */
    public void showSideTab(Tab tab) {
        sideTabs.getSelectionModel().select(tab);
        SideTabBar.panel(tab).requestFocus();
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

    /** Offers "Open log" under the error banner while it shows. */
    public void offerLog(ProblemLog log) {
        log.offerAfter(errorBanner);
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
    /** The lesson whose page the web view has loaded last (the page is on screen from then on); null before the first. */
    public ReadOnlyObjectProperty<LessonRef> pageLoadedProperty() {
        return lessonSurface.pageLoadedProperty();
    }

    /**
     * The first lesson once it has been on screen: drawn with JavaFX text before WebKit has loaded (a Markdown lesson),
     * or its page loaded in the web view; null before.
     */
    public ReadOnlyObjectProperty<LessonRef> lessonDrawnProperty() {
        return lessonSurface.drawnProperty();
    }

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
        // Alt+N and Alt+P in every language (the buttons' words have no mnemonic: German has no P in "Vorherige").
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.ALT_DOWN), viewModel::next);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.ALT_DOWN), viewModel::previous);
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
        sideTabBar = new SideTabBar(sideTabButtons, sideTabs);
        ShortcutHints hints = new ShortcutHints(List.of(messages.get("statusBar.hints").split("\\|")),
                messages.get("statusBar.separator"));
        hints.setId("shortcutHints");
        HBox.setHgrow(hints, Priority.ALWAYS);
        statusBar.getChildren().add(hints);
        courseTitle.textProperty().bind(viewModel.courseTitleProperty());
        courseSummary.textProperty().bind(viewModel.courseSummaryProperty());
        followWidth();
        courseProgressText.textProperty().bind(progress.progressTextProperty());
        courseProgressBar.progressProperty().bind(progress.progressFractionProperty());
        courseProgressBar.accessibleTextProperty().bind(progress.progressTextProperty()
                .map(text -> messages.format("progress.accessible", text)));
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
                messages.get(now == ProgressStatus.COMPLETED ? "lesson.completed" : "lesson.markComplete")));

        outlineTree.setShowRoot(false);
        outlineTree.setCellFactory(tree -> new OutlineCell(messages));
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

        lessonSurface = new LessonSurface(lessonFrame, this::keepLinkOutside, messages);
        viewModel.shownPageProperty().addListener((property, old, page) -> {
            if (old != null) {
                leaveReadingPosition(old);
            }
            if (page != null) {
                lessonSurface.show(page);
            }
        });
    }

    /**
     * Shows the lesson in {@code appearance}'s theme and text size, now and as they change (the window's own controls
     * follow it through their scene; a web page needs telling).
     */
    public void followAppearance(Appearance appearance) {
        lessonSurface.followFontScale(appearance.textSizeProperty().divide(100.0));
        appearance.themeProperty().addListener((property, old, now) -> lessonSurface.showTheme(now));
        lessonSurface.showTheme(appearance.themeProperty().get());
    }

    /**
     * Below {@value #COMPACT_EM} em of width (large text on a small screen: 1024 pixels at 150 %), the course header
     * gives the lesson room: a smaller title, and no summary line (the library shows it).
     */
    private void followWidth() {
        BooleanBinding compact = Bindings.createBooleanBinding(
                () -> root.getWidth() > 0 && root.getWidth() / status.getFont().getSize() < COMPACT_EM,
                root.widthProperty(), status.fontProperty());
        courseSummary.visibleProperty().bind(compact.not());
        courseSummary.managedProperty().bind(compact.not());
        compact.addListener((property, was, now) -> root.pseudoClassStateChanged(COMPACT, now));
        root.pseudoClassStateChanged(COMPACT, compact.get());
    }

    /** Remembers how far down the lesson on screen the learner has read; the window calls it on closing. */
    public void leaveLesson() {
        LessonPage page = viewModel.shownPageProperty().get();
        if (page != null) {
            leaveReadingPosition(page);
        }
    }

    private void leaveReadingPosition(LessonPage page) {
        double fraction = readingPosition();
        if (!Double.isNaN(fraction)) {
            viewModel.readingPositionLeft(page.lesson().lesson(), fraction);
        }
    }

    /**
     * How far down the lesson on screen the learner has scrolled, 0 (top) to 1 (end); NaN when no page is there to
     * measure. A preview reloads the lesson at this place.
     */
    public double readingPosition() {
        return lessonSurface.readingPosition();
    }

    /** Focuses the lesson: its video when it has one, else its text. */
    private void focusLesson() {
        Node first = lessonBody.getChildren().get(0);
        if (first != lessonFrame && first.isVisible()) {
            first.requestFocus();
        } else {
            lessonSurface.focus();
        }
    }

    private void focusSidePanel() {
        Tab selected = sideTabs.getSelectionModel().getSelectedItem();
        if (selected != null) {
            SideTabBar.panel(selected).requestFocus();
        }
    }

    private void showOutline(CourseOutline outline) {
        TreeItem<OutlineNode> top = new TreeItem<>(OutlineNode.section(""));
        if (outline != null) {
            CourseProgressOutline statuses = progress.outlineProperty().get();
            boolean sameCourse = statuses != null && statuses.outline().course().id().equals(outline.course().id());
            for (SectionOutline section : outline.sections()) {
                TreeItem<OutlineNode> sectionItem = new TreeItem<>(OutlineNode.section(viewModel.sectionLabel(section)));
                sectionItem.setExpanded(true);
                for (Lesson lesson : section.lessons()) {
                    ProgressStatus status = sameCourse ? statuses.status(lesson.id()) : ProgressStatus.NOT_STARTED;
                    sectionItem.getChildren().add(new TreeItem<>(
                            new OutlineNode(viewModel.lessonLabel(lesson), lesson.id(), status)));
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

    /** A link in a lesson never opens inside the player: its address goes to the clipboard, and the status says so. */
    private void keepLinkOutside(String location) {
        ClipboardContent content = new ClipboardContent();
        content.putString(location);
        Clipboard.getSystemClipboard().setContent(content);
        viewModel.linkBlocked(location);
    }

    private static final class OutlineCell extends TreeCell<OutlineNode> {
        /** Modena's -fx-indent for tree cells. */
        private static final double INDENT = 10;
        /**
         * Room the skin keeps for the disclosure arrow in every row (a leaf's arrow is not laid out, so it cannot
         * be measured) and a little slack, so that a title that almost fits wraps rather than ending in "...". In
         * ems (30 px at the default 13 px), as the arrow and the list's scroll bar grow with the text size.
         */
        private static final double ARROW_AND_SLACK_EM = 30.0 / 13.0;
        private final Label glyph = new Label();
        private final Messages messages;

        OutlineCell(Messages messages) {
            this.messages = messages;
            glyph.getStyleClass().add("status-glyph");
            // Long titles wrap within the pane's width instead of ending in "..." (computePrefWidth below).
            setWrapText(true);
        }

        /**
         * As wide as the row's longest word needs, with the indentation, the arrow, the glyph and the insets: a title
         * wraps within the column between its words, and when the column is too narrow for a word (at 200 % text
         * "Spreadsheets" broke after "Spreads") the contents scroll sideways instead of breaking the word.
         */
        @Override
        protected double computePrefWidth(double height) {
            if (getTreeView() == null || getTreeItem() == null || getText() == null) {
                return 0;
            }
            double graphic = getGraphic() == null ? 0 : getGraphic().prefWidth(-1) + getGraphicTextGap();
            return taken() + snappedLeftInset() + snappedRightInset() + graphic + longestWord();
        }

        private double longestWord() {
            Text measure = new Text();
            measure.setFont(getFont());
            double widest = 0;
            for (String word : getText().split("\\s+")) {
                measure.setText(word);
                widest = Math.max(widest, measure.getLayoutBounds().getWidth());
            }
            return Math.ceil(widest);
        }

        /** The indentation, the disclosure arrow and the slack of this row (see ARROW_AND_SLACK_EM). */
        private double taken() {
            int level = getTreeView().getTreeItemLevel(getTreeItem()) - (getTreeView().isShowRoot() ? 0 : 1);
            return level * INDENT + ARROW_AND_SLACK_EM * getFont().getSize();
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
            return super.computePrefHeight(Math.max(0, row - taken()));
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
                getStyleClass().addAll("outline-lesson", node.statusStyle());
                setTooltip(new Tooltip(messages.format("outline.tooltip", node.label(), node.statusText(messages))));
                setAccessibleText(messages.format("outline.accessible", node.label(), node.statusText(messages)));
            } else {
                setGraphic(null);
                getStyleClass().add("outline-section");
                setTooltip(new Tooltip(node.label()));
                setAccessibleText(node.label());
            }
        }
    }
}
