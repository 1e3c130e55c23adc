package edu.sevenp.model;

/** Checks shared by the records' canonical constructors. */
final class Text {

    private Text() {
    }

    static String requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
