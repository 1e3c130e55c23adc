package edu.sevenp.desktop.ui.common;

/** The window's colours: light (the style sheets' own) or dark (ui/common/dark.css over them). */
public enum Theme {
    LIGHT("theme-light"),
    DARK("theme-dark");

    private final String styleClass;

    Theme(String styleClass) {
        this.styleClass = styleClass;
    }

    /** The class on every scene's root (and on a lesson page's {@code html}) while this theme applies. */
    public String styleClass() {
        return styleClass;
    }
}
