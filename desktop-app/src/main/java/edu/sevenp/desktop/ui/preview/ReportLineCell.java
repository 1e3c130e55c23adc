package edu.sevenp.desktop.ui.preview;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.ListCell;

/** A report's line in a list (readiness, publishing): wrapped within the list's width, coloured by its style class. */
final class ReportLineCell<T> extends ListCell<T> {

    /** Every class a line may carry: a reused cell drops the last line's before it takes its own. */
    private static final List<String> LINE_STYLES = List.of("readiness-error", "readiness-warning");

    private final Function<T, String> text;
    private final Function<T, Optional<String>> style;

    /** @param style one of the line styles, or none for a plain line */
    ReportLineCell(Function<T, String> text, Function<T, Optional<String>> style) {
        this.text = Objects.requireNonNull(text, "text");
        this.style = Objects.requireNonNull(style, "style");
    }

    @Override
    protected void updateItem(T line, boolean empty) {
        super.updateItem(line, empty);
        getStyleClass().removeAll(LINE_STYLES);
        if (empty || line == null) {
            setText(null);
            return;
        }
        setText(text.apply(line));
        setWrapText(true);
        setPrefWidth(0);
        style.apply(line).ifPresent(getStyleClass()::add);
    }
}
