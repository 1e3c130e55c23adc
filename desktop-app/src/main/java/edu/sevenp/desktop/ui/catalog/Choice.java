package edu.sevenp.desktop.ui.catalog;

import java.util.Objects;

/**
 * One entry of a filter's list: the value the server takes (a category's slug, a difficulty), null for "any", and
 * the words shown.
 */
public record Choice(String value, String label) {

    public Choice {
        Objects.requireNonNull(label, "label");
    }

    @Override
    public String toString() {
        return label;
    }
}
