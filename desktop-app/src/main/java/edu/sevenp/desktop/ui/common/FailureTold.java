package edu.sevenp.desktop.ui.common;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * The words of the last failure a view model told, so that a line which also tells of successes, refusals or
 * mistakes in what was typed offers "Open log" ({@link ProblemLog#offerAfter(javafx.scene.Node,
 * javafx.beans.value.ObservableBooleanValue)}) only while it tells that failure. One per view model; use it on the UI
 * thread.
 */
public final class FailureTold {

    private final StringProperty told = new SimpleStringProperty(this, "told", "");

    /** Remembers {@code words} as a failure's and gives them back: {@code error.set(failures.mark(...))}. */
    public String mark(String words) {
        told.set(Objects.requireNonNull(words, "words"));
        return words;
    }

    /** True while {@code line} shows the failure marked last. */
    public BooleanBinding shownBy(ObservableStringValue line) {
        Objects.requireNonNull(line, "line");
        return Bindings.createBooleanBinding(() -> line.get() != null && !line.get().isEmpty()
                && line.get().equals(told.get()), line, told);
    }
}
