package edu.sevenp.desktop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void marksTheRangesBetweenGuillemets() {
        Snippet snippet = new Snippet("inner join keeps rows", List.of(new Snippet.Mark(0, 5), new Snippet.Mark(17, 21)));

        assertThat(snippet.marked()).isEqualTo("«inner» join keeps «rows»");
        assertThat(snippet.marked("<b>", "</b>")).isEqualTo("<b>inner</b> join keeps <b>rows</b>");
    }

    @Test
    void refusesMarksOutOfOrderOrOutsideTheText() {
        assertThatThrownBy(() -> new Snippet("abc", List.of(new Snippet.Mark(2, 3), new Snippet.Mark(0, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Snippet("abc", List.of(new Snippet.Mark(1, 4))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
