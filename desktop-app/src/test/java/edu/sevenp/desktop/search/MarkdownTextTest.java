package edu.sevenp.desktop.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    private final MarkdownText markdown = new MarkdownText();

    @Test
    void keepsTheWordsAndDropsTheMarkup() {
        String lesson = """
                # Keys and *joins*

                A **primary key** names a row; see [the manual](https://example.com/manual "Manual").
                Line two of the paragraph.

                - first item
                - second `code` item

                ![an ER diagram](diagram.png)

                <div class="note">raw html</div>

                | column | meaning |
                |--------|---------|
                | id     | the key |

                ```sql
                SELECT id FROM students;
                ```
                """;

        assertThat(markdown.plainText(lesson)).isEqualTo("""
                Keys and joins
                A primary key names a row; see the manual. Line two of the paragraph.
                first item
                second code item
                an ER diagram
                column meaning
                id the key
                SELECT id FROM students;""");
    }

    @Test
    void emptyMarkdownIsEmptyText() {
        assertThat(markdown.plainText("")).isEmpty();
    }
}
