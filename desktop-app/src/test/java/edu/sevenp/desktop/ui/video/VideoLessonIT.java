package edu.sevenp.desktop.ui.video;

import static edu.sevenp.desktop.ui.PlayerWindowFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.store.ImportSummary;
import edu.sevenp.desktop.ui.PlayerWindowFixture;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.learning.LessonProgress;
import edu.sevenp.model.learning.ProgressStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Video lessons in the real player window with JavaFX's real media player (headless; sound goes to the silent ALSA
 * device of src/test/alsa): the sample course's recap video, and a six-second silent clip that is watched to its end
 * (a video with sound plays faster than real time into the silent device).
 */
@ExtendWith(ApplicationExtension.class)
class VideoLessonIT {

    @TempDir
    Path temp;

    private PlayerWindowFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new PlayerWindowFixture(stage);
    }

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    @Test
    void theRecapPlaysAndTheKeysSeekShowCaptionsChangeSpeedAndFillTheScreen(FxRobot robot) {
        VideoViewModel video = openVideo(robot, fixture.sample, SampleCourseStore.RECAP_LESSON);
        assertThat(label(robot, "#videoTime")).isEqualTo("0:00 / 1:19");

        robot.type(KeyCode.RIGHT);
        awaitPosition(video, 5);
        awaitCaption(robot, "Welcome to this short recap of Introduction to Relational Databases.");
        robot.type(KeyCode.L);
        awaitPosition(video, 15);
        awaitCaption(robot, "Each row is one thing, such as a student.");
        assertThat(label(robot, "#videoTime")).isEqualTo("0:15 / 1:19");
        robot.type(KeyCode.J);
        awaitPosition(video, 5);
        robot.type(KeyCode.C);
        awaitCaption(robot, "");
        robot.type(KeyCode.C);
        awaitCaption(robot, "Welcome to this short recap of Introduction to Relational Databases.");
        robot.type(KeyCode.LEFT);
        awaitPosition(video, 0);
        awaitCaption(robot, "");

        robot.interact(() -> video.setRate(2));
        robot.type(KeyCode.SPACE);
        await(() -> video.positionProperty().get() > 1, () -> "the video never played; it says: " + video.messageProperty().get());
        robot.type(KeyCode.K);
        await(() -> !video.playingProperty().get(), () -> "K never paused the video");
        assertThat(((FxPlayback) video.playbackProperty().get()).mediaPlayer().getRate()).isEqualTo(2.0);

        robot.type(KeyCode.F);
        await(() -> fixture.window.videoView().isFullScreen(), () -> "F never filled the screen with the video");
        assertThat(robot.lookup("#videoPane").query().getScene().getRoot()).isInstanceOf(StackPane.class);
        robot.type(KeyCode.F);
        await(() -> !fixture.window.videoView().isFullScreen(), () -> "F never left full screen");
        assertThat(robot.lookup("#videoPane").query().getScene().getRoot()).isSameAs(fixture.window.root());
    }

    @Test
    void seekingToTheEndDoesNotCompleteTheLessonButWatchingItDoes(FxRobot robot) throws IOException {
        VideoViewModel video = openVideo(robot, fixture.sample, SampleCourseStore.RECAP_LESSON);
        assertThat(robot.lookup("#markCompleteButton").queryAs(Button.class).isDisabled())
                .as("a video lesson completes by watching, not with Mark complete").isTrue();

        robot.type(KeyCode.END);
        robot.type(KeyCode.J);
        robot.type(KeyCode.SPACE);
        await(() -> !video.playingProperty().get() && video.positionProperty().get() >= video.durationProperty().get(),
                () -> "the video never played to its end; it is at " + video.positionProperty().get());
        await(() -> progress(SampleCourseStore.RECAP_LESSON).lastPosition() >= 79, () -> "the end was never saved");

        LessonProgress skipped = progress(SampleCourseStore.RECAP_LESSON);
        assertThat(skipped.status()).isEqualTo(ProgressStatus.IN_PROGRESS);
        assertThat(skipped.percentage()).isLessThan(java.math.BigDecimal.valueOf(20));
        assertThat(label(robot, "#videoWatched")).endsWith("· completes at 90%");

        Lesson clip = importClip();
        openVideo(robot, clip.course(), clip.lesson());
        robot.interact(() -> fixture.window.video().setRate(2));
        robot.type(KeyCode.SPACE);
        await(() -> progress(clip.lesson()).completed(), () -> "watching the clip to its end never completed it; "
                + fixture.window.video().watchedTextProperty().get());
        await(() -> robot.lookup("#markCompleteButton").queryAs(Button.class).getText().equals("✔ Completed"),
                () -> "the lesson never showed as completed");
        // The clip is its course's only lesson.
        assertThat(label(robot, "#status")).isEqualTo("Video watched: lesson complete, and with it the whole course. Well done!");
    }

    @Test
    void aNotesTimePlaysTheVideoFromThere(FxRobot robot) {
        VideoViewModel video = openVideo(robot, fixture.sample, SampleCourseStore.RECAP_LESSON);
        robot.type(KeyCode.L, 3);
        awaitPosition(video, 30);

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        robot.write("Foreign keys point at rows");
        assertThat(fixture.window.notes().draftTimeProperty().get()).isEqualTo("0:30");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        await(() -> robot.lookup(".note-time").tryQuery().isPresent(), () -> "the note never showed its time");

        robot.interact(() -> video.seekTo(70));
        robot.clickOn(".note-time");
        awaitPosition(video, 30);
    }

    /** A course of one lesson playing the silent six-second clip, imported into the window's library. */
    private Lesson importClip() throws IOException {
        byte[] clip;
        try (InputStream in = VideoLessonIT.class.getResourceAsStream("count-to-six.mp4")) {
            clip = in.readAllBytes();
        }
        PackageFixture course = PackageFixture.course("Counting", 1, 1);
        ObjectNode media = course.addMedia("media/count-to-six.mp4", clip, "video/mp4");
        course.video(course.lesson(0, 0), media);
        Path folder = course.writeTo(temp.resolve("counting-" + UUID.randomUUID()));
        try (var read = new CoursePackageReader(JsonMapperFactory.createStrict()).read(folder)) {
            ImportSummary summary = fixture.store.importer().importPackage(read);
            return new Lesson(summary.courseId(),
                    new LessonId(UUID.fromString(course.lesson(0, 0).get("id").asText())));
        } catch (edu.sevenp.coursepackage.InvalidPackageException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private record Lesson(CourseId course, LessonId lesson) {
    }

    private VideoViewModel openVideo(FxRobot robot, CourseId course, LessonId lesson) {
        robot.interact(() -> fixture.window.player().openLesson(course, lesson));
        VideoViewModel video = fixture.window.video();
        await(() -> video.readyProperty().get(), () -> "the video never got ready; it says: " + video.messageProperty().get());
        robot.interact(() -> fixture.window.videoView().focus());
        return video;
    }

    private LessonProgress progress(LessonId lesson) {
        return fixture.learning.progress().progress(lesson).orElseThrow();
    }

    private static void awaitPosition(VideoViewModel video, double seconds) {
        await(() -> Math.abs(video.positionProperty().get() - seconds) < 0.01,
                () -> "the video is at " + video.positionProperty().get() + ", not " + seconds);
    }

    private static void awaitCaption(FxRobot robot, String text) {
        await(() -> {
            Label caption = robot.lookup("#videoCaption").queryAs(Label.class);
            return text.isEmpty() ? !caption.isVisible() : caption.isVisible() && caption.getText().equals(text);
        }, () -> "the caption is \"" + robot.lookup("#videoCaption").queryAs(Label.class).getText() + "\", not \"" + text + "\"");
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
