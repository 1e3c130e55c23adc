package edu.sevenp.desktop.ui.common;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;

/**
 * Two groups of controls on one row, the first at the start and the second at the end; when the row is too narrow
 * for both (large text, a long language, a narrow lesson pane), the second moves under the first, still at the end,
 * instead of being cut off. Its children, in FXML too, are the two groups in that order.
 */
public final class EndsRow extends Pane {

    private static final double GAP = 8;
    private static final double ROW_GAP = 6;

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        List<Node> groups = groups();
        double widest = 0;
        for (Node group : groups) {
            widest = Math.max(widest, group.minWidth(-1));
        }
        return snappedLeftInset() + widest + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        double total = 0;
        for (Node group : groups()) {
            total += oneRow(group);
        }
        return snappedLeftInset() + total + (groups().size() > 1 ? GAP : 0) + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double room = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
        List<Node> groups = groups();
        double height;
        if (groups.size() < 2 || fitsOnOneRow(room)) {
            height = 0;
            for (Node group : groups) {
                height = Math.max(height, group.prefHeight(room < 0 ? -1 : oneRow(group)));
            }
        } else {
            height = groups.get(0).prefHeight(room) + ROW_GAP + groups.get(1).prefHeight(-1);
        }
        return snappedTopInset() + height + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        List<Node> groups = groups();
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double room = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        if (groups.isEmpty()) {
            return;
        }
        Node start = groups.get(0);
        if (groups.size() < 2) {
            layoutInArea(start, left, top, room, height, 0, HPos.LEFT, VPos.CENTER);
            return;
        }
        Node end = groups.get(1);
        double endWidth = Math.min(room, oneRow(end));
        if (fitsOnOneRow(room)) {
            double startWidth = room - endWidth - GAP;
            layoutInArea(start, left, top, startWidth, height, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(end, left + room - endWidth, top, endWidth, height, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            double startHeight = start.prefHeight(room);
            layoutInArea(start, left, top, room, startHeight, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(end, left + room - endWidth, top + startHeight + ROW_GAP, endWidth, end.prefHeight(-1), 0,
                    HPos.RIGHT, VPos.CENTER);
        }
    }

    private boolean fitsOnOneRow(double room) {
        List<Node> groups = groups();
        return room < 0 || groups.size() < 2 || oneRow(groups.get(0)) + GAP + oneRow(groups.get(1)) <= room;
    }

    /**
     * The width a group takes on one row: a flow pane's children side by side (its own preferred width is its wrap
     * length), anything else's preferred width.
     */
    private static double oneRow(Node group) {
        if (group instanceof FlowPane flow && flow.getOrientation() == Orientation.HORIZONTAL) {
            double width = flow.snappedLeftInset() + flow.snappedRightInset();
            int shown = 0;
            for (Node child : flow.getChildren()) {
                if (child.isManaged()) {
                    width += child.prefWidth(-1) + (shown++ > 0 ? flow.getHgap() : 0);
                }
            }
            return width;
        }
        return group.prefWidth(-1);
    }

    private List<Node> groups() {
        return getManagedChildren();
    }
}
