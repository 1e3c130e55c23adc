package edu.sevenp.desktop.content;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.model.LessonFormat;
import org.junit.jupiter.api.Test;

class LessonHtmlTest {

    private final LessonHtml lessonHtml = new LessonHtml();

    @Test
    void markdownIsRenderedWithRawHtmlShownAsText() {
        String page = lessonHtml.render("# Joins\n\n<script>alert(1)</script>\n", LessonFormat.MARKDOWN);

        assertThat(articleOf(page)).isEqualTo("<h1>Joins</h1>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    }

    @Test
    void htmlIsReducedToTheSafeElementsEvenWhenTheStoreHoldsUncleanHtml() {
        String page = lessonHtml.render("<h1>Joins</h1><script>alert(1)</script><p onmouseover=\"x()\">text</p>",
                LessonFormat.HTML);

        assertThat(articleOf(page)).isEqualTo("<h1>Joins</h1><p>text</p>");
    }

    @Test
    void aNoticeIsEscapedText() {
        String page = lessonHtml.notice("No <text> yet");

        assertThat(articleOf(page)).isEqualTo("<p class=\"notice\">No &lt;text&gt; yet</p>");
    }

    private static String articleOf(String page) {
        String start = "<article class=\"lesson\">";
        return page.substring(page.indexOf(start) + start.length(), page.lastIndexOf("</article>"));
    }
}
