package edu.sevenp.desktop.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;

/** A course's download on one line: a bar while it has one, then what the download is doing. */
public final class DownloadLine {

    private final Label text = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final FlowPane line = new FlowPane(10, 4, bar, text);

    public DownloadLine() {
        text.getStyleClass().add("download-line");
        text.setWrapText(true);
        bar.setPrefWidth(180);
        line.setAlignment(Pos.CENTER_LEFT);
    }

    /** The line, to place in a row. */
    public FlowPane node() {
        return line;
    }

    /** Says what the download is doing, with the bar at this progress, or with no bar (which then takes no room). */
    public void show(String what, boolean withBar, double progress) {
        text.setText(what);
        bar.setVisible(withBar);
        bar.setManaged(withBar);
        bar.setProgress(progress);
    }
}
