package edu.sevenp.desktop.ui.statistics;

import edu.sevenp.desktop.ui.common.BoundLabels;
import edu.sevenp.model.protocol.CourseFigures;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The course statistics screen, shown instead of the lesson (Ctrl+Shift+T). */
public final class StatisticsView {

    private final StatisticsViewModel model;
    private final StatisticsTexts texts;
    private final ScrollPane root = new ScrollPane();
    private final ComboBox<CourseFigures> picker = new ComboBox<>();
    private final BarChart<String, Number> progressChart;
    private final BarChart<Number, String> lessonChart;
    private final TableView<MissedRow> missedTable = new TableView<>();

    public StatisticsView(StatisticsViewModel model, StatisticsTexts texts) {
        this.model = Objects.requireNonNull(model, "model");
        this.texts = Objects.requireNonNull(texts, "texts");
        progressChart = chart("progressChart", "chart.progress", "chart.progress.x");
        lessonChart = lessonChart();
        Label title = new Label(texts.text("title"));
        title.getStyleClass().add("statistics-title");
        title.setAccessibleRole(AccessibleRole.TEXT);

        picker.setId("statisticsCourse");
        picker.setItems(model.courses());
        picker.setAccessibleText(texts.text("course.picker"));
        picker.setCellFactory(list -> new CourseCell());
        picker.setButtonCell(new CourseCell());
        model.selectedProperty().addListener((property, was, now) -> picker.getSelectionModel().select(now));
        picker.setOnAction(event -> {
            CourseFigures chosen = picker.getSelectionModel().getSelectedItem();
            if (chosen != null && !chosen.equals(model.selectedProperty().get())) {
                model.select(chosen);
            }
        });
        Button refresh = new Button(texts.text("refresh"));
        refresh.setId("statisticsRefresh");
        refresh.setOnAction(event -> model.refresh());
        refresh.disableProperty().bind(model.loadingProperty());
        Button export = new Button(texts.text("export"));
        export.setId("statisticsExport");
        export.setTooltip(new Tooltip(texts.text("export.tooltip")));
        export.disableProperty().bind(model.shownProperty().isNull());
        export.setOnAction(event -> chooseExport());
        HBox bar = new HBox(8, picker, refresh, export);

        Label asOf = note("statisticsAsOf", model.asOfProperty());
        Label status = note("statisticsStatus", model.statusProperty());
        BoundLabels.hiddenWhileEmpty(status);
        FlowPane figures = new FlowPane(8, 6, figure("statEnrollments", model.enrollmentsTextProperty()),
                figure("statCompletion", model.completionTextProperty()), figure("statRating", model.ratingTextProperty()),
                figure("statRevenue", model.revenueTextProperty()));

        bind(progressChart, model.progress(), texts.text("chart.progress.series"));
        bindLessons(lessonChart, model.lessons(), texts.text("chart.lessons.series"));

        missedTable.setId("missedQuestions");
        missedTable.setItems(model.missed());
        missedTable.setPlaceholder(new Label(texts.text("missed.empty")));
        missedTable.getColumns().add(column("missed.quiz", MissedRow::quiz, 160));
        missedTable.getColumns().add(column("missed.question", MissedRow::question, 320));
        missedTable.getColumns().add(column("missed.wrong", MissedRow::wrong, 90));
        missedTable.getColumns().add(column("missed.answered", MissedRow::answered, 90));
        missedTable.setPrefHeight(240);

        VBox body = new VBox(10, title, bar, asOf, status, figures, progressChart, lessonChart, heading("missed.heading"),
                missedTable);
        body.getStyleClass().add("statistics-body");
        root.setContent(body);
        root.setFitToWidth(true);
        root.setId("statistics");
        root.getStyleClass().add("statistics");
        root.getStylesheets().add(StatisticsView.class.getResource("statistics.css").toExternalForm());
    }

    public Parent root() {
        return root;
    }

    /** Puts the keyboard on the course picker. */
    public void focus() {
        root.applyCss();
        root.layout();
        picker.requestFocus();
    }

    /** Writes the statistics shown to {@code file} as CSV, as "Export CSV…" does with the file chosen. */
    public void exportTo(java.nio.file.Path file) {
        model.export(file);
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.text("export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.text("export.filter"), "*.csv"));
        CourseFigures course = model.selectedProperty().get();
        chooser.setInitialFileName(texts.text("export.fileName", course == null ? "" : course.title()
                .replaceAll("[^\\p{L}\\p{N}]+", "-")));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    private BarChart<String, Number> chart(String id, String titleKey, String axisKey) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(texts.text(axisKey));
        NumberAxis y = new NumberAxis();
        y.setLabel(texts.text("chart.learners"));
        y.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId(id);
        chart.setTitle(texts.text(titleKey));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(300);
        return chart;
    }

    /** Lessons down the side, so that their titles read across; the first lesson at the top. */
    private BarChart<Number, String> lessonChart() {
        NumberAxis x = new NumberAxis();
        x.setLabel(texts.text("chart.learners"));
        x.setMinorTickVisible(false);
        CategoryAxis y = new CategoryAxis();
        y.setLabel(texts.text("chart.lessons.x"));
        BarChart<Number, String> chart = new BarChart<>(x, y);
        chart.setId("lessonChart");
        chart.setTitle(texts.text("chart.lessons"));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(360);
        return chart;
    }

    private static void bind(BarChart<String, Number> chart, ObservableList<Bar> bars, String name) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(name);
        chart.getData().add(series);
        bars.addListener((ListChangeListener<Bar>) change -> {
            series.getData().setAll(bars.stream().map(bar -> new XYChart.Data<String, Number>(bar.label(), bar.value()))
                    .toList());
            wholeLearners((NumberAxis) chart.getYAxis(), bars);
        });
    }

    private static void bindLessons(BarChart<Number, String> chart, ObservableList<Bar> bars, String name) {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        series.setName(name);
        chart.getData().add(series);
        bars.addListener((ListChangeListener<Bar>) change -> {
            List<XYChart.Data<Number, String>> data = new ArrayList<>(bars.stream()
                    .map(bar -> new XYChart.Data<Number, String>(bar.value(), bar.label())).toList());
            Collections.reverse(data);
            ((CategoryAxis) chart.getYAxis()).getCategories().setAll(data.stream().map(XYChart.Data::getYValue).toList());
            series.getData().setAll(data);
            wholeLearners((NumberAxis) chart.getXAxis(), bars);
        });
    }

    /** Learners come whole: ticks at whole numbers, at most about ten of them, from 0 to a little above the most. */
    private static void wholeLearners(NumberAxis axis, List<Bar> bars) {
        long most = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        long step = Math.max(1, (most + 9) / 10);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(((most + step - 1) / step) * step);
        axis.setTickUnit(step);
    }

    private TableColumn<MissedRow, Object> column(String key, Function<MissedRow, Object> value, double width) {
        TableColumn<MissedRow, Object> column = new TableColumn<>(texts.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private Label heading(String key) {
        Label heading = new Label(texts.text(key));
        heading.getStyleClass().add("statistics-heading");
        return heading;
    }

    private static Label figure(String id, ObservableValue<String> text) {
        Label figure = new Label();
        figure.setId(id);
        figure.textProperty().bind(text);
        figure.getStyleClass().add("statistics-figure");
        return figure;
    }

    private static Label note(String id, ObservableValue<String> text) {
        Label note = new Label();
        note.setId(id);
        note.textProperty().bind(text);
        note.setWrapText(true);
        note.getStyleClass().add("statistics-note");
        return note;
    }

    private final class CourseCell extends ListCell<CourseFigures> {
        @Override
        protected void updateItem(CourseFigures item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title());
        }
    }
}
