package edu.sevenp.desktop.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.Theme;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.FontPosture;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A lesson drawn with JavaFX text before WebKit has loaded looks like its web page, in both themes. */
@ExtendWith(ApplicationExtension.class)
class MarkdownNodesTest {

    private static final String LESSON = """
            # Keys

            A **primary key** is *unique*; see `student_id` and [the docs](https://example.edu/keys).

            3. third
            4. fourth

            - one
            - two

            > Quoted words.

            ```sql
            SELECT 1;
            ```

            | id | name |
            |---|---|
            | 1 | Ada |

            ---

            ![a diagram](diagram.png) and <b>raw</b> html
            """;

    private final List<String> clicked = new ArrayList<>();
    private final MarkdownNodes nodes = new MarkdownNodes(clicked::add, Messages.forPackage(PlayerView.class.getPackageName(), Locale.ENGLISH));

    @Test
    void everyBlockOfTheLessonIsThereWithItsWords(FxRobot robot) {
        VBox lesson = onFx(() -> nodes.draw(LESSON));
        List<Node> blocks = lesson.getChildren();

        assertThat(blocks).hasSize(9);
        assertThat(blocks.get(0).getStyleClass()).contains("drawn-h1");
        assertThat(text(blocks.get(0))).isEqualTo("Keys");
        assertThat(text(blocks.get(1))).isEqualTo("A primary key is unique; see student_id and the docs.");
        assertThat(markers(blocks.get(2))).containsExactly("3.", "4.");
        assertThat(markers(blocks.get(3))).containsExactly("\u2022", "\u2022");
        assertThat(blocks.get(4).getStyleClass()).contains("drawn-quote");
        assertThat(((Label) blocks.get(5)).getText()).isEqualTo("SELECT 1;");
        assertThat(blocks.get(6)).isInstanceOf(GridPane.class);
        assertThat(((GridPane) blocks.get(6)).getChildren()).hasSize(4);
        assertThat(blocks.get(7)).isInstanceOf(Separator.class);
        assertThat(text(blocks.get(8))).isEqualTo("a diagram and <b>raw</b> html");
    }

    @Test
    void theFirstScreensComeFirstAndTheRestApart(FxRobot robot) {
        MarkdownNodes.Drawing drawing = onFx(() -> nodes.draw(LESSON, 10));

        assertThat(drawing.body().getChildren()).hasSize(2); // "Keys" (4 characters), then the paragraph passes 10
        assertThat(drawing.rest()).hasSize(7);
        assertThat(onFx(drawing::whole).getChildren()).hasSize(9);
        assertThat(onFx(() -> nodes.draw(LESSON, 0)).body().getChildren()).as("at least one block").hasSize(1);
    }

    @Test
    void emphasisCodeAndLinksKeepTheirStyles(FxRobot robot) {
        VBox lesson = onFx(() -> nodes.draw(LESSON));
        List<Text> runs = texts(lesson.getChildren().get(1));

        assertThat(run(runs, "primary key").getStyleClass()).contains("drawn-strong");
        assertThat(run(runs, "unique").getStyleClass()).contains("drawn-em");
        assertThat(run(runs, "student_id").getStyleClass()).contains("drawn-code");
        assertThat(run(runs, "the docs").getStyleClass()).contains("drawn-link");
    }

    @Test
    void aClickOnALinkHandsItsAddressOverAndOpensNothing(FxRobot robot) {
        VBox lesson = onFx(() -> nodes.draw(LESSON));
        Text link = run(texts(lesson.getChildren().get(1)), "the docs");

        robot.interact(() -> link.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, false, null)));

        assertThat(clicked).containsExactly("https://example.edu/keys");
    }

    @Test
    void theSampleCoursesLessonsLookLikeTheirPagesInBothThemes(FxRobot robot) throws IOException {
        String markdown = sampleLesson("02-tables-rows-columns.md");
        for (Theme theme : Theme.values()) {
            WritableImage image = onFx(() -> snapshot(markdown, theme));
            Path file = Path.of("target", "drawn-lesson-" + theme.name().toLowerCase(Locale.ROOT) + ".png");
            ImageIO.write(png(image), "png", file.toFile());

            Color background = image.getPixelReader().getColor(2, 2);
            assertThat(background).isEqualTo(theme == Theme.DARK ? Color.web("#161b22") : Color.WHITE);
        }
    }

    @Test
    void headingsAreBoldAndEmphasisItalicOnceStyled(FxRobot robot) {
        VBox lesson = onFx(() -> nodes.draw(LESSON));
        robot.interact(() -> styled(lesson, Theme.LIGHT));
        List<Text> runs = texts(lesson.getChildren().get(1));

        Text heading = texts(lesson.getChildren().get(0)).get(0);
        assertThat(heading.getFont().getSize()).isGreaterThan(run(runs, "unique").getFont().getSize() * 1.5);
        assertThat(heading.getFont().getStyle().toLowerCase(Locale.ROOT)).contains("bold");
        assertThat(run(runs, "unique").getFont().getStyle().toLowerCase(Locale.ROOT))
                .containsAnyOf("italic", "oblique", FontPosture.ITALIC.name().toLowerCase(Locale.ROOT));
        assertThat(run(runs, "the docs").isUnderline()).isTrue();
    }

    private WritableImage snapshot(String markdown, Theme theme) {
        ScrollPane page = new ScrollPane(nodes.draw(markdown));
        page.setFitToWidth(true);
        page.getStyleClass().add("drawn-lesson");
        Scene scene = styled(page, theme);
        return scene.getRoot().snapshot(null, null);
    }

    /** In a 900×700 scene with the player's sheets and {@code theme}, laid out. */
    private static Scene styled(Parent content, Theme theme) {
        BorderPane root = new BorderPane(content);
        root.getStylesheets().add(PlayerView.class.getResource("player.css").toExternalForm());
        Scene scene = new Scene(root, 900, 700);
        new Appearance(theme, 100).follow(scene);
        root.applyCss();
        root.layout();
        return scene;
    }

    private static String sampleLesson(String name) throws IOException {
        try (InputStream in = PlayerView.class.getResourceAsStream(
                "/edu/sevenp/desktop/sample/intro-to-relational-databases/lessons/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String text(Node block) {
        return texts(block).stream().map(Text::getText).collect(Collectors.joining());
    }

    private static List<Text> texts(Node block) {
        List<Text> found = new ArrayList<>();
        collect(block, found);
        return found;
    }

    private static void collect(Node node, List<Text> found) {
        if (node instanceof Text text) {
            found.add(text);
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
        }
    }

    private static Text run(List<Text> runs, String words) {
        return runs.stream().filter(text -> text.getText().equals(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no run \"" + words + "\" in " + runs));
    }

    private static List<String> markers(Node list) {
        return ((VBox) list).getChildren().stream()
                .map(row -> ((Label) ((javafx.scene.layout.HBox) row).getChildren().get(0)).getText())
                .toList();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, work);
    }

    /** For looking at: target/drawn-lesson-*.png. */
    private static BufferedImage png(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        return png;
    }
}
