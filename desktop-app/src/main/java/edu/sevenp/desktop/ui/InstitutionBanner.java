package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A band over the window saying what was wrong in the institution's setup: a heading, one line per problem, "Open log"
 * and "Dismiss". Shown over the profile screen and the player alike.
 */
public final class InstitutionBanner {

    private final VBox root = new VBox(4);

    public InstitutionBanner(InstitutionNotices notices, ProblemLog log) {
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(log, "log");
        Messages messages = Messages.of(InstitutionBanner.class);
        root.setId("institutionBanner");
        root.getStyleClass().add("institution-banner");
        root.setPadding(new Insets(8, 12, 8, 12));
        root.setAccessibleRole(AccessibleRole.TEXT);
        Label heading = new Label(notices.heading());
        heading.setId("institutionHeading");
        heading.getStyleClass().add("institution-heading");
        heading.setWrapText(true);
        VBox lines = new VBox(2);
        lines.setId("institutionLines");
        Runnable showLines = () -> lines.getChildren().setAll(notices.lines().stream().map(text -> {
            Label line = new Label(text);
            line.getStyleClass().add("institution-line");
            line.setWrapText(true);
            line.setMaxWidth(Double.MAX_VALUE);
            return line;
        }).toList());
        notices.lines().addListener((ListChangeListener<String>) change -> showLines.run());
        showLines.run();
        Hyperlink openLog = log.link(notices.showingProperty());
        openLog.setId("institutionOpenLog");
        Button dismiss = new Button(messages.get("institution.dismiss"));
        dismiss.setId("institutionDismiss");
        dismiss.setMnemonicParsing(false);
        dismiss.setOnAction(event -> notices.dismiss());
        HBox top = new HBox(12, heading, openLog, dismiss);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(heading, Priority.ALWAYS);
        heading.setMaxWidth(Double.MAX_VALUE);
        root.getChildren().addAll(top, lines);
        root.visibleProperty().bind(notices.showingProperty());
        root.managedProperty().bind(root.visibleProperty());
    }

    public Parent root() {
        return root;
    }
}
