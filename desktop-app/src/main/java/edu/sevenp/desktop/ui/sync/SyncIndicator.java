package edu.sevenp.desktop.ui.sync;

import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The always-visible sync state in the status bar: a button (so it takes the focus and Enter or Space opens the
 * sync panel) whose words, colour and tooltip follow {@link SyncViewModel}.
 */
public final class SyncIndicator {

    private final Button button = new Button();

    public SyncIndicator(SyncViewModel viewModel, Runnable openPanel) {
        Objects.requireNonNull(viewModel, "viewModel");
        Objects.requireNonNull(openPanel, "openPanel");
        button.setId("syncIndicator");
        button.getStyleClass().add("sync-indicator");
        button.setMnemonicParsing(false);
        // Never shortened to "…": the shortcut hint beside it gives way first.
        button.setMinWidth(Region.USE_PREF_SIZE);
        SyncTexts texts = viewModel.texts();
        button.textProperty().bind(viewModel.indicatorProperty().map(texts::button));
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(viewModel.tooltipProperty());
        button.setTooltip(tooltip);
        button.accessibleTextProperty().bind(viewModel.indicatorProperty().map(texts::accessible));
        viewModel.toneProperty().addListener((property, old, tone) -> showTone(tone));
        showTone(viewModel.toneProperty().get());
        button.setOnAction(event -> openPanel.run());
    }

    public Node root() {
        return button;
    }

    private void showTone(SyncTexts.Tone tone) {
        button.getStyleClass().removeIf(style -> style.startsWith("sync-tone-"));
        button.getStyleClass().add("sync-tone-" + tone.name().toLowerCase(java.util.Locale.ROOT));
    }
}
