package edu.sevenp.desktop.ui.search;

import static edu.sevenp.desktop.ui.testing.SampleCourseStore.KEYS_LESSON;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.search.HitType;
import edu.sevenp.desktop.search.SearchHit;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.testing.SampleCourseStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Searches the bundled sample course in the search pane (headless, Monocle), with the real 200 ms debounce. */
@ExtendWith(ApplicationExtension.class)
class SearchViewIT {

    private final List<SearchHit> opened = new CopyOnWriteArrayList<>();
    private SampleCourseStore sample;
    private SearchService search;
    private SearchViewModel viewModel;

    @Start
    void start(Stage stage) {
        sample = SampleCourseStore.open();
        search = SearchService.open(sample.store(), Runnable::run, status -> { });
        viewModel = new SearchViewModel(() -> search, sample.learning().courses(), UiExecutors.sameThread(),
                new FxUiScheduler(), opened::add);
        SearchView view = new SearchView(viewModel);
        stage.setScene(new Scene(view.root(), 800, 600));
        stage.show();
        viewModel.start();
        view.focus();
    }

    @AfterEach
    void close() {
        search.close();
        sample.close();
    }

    @Test
    void typingShowsHitsWithMarkedSnippetsAndEnterOpensOne(FxRobot robot) {
        robot.write("primary key");
        ListView<?> results = robot.lookup("#searchResults").queryAs(ListView.class);
        await(() -> !results.getItems().isEmpty(), "results for \"primary key\"");

        // The list's cells are laid out a pulse after its items change.
        await(() -> robot.lookup("Keys: Identifying Every Row").tryQuery().isPresent(), "the Keys lesson's cell");
        assertThat(robot.lookup(".snippet-mark").queryAllAs(Text.class)).extracting(Text::getText)
                .anyMatch(word -> word.equalsIgnoreCase("primary") || word.equalsIgnoreCase("primary key"));
        assertThat(robot.lookup(".snippet").queryAs(TextFlow.class).getChildren()).hasSizeGreaterThan(1);

        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(results.isFocused()).isTrue();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(opened).containsExactly(((SearchRow) results.getItems().get(0)).hit());
    }

    @Test
    void aNewNoteIsFoundOnceTheIndexCatchesUp(FxRobot robot) {
        robot.interact(() -> sample.learning().notes().create(KEYS_LESSON, "Zebra crossings remind me of composite keys", null));

        robot.write("zebra");
        ListView<?> results = robot.lookup("#searchResults").queryAs(ListView.class);
        await(() -> !results.getItems().isEmpty(), "the note to be found");

        SearchRow note = (SearchRow) results.getItems().get(0);
        assertThat(List.of(note.type(), note.title())).containsExactly(HitType.NOTE, "Keys: Identifying Every Row");
        await(() -> robot.lookup("Note").tryQuery().isPresent(), "the note's cell with its type");
    }

    @Test
    void escapeClearsTheField(FxRobot robot) {
        robot.write("primary");
        ListView<?> results = robot.lookup("#searchResults").queryAs(ListView.class);
        await(() -> !results.getItems().isEmpty(), "results for \"primary\"");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#searchField").queryAs(TextField.class).getText()).isEmpty();
        assertThat(results.getItems()).isEmpty();
    }

    private static void await(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }
}
