package edu.sevenp.desktop.ui.video;

import edu.sevenp.desktop.ui.common.FxmlLayout;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemLog;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.MediaView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The video of a video lesson: the picture with its captions over it, and the controls below. It binds to
 * {@link VideoViewModel} and forwards the learner's keys and clicks; full screen moves the whole pane into the
 * window's full-screen scene and back. Keys work while the focus is anywhere in the pane; with Ctrl, Alt or Meta
 * they are left to the window (Alt+arrows still change lessons).
 */
public final class VideoView {

    /** The picture's share of the pane's width, as height: 16:9. */
    private static final double ASPECT = 9.0 / 16.0;
    /** Above this, the picture stops growing, so that the lesson's text below stays in sight. */
    private static final double MAX_SCREEN_HEIGHT = 400;

    @FXML
    private VBox root;
    @FXML
    private StackPane screen;
    @FXML
    private MediaView mediaView;
    @FXML
    private Label message;
    @FXML
    private Label caption;
    @FXML
    private Button playButton;
    @FXML
    private Slider seekBar;
    @FXML
    private Label time;
    @FXML
    private ComboBox<Double> speed;
    @FXML
    private Slider volume;
    @FXML
    private ToggleButton captionsButton;
    @FXML
    private Button fullScreenButton;
    @FXML
    private Label watched;

    private final VideoViewModel viewModel;
    private final Messages messages = Messages.of(VideoView.class);
    /** Set while the seek bar follows the player, so that the change is not taken for the learner's seek. */
    private boolean following;
    /** While full screen: the scene's own root, and where the pane sat in it. */
    private Parent sceneRoot;
    private Pane homeParent;
    private int homeIndex;
    private ChangeListener<Boolean> fullScreenListener;

    public VideoView(VideoViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        FxmlLayout.load(this);
    }

    public Node root() {
        return root;
    }

    /** Offers "Open log" under the video while it says why it cannot play (the message lies over the video). */
    public void offerLog(ProblemLog log) {
        Hyperlink link = log.link(message.visibleProperty());
        link.setId("videoMessageOpenLog");
        root.getChildren().add(root.getChildren().indexOf(screen) + 1, link);
    }

    /** Moves the focus to the video, so that its keys work. */
    public void focus() {
        root.requestFocus();
    }

    /** Whether the video fills the screen. */
    public boolean isFullScreen() {
        return sceneRoot != null;
    }

    @FXML
    private void initialize() {
        root.visibleProperty().bind(viewModel.hasVideoProperty());
        root.managedProperty().bind(root.visibleProperty());
        root.setAccessibleText(messages.get("video.accessible"));
        screen.setOnMouseClicked(event -> {
            root.requestFocus();
            viewModel.togglePlay();
        });
        fitScreen(false);
        mediaView.fitWidthProperty().bind(screen.widthProperty());
        mediaView.fitHeightProperty().bind(screen.heightProperty());
        viewModel.playbackProperty().addListener((property, old, now) ->
                mediaView.setMediaPlayer(now instanceof FxPlayback fx ? fx.mediaPlayer() : null));

        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        caption.textProperty().bind(viewModel.captionProperty());
        caption.visibleProperty().bind(viewModel.captionProperty().isNotEmpty());

        playButton.textProperty().bind(Bindings.when(viewModel.playingProperty()).then(messages.get("pause"))
                .otherwise(messages.get("play")));
        playButton.disableProperty().bind(viewModel.readyProperty().not());
        playButton.setOnAction(event -> viewModel.togglePlay());

        seekBar.disableProperty().bind(viewModel.readyProperty().not());
        seekBar.maxProperty().bind(Bindings.max(1, viewModel.durationProperty()));
        viewModel.positionProperty().addListener((property, old, now) -> {
            if (!seekBar.isValueChanging()) {
                following = true;
                seekBar.setValue(now.doubleValue());
                following = false;
            }
        });
        seekBar.valueProperty().addListener((property, old, now) -> {
            if (!following && !seekBar.isValueChanging()) {
                viewModel.seekTo(now.doubleValue());
            }
        });
        seekBar.valueChangingProperty().addListener((property, was, changing) -> {
            if (was && !changing) {
                viewModel.seekTo(seekBar.getValue());
            }
        });
        time.textProperty().bind(viewModel.timeTextProperty());

        speed.getItems().setAll(VideoViewModel.RATES);
        StringConverter<Double> rates = new StringConverter<>() {
            @Override
            public String toString(Double rate) {
                return rate == null ? "" : rateText(rate);
            }

            @Override
            public Double fromString(String text) {
                return VideoViewModel.RATES.stream().filter(rate -> rateText(rate).equals(text)).findFirst().orElse(null);
            }
        };
        speed.setConverter(rates);
        speed.setButtonCell(new RateCell());
        speed.setCellFactory(list -> new RateCell());
        speed.setValue(viewModel.rateProperty().get());
        speed.valueProperty().addListener((property, old, now) -> {
            if (now != null) {
                viewModel.setRate(now);
            }
        });
        viewModel.rateProperty().addListener((property, old, now) -> speed.setValue(now.doubleValue()));

        volume.setValue(viewModel.volumeProperty().get());
        volume.valueProperty().addListener((property, old, now) -> viewModel.setVolume(now.doubleValue()));
        viewModel.volumeProperty().addListener((property, old, now) -> volume.setValue(now.doubleValue()));

        captionsButton.selectedProperty().bind(viewModel.captionsOnProperty().and(viewModel.captionsAvailableProperty()));
        captionsButton.disableProperty().bind(viewModel.captionsAvailableProperty().not());
        captionsButton.setOnAction(event -> viewModel.toggleCaptions());
        Tooltip captionsTip = new Tooltip();
        captionsTip.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("captions.tooltip", viewModel.captionsNoteProperty().get()), viewModel.captionsNoteProperty()));
        captionsButton.setTooltip(captionsTip);

        fullScreenButton.setOnAction(event -> toggleFullScreen());
        watched.textProperty().bind(viewModel.watchedTextProperty());

        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
    }

    private void key(KeyEvent event) {
        if (event.isControlDown() || event.isAltDown() || event.isMetaDown() || event.isShortcutDown()
                || (speed.isShowing())) {
            return;
        }
        switch (event.getCode()) {
            case SPACE, K -> viewModel.togglePlay();
            case LEFT -> viewModel.seekBy(-VideoViewModel.STEP_SECONDS);
            case RIGHT -> viewModel.seekBy(VideoViewModel.STEP_SECONDS);
            case J -> viewModel.seekBy(-VideoViewModel.JUMP_SECONDS);
            case L -> viewModel.seekBy(VideoViewModel.JUMP_SECONDS);
            case HOME -> viewModel.seekToStart();
            case END -> viewModel.seekToEnd();
            case UP -> viewModel.changeVolume(0.1);
            case DOWN -> viewModel.changeVolume(-0.1);
            case F -> toggleFullScreen();
            case C -> viewModel.toggleCaptions();
            default -> {
                return;
            }
        }
        event.consume();
    }

    /** Full screen (F): the pane alone fills the screen; F or Esc brings it back to its place in the lesson. */
    public void toggleFullScreen() {
        Scene scene = root.getScene();
        Window window = scene == null ? null : scene.getWindow();
        if (!(window instanceof Stage stage)) {
            return;
        }
        if (sceneRoot == null) {
            enterFullScreen(scene, stage);
        } else if (stage.isFullScreen()) {
            stage.setFullScreen(false); // the listener puts the pane back
        } else {
            leaveFullScreen(scene, stage);
        }
    }

    private void enterFullScreen(Scene scene, Stage stage) {
        if (!(root.getParent() instanceof Pane parent)) {
            return;
        }
        sceneRoot = scene.getRoot();
        homeParent = parent;
        homeIndex = parent.getChildren().indexOf(root);
        parent.getChildren().remove(root);
        StackPane holder = new StackPane(root);
        holder.getStyleClass().add("video-full-screen");
        holder.getStylesheets().addAll(root.getStylesheets());
        fitScreen(true);
        scene.setRoot(holder);
        fullScreenListener = (property, was, now) -> {
            if (!now) {
                leaveFullScreen(scene, stage);
            }
        };
        stage.fullScreenProperty().addListener(fullScreenListener);
        stage.setFullScreen(true);
        fullScreenButton.setText(messages.get("fullScreen.leave"));
        root.requestFocus();
    }

    private void leaveFullScreen(Scene scene, Stage stage) {
        if (sceneRoot == null) {
            return;
        }
        stage.fullScreenProperty().removeListener(fullScreenListener);
        ((Pane) scene.getRoot()).getChildren().remove(root);
        scene.setRoot(sceneRoot);
        homeParent.getChildren().add(Math.min(homeIndex, homeParent.getChildren().size()), root);
        sceneRoot = null;
        homeParent = null;
        fitScreen(false);
        fullScreenButton.setText(messages.get("fullScreen"));
        root.requestFocus();
    }

    /** In the lesson the picture keeps 16:9 of the pane's width (up to a height); full screen it takes all it can. */
    private void fitScreen(boolean full) {
        screen.prefHeightProperty().unbind();
        if (full) {
            screen.setPrefHeight(-1);
            screen.setMaxHeight(Double.MAX_VALUE);
            VBox.setVgrow(screen, Priority.ALWAYS);
        } else {
            screen.prefHeightProperty().bind(Bindings.min(MAX_SCREEN_HEIGHT, screen.widthProperty().multiply(ASPECT)));
            screen.setMaxHeight(Region.USE_PREF_SIZE);
            VBox.setVgrow(screen, Priority.NEVER);
        }
    }

    /** "0.75×", "2×" ("0,75×" in German). */
    private String rateText(double rate) {
        return messages.format("speed.rate", rate);
    }

    private final class RateCell extends ListCell<Double> {
        @Override
        protected void updateItem(Double rate, boolean empty) {
            super.updateItem(rate, empty);
            setText(empty || rate == null ? null : rateText(rate));
        }
    }
}
