package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.ui.StartupViewModel.Phase;
import edu.sevenp.desktop.ui.profiles.ProfilesView;
import edu.sevenp.desktop.ui.common.Messages;
import java.util.Objects;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What the window shows before the player: the profile screen; "Opening your library…" while a profile opens; or why
 * it could not open, where the details are, "Back to profiles" and a Close button that Enter and Esc press.
 */
public final class StartupView {

    private final StackPane root = new StackPane();
    private final VBox status = new VBox(16);
    private final Messages messages = Messages.of(StartupView.class);
    private final Button close = new Button(messages.get("startup.close"));
    private final ProfilesView profiles;
    private final Label title;
    private final Label problem;
    private final Label logFile;
    private final ProgressIndicator progress;
    private final Label opening;
    private final HBox buttons;

    /** @param onClose what Close does (closes the window) */
    public StartupView(StartupViewModel model, Runnable onClose) {
        Objects.requireNonNull(onClose, "onClose");
        profiles = new ProfilesView(model.profiles());
        profiles.offerLog(model.problemLog());
        title = new Label(messages.get("startup.title"));
        title.setId("startupTitle");
        // In em: it grows with the text size, as the root's font does.
        title.setStyle("-fx-font-size: 1.692em; -fx-font-weight: bold;");
        progress = new ProgressIndicator();
        progress.setId("startupProgress");
        progress.setMaxSize(48, 48);
        opening = new Label(messages.get("startup.opening"));
        opening.setId("startupStatus");
        problem = new Label();
        problem.setId("startupProblem");
        problem.setWrapText(true);
        problem.setStyle("-fx-font-size: 1.077em;");
        problem.textProperty().bind(model.problemProperty());
        logFile = new Label(model.logFileText());
        logFile.setId("startupLogFile");
        logFile.setWrapText(true);
        Button back = new Button(messages.get("startup.back"));
        back.setId("startupBack");
        back.setOnAction(event -> model.backToProfiles());
        close.setId("startupClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(event -> onClose.run());
        // Keyboard reachable between Back and Close; the failure's details are in the log.
        Hyperlink openLog = model.problemLog().link(new SimpleBooleanProperty(true));
        openLog.setId("startupOpenLog");
        buttons = new HBox(8, back, openLog, close);
        buttons.setAlignment(Pos.CENTER);

        status.setAlignment(Pos.CENTER);
        status.setPadding(new Insets(32));
        status.setMaxWidth(640);
        status.setFillWidth(false);
        status.getChildren().setAll(title, progress, opening);
        model.phaseProperty().addListener((property, old, phase) -> showPhase(phase));
        // Made late (a start straight into a profile makes it only when needed), it may find the opening failed.
        showPhase(model.phaseProperty().get());
    }

    private void showPhase(Phase phase) {
        if (phase == Phase.FAILED) {
            // 560 px at 100 %, in em: the lines keep their measure at any text size.
            problem.setStyle(problem.getStyle() + " -fx-max-width: 40em;");
            logFile.setStyle("-fx-max-width: 43em;");
            status.getChildren().setAll(title, problem, logFile, buttons);
            show(status);
            close.requestFocus();
        } else if (phase == Phase.CHOOSING) {
            show(profiles.root());
            profiles.focus();
        } else {
            status.getChildren().setAll(title, progress, opening);
            show(status);
        }
    }

    private void show(Parent content) {
        root.getChildren().setAll(content);
    }

    public Parent root() {
        return root;
    }

    /** The profile screen's keys (Ctrl+N); the window installs them on its scene while no player shows. */
    public void installShortcuts(Scene scene) {
        profiles.installShortcuts(scene);
    }

    public Button closeButton() {
        return close;
    }
}
