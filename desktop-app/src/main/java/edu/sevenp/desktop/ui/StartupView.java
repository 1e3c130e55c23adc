package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.ui.StartupViewModel.Phase;
import edu.sevenp.desktop.ui.common.Messages;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/**
 * What the window shows before the player: "Opening your library…" while the profile opens, or why it
 * could not open, where the details are, and a Close button that Enter and Esc press.
 */
public final class StartupView {

    private final VBox root = new VBox(16);
    private final Messages messages = Messages.of(StartupView.class);
    private final Button close = new Button(messages.get("startup.close"));

    /** @param onClose what Close does (closes the window) */
    public StartupView(StartupViewModel model, Runnable onClose) {
        Objects.requireNonNull(onClose, "onClose");
        Label title = new Label(messages.get("startup.title"));
        title.setId("startupTitle");
        // In em: it grows with the text size, as the root's font does.
        title.setStyle("-fx-font-size: 1.692em; -fx-font-weight: bold;");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("startupProgress");
        progress.setMaxSize(48, 48);
        Label opening = new Label(messages.get("startup.opening"));
        opening.setId("startupStatus");
        Label problem = new Label();
        problem.setId("startupProblem");
        problem.setWrapText(true);
        problem.setStyle("-fx-font-size: 1.077em;");
        problem.textProperty().bind(model.problemProperty());
        Label logFile = new Label(model.logFileText());
        logFile.setId("startupLogFile");
        logFile.setWrapText(true);
        close.setId("startupClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(event -> onClose.run());

        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(32));
        root.setMaxWidth(640);
        root.setFillWidth(false);
        root.getChildren().setAll(title, progress, opening);
        model.phaseProperty().addListener((property, old, phase) -> {
            if (phase == Phase.FAILED) {
                // 560 px at 100 %, in em: the lines keep their measure at any text size.
                problem.setStyle(problem.getStyle() + " -fx-max-width: 40em;");
                logFile.setStyle("-fx-max-width: 43em;");
                root.getChildren().setAll(title, problem, logFile, close);
                close.requestFocus();
            }
        });
    }

    public Parent root() {
        return root;
    }

    public Button closeButton() {
        return close;
    }
}
