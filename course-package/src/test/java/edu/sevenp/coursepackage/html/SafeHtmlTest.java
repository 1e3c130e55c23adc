package edu.sevenp.coursepackage.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeHtmlTest {

    @Test
    void keepsTextFormattingTablesAndCode() {
        String html = "<h2>Keys</h2><p>A <strong>primary</strong> key is <em>unique</em>.</p>"
                + "<table><thead><tr><th>id</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
                + "<pre><code class=\"language-sql\">SELECT 1;</code></pre><ul><li>one</li></ul>";

        assertThat(SafeHtml.clean(html)).isEqualTo(html);
    }

    @Test
    void removesScriptsStylesAndTheirContent() {
        String html = "<p>before</p><script>alert('x')</script><style>p { display: none }</style><p>after</p>";

        assertThat(SafeHtml.clean(html)).isEqualTo("<p>before</p><p>after</p>");
    }

    @Test
    void removesEventHandlersStyleAttributesAndJavascriptLinks() {
        String html = "<p onclick=\"steal()\" style=\"color:red\">text</p><a href=\"javascript:steal()\">link</a>";

        assertThat(SafeHtml.clean(html)).isEqualTo("<p>text</p><a rel=\"nofollow noopener noreferrer\">link</a>");
    }

    @Test
    void keepsWebLinksAndMarksThemNofollow() {
        assertThat(SafeHtml.clean("<a href=\"https://www.postgresql.org/docs/\" target=\"_top\">docs</a>"))
                .isEqualTo("<a href=\"https://www.postgresql.org/docs/\" rel=\"nofollow noopener noreferrer\">docs</a>");
    }

    @Test
    void removesFramesFormsImagesAndObjectsButKeepsTheirText() {
        String html = "<iframe src=\"https://example.org\"></iframe><form action=\"https://example.org\"><button>Go</button>"
                + "</form><img src=\"https://example.org/track.png\"><object data=\"x.swf\"></object><p>kept</p>";

        assertThat(SafeHtml.clean(html)).isEqualTo("Go<p>kept</p>");
    }

    @Test
    void takesTheBodyOfAWholeDocument() {
        String html = "<!DOCTYPE html><html><head><title>Title</title><meta http-equiv=\"refresh\" content=\"0;url=x\">"
                + "</head><body><h1>Lesson</h1></body></html>";

        assertThat(SafeHtml.clean(html)).isEqualTo("<h1>Lesson</h1>");
    }
}
