package edu.sevenp.desktop.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StatusBoardTest {

    private final StatusBoard<String, Consumer<String>> board = new StatusBoard<>("idle", Consumer::accept, "test");

    @Test
    void aListenerHearsTheCurrentStatusAtOnceThenEveryChangeInOrderWithoutRepeats() {
        List<String> heard = new ArrayList<>();
        board.add(heard::add);

        board.publish("busy");
        board.publish("busy");
        assertThat(board.update(status -> status + " 50%")).isEqualTo("busy 50%");

        assertThat(heard).containsExactly("idle", "busy", "busy 50%");
        assertThat(board.current()).isEqualTo("busy 50%");
    }

    @Test
    void aFailingListenerNeitherStopsTheOthersNorTheChange() {
        List<String> heard = new ArrayList<>();
        board.add(status -> {
            if (status.equals("busy")) {
                throw new IllegalStateException("listener broke");
            }
        });
        board.add(heard::add);

        board.publish("busy");

        assertThat(heard).containsExactly("idle", "busy");
        assertThat(board.current()).isEqualTo("busy");
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        List<String> heard = new ArrayList<>();
        Consumer<String> listener = heard::add;
        board.add(listener);
        board.remove(listener);

        board.publish("busy");

        assertThat(heard).containsExactly("idle");
    }
}
