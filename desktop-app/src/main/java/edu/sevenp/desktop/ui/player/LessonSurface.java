package edu.sevenp.desktop.ui.player;

import edu.sevenp.desktop.content.LessonHtml;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.player.PlayerViewModel.LessonPage;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.util.Duration;
import org.w3c.dom.Document;

/**
 * Where the lesson's page shows. Loading WebKit and its first page takes most of a second of a start
 * (docs/benchmarks.md), so a Markdown lesson shown before WebKit has loaded is drawn with JavaFX's own text first
 * ({@link MarkdownNodes}), its first windowful first; the web view is made a second after that has been drawn, under
 * it, and takes over when its page has loaded, at the place the learner has scrolled to. From then on every page loads
 * in the web view. An HTML lesson or an empty one needs the web view at once. Use it on the JavaFX thread.
 */
final class LessonSurface {

    /** How long after the first lesson is drawn the web view is made. */
    private static final Duration WEB_VIEW_DELAY = Duration.seconds(1);
    /** Lesson text's size at 100 % (content/lesson.css), for telling how much of a lesson fills the window. */
    private static final double TEXT_PX = 15;
    /** The background of a dark lesson page (lesson-dark.css), shown before the page has painted. */
    private static final Color DARK_PAGE = Color.web("#161b22");

    private final StackPane frame;
    private final MarkdownNodes markdown;
    private final Consumer<String> linkLeaving;
    private final String accessibleText;
    private final ReadOnlyObjectWrapper<LessonRef> pageLoaded = new ReadOnlyObjectWrapper<>(this, "pageLoaded");
    private final ReadOnlyObjectWrapper<LessonRef> drawn = new ReadOnlyObjectWrapper<>(this, "drawn");
    /** The web view; null until the first lesson has been drawn without it. */
    private WebView web;
    /** The lesson drawn with JavaFX text; null once the web view has taken over (or when it never showed). */
    private ScrollPane drawnPage;
    private LessonPage page;
    /** The drawn lesson's blocks still to append once its first screens show. */
    private List<Node> rest = List.of();
    private Theme theme = Theme.LIGHT;
    private ObservableValue<? extends Number> fontScale;

    /**
     * @param frame holds the page (and nothing else)
     * @param linkLeaving takes the address of a link the learner clicked: links never open inside the player
     * @param messages the player's words
     */
    LessonSurface(StackPane frame, Consumer<String> linkLeaving, Messages messages) {
        this.frame = Objects.requireNonNull(frame, "frame");
        this.linkLeaving = Objects.requireNonNull(linkLeaving, "linkLeaving");
        this.markdown = new MarkdownNodes(linkLeaving, messages);
        this.accessibleText = messages.get("lesson.accessible");
    }

    /** Shows {@code shown}, at its reading position. */
    void show(LessonPage shown) {
        page = Objects.requireNonNull(shown, "shown");
        if (web == null && shown.markdown() != null) {
            boolean first = drawnPage == null;
            draw(shown);
            if (first) {
                afterDrawn(() -> {
                    appendRest();
                    // WebKit's loading keeps the JavaFX thread and a core for most of a second: not before the window
                    // system has shown the drawn lesson (under Xvfb, with JavaFX's software pipeline, its first frame
                    // reached the screen 100 to 150 ms after it was rendered; WebKit made at once held it back past
                    // 0.7 s).
                    PauseTransition settle = new PauseTransition(WEB_VIEW_DELAY);
                    settle.setOnFinished(event -> makeWebView());
                    settle.play();
                });
            }
            return;
        }
        if (drawnPage != null && shown.markdown() != null) {
            draw(shown); // the web view is still loading: the learner sees the lesson they chose meanwhile
        }
        if (web == null) {
            makeWebView();
        } else {
            load(shown);
        }
    }

    private void draw(LessonPage shown) {
        boolean hadFocus = drawnPage != null && drawnPage.isFocused();
        // From the top, the first screens' text is laid out first and the rest once it shows; at a reading position
        // the whole lesson is needed to scroll to it.
        boolean fromTheTop = drawnPage == null && shown.readingPosition() <= 0;
        MarkdownNodes.Drawing parts = markdown.draw(shown.markdown(), fromTheTop ? windowful() : Integer.MAX_VALUE);
        rest = parts.rest();
        ScrollPane drawing = new ScrollPane(parts.body());
        drawing.setFitToWidth(true);
        drawing.getStyleClass().add("drawn-lesson");
        drawing.setAccessibleText(accessibleText);
        drawing.setVvalue(shown.readingPosition());
        if (drawnPage == null) {
            frame.getChildren().add(drawing);
        } else {
            frame.getChildren().set(frame.getChildren().indexOf(drawnPage), drawing);
        }
        drawnPage = drawing;
        if (hadFocus) {
            drawing.requestFocus();
        }
    }

    /**
     * About how many characters of lesson text fill the window, with a tenth to spare: the lesson column is the window
     * less the contents and the side panel (a little over half of it in a small window), a character about half an em
     * wide, a line 1.6 em high. Headings, lists and short lines fill a screen with fewer.
     */
    private int windowful() {
        Scene scene = frame.getScene();
        if (scene == null || scene.getWidth() <= 0 || scene.getHeight() <= 0) {
            return Integer.MAX_VALUE;
        }
        double em = TEXT_PX * (fontScale == null ? 1 : fontScale.getValue().doubleValue());
        double column = Math.max(scene.getWidth() * 0.55, scene.getWidth() - 520);
        double perLine = column / (0.5 * em);
        double lines = scene.getHeight() * 0.8 / (1.6 * em);
        return (int) Math.ceil(perLine * lines * 1.1);
    }

    private void appendRest() {
        if (drawnPage != null && !rest.isEmpty()) {
            ((VBox) drawnPage.getContent()).getChildren().addAll(rest);
        }
        rest = List.of();
    }

    /** Runs {@code then} once the lesson on screen has been laid out and rendered (two pulses on). */
    private void afterDrawn(Runnable then) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    drawn.set(page.lesson());
                    // Out of the pulse: the web view's first page keeps the JavaFX thread for most of a second.
                    Platform.runLater(then);
                }
            }
        }.start();
    }

    private void makeWebView() {
        if (web != null) {
            return;
        }
        web = new WebView();
        web.setId("lessonView");
        web.setAccessibleText(accessibleText);
        web.setPageFill(pageFill());
        if (fontScale != null) {
            web.fontScaleProperty().bind(fontScale);
        }
        WebEngine engine = web.getEngine();
        // Scripts in lessons stay off; the player's own calls (executeScript) still run.
        engine.setJavaScriptEnabled(false);
        engine.getLoadWorker().stateProperty().addListener((property, old, state) -> {
            if (state == Worker.State.SUCCEEDED && page != null) {
                loaded();
            }
        });
        engine.locationProperty().addListener((property, old, location) -> keepLinksOutside(location));
        frame.getChildren().add(0, web); // under the drawn lesson, already at its size, until its page has loaded
        if (page != null) {
            load(page);
        }
    }

    private void load(LessonPage shown) {
        web.getEngine().loadContent(LessonHtml.withTheme(shown.html(), theme.styleClass()));
    }

    private void loaded() {
        if (web.getHeight() > 0) {
            takeOver();
            return;
        }
        // A page loaded before the web view's first layout: its scroll range is only known once the view has its size.
        web.heightProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable height) {
                height.removeListener(this);
                Platform.runLater(LessonSurface.this::takeOver);
            }
        });
    }

    private void takeOver() {
        double position = drawnPage != null ? drawnPage.getVvalue() : page.readingPosition();
        if (position > 0) {
            scrollWebTo(position);
        }
        if (drawnPage != null) {
            boolean hadFocus = drawnPage.isFocused();
            frame.getChildren().remove(drawnPage);
            drawnPage = null;
            if (hadFocus) {
                web.requestFocus();
            }
        } else if (drawn.get() == null) {
            afterDrawn(() -> {
            });
        }
        pageLoaded.set(page.lesson());
    }

    /** A click on a link would replace the lesson with a web page: put the lesson back and hand the link over. */
    private void keepLinksOutside(String location) {
        if (location == null || location.isEmpty() || location.startsWith("about:")) {
            return;
        }
        linkLeaving.accept(location);
        if (page != null) {
            load(page);
        }
    }

    /**
     * The lesson, once first drawn: laid out and rendered by JavaFX (drawn with its text, or loaded in the web view);
     * the window system shows the frame after that. Null before.
     */
    ReadOnlyObjectProperty<LessonRef> drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    /** The lesson whose page the web view has loaded last; null before the first. */
    ReadOnlyObjectProperty<LessonRef> pageLoadedProperty() {
        return pageLoaded.getReadOnlyProperty();
    }

    /** Shows lessons in {@code shown}: the page on screen changes in place, keeping where the learner was reading. */
    void showTheme(Theme shown) {
        theme = Objects.requireNonNull(shown, "shown");
        if (web == null) {
            return; // a drawn lesson follows the scene's theme class
        }
        web.setPageFill(pageFill());
        Document document = web.getEngine().getDocument();
        if (document != null && document.getDocumentElement() != null) {
            document.getDocumentElement().setAttribute("class", shown.styleClass());
        }
    }

    private Color pageFill() {
        return theme == Theme.DARK ? DARK_PAGE : Color.WHITE;
    }

    /** Scales the web page's text by {@code scale} (1 is 100 %); a drawn lesson follows the scene's font size. */
    void followFontScale(ObservableValue<? extends Number> scale) {
        fontScale = Objects.requireNonNull(scale, "scale");
        if (web != null) {
            web.fontScaleProperty().bind(scale);
        }
    }

    /**
     * How far down the lesson on screen the learner has scrolled, 0 (top) to 1 (end); NaN when no page is there to
     * measure.
     */
    double readingPosition() {
        if (drawnPage != null) {
            return drawnPage.getVvalue();
        }
        if (web == null) {
            return Double.NaN;
        }
        Object fraction = web.getEngine().executeScript(
                "(function () { var range = document.documentElement.scrollHeight - window.innerHeight;"
                        + " return range > 0 ? window.scrollY / range : 0; })()");
        return fraction instanceof Number ? ((Number) fraction).doubleValue() : Double.NaN;
    }

    private void scrollWebTo(double fraction) {
        web.getEngine().executeScript("window.scrollTo(0, " + fraction
                + " * (document.documentElement.scrollHeight - window.innerHeight))");
    }

    /** Moves the keyboard focus into the lesson's text. */
    void focus() {
        Node shown = drawnPage != null ? drawnPage : web;
        if (shown != null) {
            shown.requestFocus();
        }
    }
}
