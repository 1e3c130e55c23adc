package edu.sevenp.desktop.ui.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.text.Text;
import javafx.scene.web.WebView;

/**
 * What of a scene the learner cannot read in full: a label, button or cell whose text is shown shortened ("…", or
 * lines cut off at the bottom), and a control that does not fit in the window or in the area of its parents that
 * shows (a split pane's side, a tab's content). Controls inside a scroll pane may scroll out of view downwards, but
 * must fit its width; those inside lists, trees and text areas (whose cells scroll) are only checked for shortened
 * text. Call it on the JavaFX thread.
 */
public final class ClippedControls {

    /** Rounding of layout to whole pixels. */
    private static final double SLACK = 1.0;

    private ClippedControls() {
    }

    /** Each clipped control of {@code scene}, described for a failure message that names {@code screen}. */
    public static List<String> in(Scene scene, String screen) {
        Parent root = scene.getRoot();
        root.applyCss();
        root.layout();
        List<String> found = new ArrayList<>();
        walk(root, new BoundingBox(0, 0, scene.getWidth(), scene.getHeight()), Scrolling.NONE, screen, found);
        return found;
    }

    /**
     * Each wrapped label, button or cell under {@code root} that breaks a word across lines: a word wider than the width
     * its text wraps at (JavaFX then cuts the word wherever the line ends).
     */
    public static List<String> brokenWords(Node root, String screen) {
        List<String> found = new ArrayList<>();
        root.applyCss();
        List<Labeled> labeleds = new ArrayList<>();
        collect(root, labeleds);
        for (Labeled labeled : labeleds) {
            if (!labeled.isWrapText() || labeled.getText() == null) {
                continue;
            }
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text shown && shown.isVisible() && shown.getWrappingWidth() > 0) {
                    for (String word : shown.getText().split("\\s+")) {
                        Text measured = new Text(word);
                        measured.setFont(shown.getFont());
                        double width = measured.getLayoutBounds().getWidth();
                        if (width > shown.getWrappingWidth() + SLACK) {
                            found.add(String.format(java.util.Locale.ROOT, "%s: %s breaks \"%s\" (%.0f px) at %.0f px",
                                    screen, describe(labeled), word, width, shown.getWrappingWidth()));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The visible labels, buttons and cells under {@code node}. */
    private static void collect(Node node, List<Labeled> into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            into.add(labeled);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    /** How far a control may leave the area shown: not at all, downwards (a scroll pane), anywhere (a list's cells). */
    private enum Scrolling { NONE, VERTICAL, ANY }

    private static void walk(Node node, Bounds shown, Scrolling scrolls, String screen, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        Bounds area = shown;
        if (node.getClip() != null) {
            area = intersection(area, node.localToScene(node.getClip().getBoundsInParent()));
        }
        if (node instanceof Labeled labeled) {
            String shortened = shortened(labeled);
            if (shortened != null) {
                found.add(screen + ": " + describe(node) + " shows \"" + shortened + "\" of \"" + labeled.getText() + "\"");
            }
        }
        if (scrolls != Scrolling.ANY && node instanceof Control && area != null) {
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            if (bounds.getWidth() > 0 && bounds.getHeight() > 0 && !within(bounds, area, scrolls == Scrolling.VERTICAL)) {
                found.add(screen + ": " + describe(node) + " at " + format(bounds) + " is cut off by " + format(area));
            }
        }
        if (node instanceof WebView) {
            return;
        }
        Scrolling scrolling = scrolls == Scrolling.ANY || node instanceof ListView || node instanceof TreeView
                || node instanceof TextInputControl ? Scrolling.ANY
                : node instanceof ScrollPane ? Scrolling.VERTICAL : scrolls;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, area, scrolling, screen, found);
            }
        }
    }

    /** The text as shown, when it is not the whole of the label's text; null when it is. */
    private static String shortened(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isEmpty() || labeled.getWidth() <= 0) {
            return null;
        }
        String expected = labeled.isMnemonicParsing() ? withoutMnemonic(text) : text;
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && child.isVisible() && !shown.getText().equals(expected)) {
                return shown.getText();
            }
        }
        return null;
    }

    private static String withoutMnemonic(String text) {
        int mark = text.indexOf('_');
        return mark < 0 || mark == text.length() - 1 ? text : text.substring(0, mark) + text.substring(mark + 1);
    }

    private static boolean within(Bounds inner, Bounds outer, boolean acrossOnly) {
        boolean across = inner.getMinX() >= outer.getMinX() - SLACK && inner.getMaxX() <= outer.getMaxX() + SLACK;
        return across && (acrossOnly
                || inner.getMinY() >= outer.getMinY() - SLACK && inner.getMaxY() <= outer.getMaxY() + SLACK);
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        if (a == null) {
            return null;
        }
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        // Nothing of it shows (a tab's content while another tab is chosen, say): nothing to check there.
        return maxX <= minX || maxY <= minY ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private static String describe(Node node) {
        String name = node.getClass().getSimpleName();
        String id = node.getId() == null ? "" : "#" + node.getId();
        String text = node instanceof Labeled labeled && labeled.getText() != null ? " \"" + labeled.getText() + "\"" : "";
        return name + id + text;
    }

    private static String format(Bounds bounds) {
        return String.format(java.util.Locale.ROOT, "[%.0f,%.0f %.0fx%.0f]", bounds.getMinX(), bounds.getMinY(),
                bounds.getWidth(), bounds.getHeight());
    }
}
