package edu.sevenp.desktop.ui.common;

import java.net.URL;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The theme and text size of every window of the player, applied as they change: each scene's root gets the theme's
 * style class ({@code theme-light} or {@code theme-dark}) and a font size ({@value #BASE_FONT_PX}px at 100 %),
 * and its scene the style sheets {@code base.css} (visible keyboard focus) and, when dark, {@code dark.css}.
 * Style sheets give their font sizes in em, so they grow with the root's.
 *
 * <p>{@link #followAllWindows()} applies it to every stage the player shows, now and later (dialogs of any panel
 * included, without their knowing); {@link #follow(Scene)} to one scene. Use it on the JavaFX thread.
 */
public final class Appearance {

    /** The font size of the style sheets at 100 %. */
    public static final double BASE_FONT_PX = 13;
    public static final int MIN_TEXT_SIZE = 100;
    public static final int MAX_TEXT_SIZE = 200;

    private static final String FOLLOWED = Appearance.class.getName();
    private static final Pattern FONT_SIZE = Pattern.compile("-fx-font-size\\s*:[^;]*;?\\s*");

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final IntegerProperty textSize = new SimpleIntegerProperty(this, "textSize", MIN_TEXT_SIZE);
    private final String baseSheet = sheet("base.css");
    private final String darkSheet = sheet("dark.css");
    private final ListChangeListener<Window> newWindows = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(this::followWindow);
        }
    };
    /** The stages followed, with what follows their scene: let go of by {@link #stopFollowingWindows()}. */
    private final Map<Window, ChangeListener<Scene>> windows = new WeakHashMap<>();
    private boolean followingWindows;

    public Appearance(Theme theme, int textSize) {
        set(theme, textSize);
    }

    /** Light, at 100 %. */
    public static Appearance standard() {
        return new Appearance(Theme.LIGHT, MIN_TEXT_SIZE);
    }

    /** Changes the theme and text size (clamped to 100–200 %) of every scene that follows this appearance. */
    public void set(Theme newTheme, int newTextSize) {
        theme.set(Objects.requireNonNull(newTheme, "theme"));
        textSize.set(clamp(newTextSize));
    }

    public void setTheme(Theme newTheme) {
        theme.set(Objects.requireNonNull(newTheme, "theme"));
    }

    public void setTextSize(int percent) {
        textSize.set(clamp(percent));
    }

    public static int clamp(int percent) {
        return Math.max(MIN_TEXT_SIZE, Math.min(MAX_TEXT_SIZE, percent));
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The text size in percent, 100 to 200. */
    public ReadOnlyIntegerProperty textSizeProperty() {
        return textSize;
    }

    /** The text size as a factor: 1.0 to 2.0. */
    public double scale() {
        return textSize.get() / 100.0;
    }

    /** Applies this appearance to every stage shown from now on, and to those showing already. */
    public void followAllWindows() {
        if (followingWindows) {
            return;
        }
        followingWindows = true;
        Window.getWindows().addListener(newWindows);
        Window.getWindows().forEach(this::followWindow);
    }

    /** Leaves the stages shown from now on alone (a test's windows after the test); those shown keep following. */
    public void stopFollowingWindows() {
        Window.getWindows().removeListener(newWindows);
        windows.forEach((window, listener) -> window.sceneProperty().removeListener(listener));
        windows.clear();
        followingWindows = false;
    }

    private void followWindow(Window window) {
        // Stages only: pop-ups (menus, tooltips, lists of choice boxes) take their styles from the node they belong to.
        if (window instanceof Stage && !windows.containsKey(window)) {
            if (window.getScene() != null) {
                follow(window.getScene());
            }
            ChangeListener<Scene> newScene = (property, old, scene) -> {
                if (scene != null) {
                    follow(scene);
                }
            };
            window.sceneProperty().addListener(newScene);
            windows.put(window, newScene);
        }
    }

    /**
     * Applies this appearance to {@code scene} now, whenever it changes, and to each new root of the scene. A scene
     * follows one appearance: following another one's scene takes it over.
     */
    public void follow(Scene scene) {
        Objects.requireNonNull(scene, "scene");
        Object followed = scene.getProperties().get(FOLLOWED);
        if (followed instanceof Follower follower && follower.appearance == this && follower.active) {
            apply(scene);
            return;
        }
        if (followed instanceof Follower other) {
            other.active = false;
        }
        Follower follower = new Follower(this, scene);
        // Kept by the scene, listened to weakly: a closed dialog's scene does not stay in memory through this.
        scene.getProperties().put(FOLLOWED, follower);
        theme.addListener(new WeakInvalidationListener(follower));
        textSize.addListener(new WeakInvalidationListener(follower));
        scene.rootProperty().addListener(new WeakInvalidationListener(follower));
        apply(scene);
    }

    /** Applies an appearance to one scene while it is the scene's. */
    private static final class Follower implements InvalidationListener {
        private final Appearance appearance;
        private final Scene scene;
        private boolean active = true;

        Follower(Appearance appearance, Scene scene) {
            this.appearance = appearance;
            this.scene = scene;
        }

        @Override
        public void invalidated(Observable observable) {
            if (active) {
                appearance.apply(scene);
            }
        }
    }

    private void apply(Scene scene) {
        Parent root = scene.getRoot();
        if (root == null) {
            return;
        }
        for (Theme each : Theme.values()) {
            root.getStyleClass().remove(each.styleClass());
        }
        root.getStyleClass().add(theme.get().styleClass());
        String others = root.getStyle() == null ? "" : FONT_SIZE.matcher(root.getStyle()).replaceAll("").strip();
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_PX * scale())
                + (others.isEmpty() ? "" : " " + others));
        if (!scene.getStylesheets().contains(baseSheet)) {
            scene.getStylesheets().add(baseSheet);
        }
        scene.getStylesheets().remove(darkSheet);
        if (theme.get() == Theme.DARK) {
            scene.getStylesheets().add(darkSheet);
        }
    }

    private static String sheet(String name) {
        URL url = Appearance.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing beside " + Appearance.class.getName());
        }
        return url.toExternalForm();
    }
}
