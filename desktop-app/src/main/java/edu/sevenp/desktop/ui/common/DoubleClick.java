package edu.sevenp.desktop.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;

/** A double click with the primary button on a list, which chooses its selected item. */
public final class DoubleClick {

    private DoubleClick() {
    }

    /** Hands the list's selected item, when there is one, to choose on each primary-button double click. */
    public static <T> void choosesSelected(ListView<T> list, Consumer<T> choose) {
        Objects.requireNonNull(choose, "choose");
        list.setOnMouseClicked(event -> {
            T item = list.getSelectionModel().getSelectedItem();
            if (item != null && event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                choose.accept(item);
            }
        });
    }
}
