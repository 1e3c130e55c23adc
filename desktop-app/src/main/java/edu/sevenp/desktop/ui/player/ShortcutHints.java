package edu.sevenp.desktop.ui.player;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The status bar's keyboard hints, right-aligned in whatever room the status line leaves: as many whole hints as
 * fit, in order, the rest left out (never one cut off with "…"; the README lists them all). It asks for no width
 * of its own, so the status line and the sync indicator beside it never give way to it.
 */
final class ShortcutHints extends Region {

    private static final double GAP = 0;

    /** @param hints "Alt+M complete", …; each after the first is shown with " · " before it */
    ShortcutHints(List<String> hints, String separator) {
        getStyleClass().add("shortcut-hints");
        for (int i = 0; i < hints.size(); i++) {
            Label hint = new Label(i == 0 ? hints.get(i) : separator + hints.get(i));
            hint.getStyleClass().add("shortcut-hint");
            hint.setMnemonicParsing(false);
            hint.setMinWidth(Region.USE_PREF_SIZE);
            getChildren().add(hint);
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefHeight(double width) {
        double tallest = 0;
        for (Node hint : getChildren()) {
            tallest = Math.max(tallest, hint.prefHeight(-1));
        }
        return snappedTopInset() + tallest + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        List<Node> hints = getChildren();
        double used = 0;
        int fitting = 0;
        for (Node hint : hints) {
            double width = snapSizeX(hint.prefWidth(-1)) + (fitting == 0 ? 0 : GAP);
            if (used + width > room) {
                break;
            }
            used += width;
            fitting++;
        }
        double x = snappedLeftInset() + room - used;
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        for (int i = 0; i < hints.size(); i++) {
            Node hint = hints.get(i);
            boolean shown = i < fitting;
            hint.setVisible(shown);
            if (shown) {
                double width = snapSizeX(hint.prefWidth(-1));
                layoutInArea(hint, x, snappedTopInset(), width, height, 0, HPos.LEFT, VPos.CENTER);
                x += width + GAP;
            }
        }
    }
}
