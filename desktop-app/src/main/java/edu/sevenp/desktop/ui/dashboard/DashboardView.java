package edu.sevenp.desktop.ui.dashboard;

import edu.sevenp.desktop.ui.common.BoundLabels;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The dashboard screen, shown instead of the lesson: lists open their course with Enter or a double click. */
public final class DashboardView {

    private static final double ROW_EM = 6.0;
    private static final int MOST_ROWS = 5;

    private final DashboardViewModel model;
    private final DashboardTexts texts;
    private final ScrollPane root = new ScrollPane();
    private final ListView<ActiveCourseRow> activeList = new ListView<>();
    private final ListView<RecommendationRow> recommendationList = new ListView<>();
    private final FlowPane achievementTiles = new FlowPane();
    /** Body text: its font, which follows the learner's text size, sizes the lists. */
    private final Label hint = note("dashboardHint", "dashboard-note");
    /** "Reading…", or why the dashboard could not be read. */
    private final Label status = note("dashboardStatus", "dashboard-status");

    public DashboardView(DashboardViewModel model, DashboardTexts texts) {
        this.model = Objects.requireNonNull(model, "model");
        this.texts = Objects.requireNonNull(texts, "texts");
        Label title = new Label(texts.text("title"));
        title.getStyleClass().add("dashboard-title");
        title.setAccessibleRole(AccessibleRole.TEXT);
        FlowPane stats = new FlowPane(stat("activeStat", model.activeTextProperty()),
                stat("completedStat", model.completedTextProperty()), stat("lessonsStat", model.lessonsTextProperty()),
                stat("studiedStat", model.studiedTextProperty()));
        stats.setHgap(8);
        stats.setVgap(6);
        BoundLabels.sayOrHide(status, model.statusProperty());

        configure(activeList, "activeCourses", texts.text("continue.list"), model.active(),
                row -> cell(row.title(), row.detail(), row.progress()), row -> row.title() + ". " + row.detail(),
                model::open);
        activeList.setPlaceholder(placeholder(model.activeEmptyTextProperty()));

        achievementTiles.setId("achievements");
        achievementTiles.setHgap(8);
        achievementTiles.setVgap(8);
        model.achievements().addListener((ListChangeListener<AchievementTile>) change -> showTiles());

        Label source = note("recommendationSource", "dashboard-note");
        source.textProperty().bind(model.recommendationsSourceProperty());
        configure(recommendationList, "recommendations", texts.text("recommended.list"), model.recommendations(),
                row -> cell(row.title(), row.description().isBlank() ? row.detail() : row.description() + "\n"
                        + row.detail(), -1), row -> row.title() + ". " + row.detail(), model::open);
        recommendationList.setPlaceholder(placeholder(model.recommendationsEmptyTextProperty()));

        hint.setText(texts.text("hint"));
        VBox body = new VBox(title, stats, status, heading("continue.heading"), activeList,
                heading("achievements.heading"), achievementTiles, heading("recommended.heading"), source,
                recommendationList, hint);
        body.getStyleClass().add("dashboard-body");
        root.setContent(body);
        root.setFitToWidth(true);
        root.setId("dashboard");
        root.getStyleClass().add("dashboard");
        root.getStylesheets().add(DashboardView.class.getResource("dashboard.css").toExternalForm());
        // The lists fill after focus() was asked for: the keyboard then moves to the first row with something.
        model.loadingProperty().addListener((property, was, loading) -> {
            if (!loading && (activeList.isFocused() || recommendationList.isFocused())) {
                focus();
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** Offers "Open log" under the status line while it says why the dashboard could not be read. */
    public void offerLog(ProblemLog log) {
        log.offerAfter(status, model.statusIsFailureProperty());
    }

    /** The header's button: "Dashboard", or "Back to lesson" while {@code showing}; {@code toggle} on a press. */
    public Button headerButton(ObservableValue<Boolean> showing, Runnable toggle) {
        Button button = new Button();
        button.setId("dashboardButton");
        button.setMnemonicParsing(false);
        button.setTooltip(new Tooltip(texts.text("button.tooltip")));
        button.setOnAction(event -> toggle.run());
        button.textProperty().bind(showing.map(shown -> texts.text(shown ? "button.back" : "button")));
        return button;
    }

    /** Puts the keyboard in the first list with something to open. */
    public void focus() {
        // The scroll pane puts its content in the scene only once it has a skin: make it now, or the focus is lost.
        root.applyCss();
        root.layout();
        ListView<?> first = activeList.getItems().isEmpty() && !recommendationList.getItems().isEmpty()
                ? recommendationList : activeList;
        first.requestFocus();
        if (!first.getItems().isEmpty() && first.getSelectionModel().isEmpty()) {
            first.getSelectionModel().selectFirst();
        }
    }

    private <T> void configure(ListView<T> list, String id, String accessibleName, ObservableList<T> items,
            Function<T, Node> graphic, Function<T, String> spoken, Consumer<T> open) {
        list.setId(id);
        list.setItems(items);
        list.setAccessibleText(accessibleName);
        list.getStyleClass().add("dashboard-list");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty || item == null ? null : graphic.apply(item));
                setAccessibleText(empty || item == null ? null : spoken.apply(item));
            }
        });
        // Tall enough for the rows it has (up to five), so the page scrolls, not each list.
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1, Math.min(MOST_ROWS, items.size())) * ROW_EM * hint.getFont().getSize() + 4,
                items, hint.fontProperty()));
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                open.accept(list.getSelectionModel().getSelectedItem());
                event.consume();
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                open.accept(list.getSelectionModel().getSelectedItem());
            }
        });
    }

    private static Node cell(String title, String detail, double progress) {
        Label name = new Label(title);
        name.getStyleClass().add("dashboard-cell-title");
        name.setWrapText(true);
        Label more = new Label(detail);
        more.getStyleClass().add("dashboard-cell-detail");
        more.setWrapText(true);
        VBox box = new VBox(name);
        if (progress >= 0) {
            ProgressBar bar = new ProgressBar(progress);
            bar.setMaxWidth(200);
            box.getChildren().add(bar);
        }
        box.getChildren().add(more);
        box.getStyleClass().add("dashboard-cell");
        return box;
    }

    private void showTiles() {
        achievementTiles.getChildren().setAll(model.achievements().stream().map(this::tile).toList());
    }

    private Node tile(AchievementTile achievement) {
        Label title = new Label(achievement.title());
        title.getStyleClass().add("achievement-title");
        Label description = new Label(achievement.description());
        description.getStyleClass().add("achievement-description");
        Label status = new Label(achievement.status());
        status.getStyleClass().add("achievement-status");
        // The tile is 13em wide: a long title or a status such as "1 Std. 5 Min. von 10 Std." takes a second line.
        for (Label line : List.of(title, description, status)) {
            line.setWrapText(true);
        }
        VBox tile = new VBox(title, description, status);
        tile.getStyleClass().add("achievement");
        if (achievement.earned()) {
            tile.getStyleClass().add("earned");
        }
        tile.setAccessibleRole(AccessibleRole.TEXT);
        tile.setAccessibleText(texts.text("achievement.accessible", achievement.title(), achievement.description(),
                achievement.status()));
        return tile;
    }

    private Label heading(String key) {
        Label heading = new Label(texts.text(key));
        heading.getStyleClass().add("dashboard-heading");
        return heading;
    }

    private static Label stat(String id, ObservableValue<String> text) {
        Label stat = new Label();
        stat.setId(id);
        stat.textProperty().bind(text);
        stat.getStyleClass().add("dashboard-stat");
        return stat;
    }

    private static Label note(String id, String style) {
        Label note = new Label();
        note.setId(id);
        note.getStyleClass().add(style);
        note.setWrapText(true);
        return note;
    }

    private static Label placeholder(ObservableValue<String> text) {
        Label placeholder = new Label();
        placeholder.textProperty().bind(text);
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("dashboard-note");
        return placeholder;
    }
}
