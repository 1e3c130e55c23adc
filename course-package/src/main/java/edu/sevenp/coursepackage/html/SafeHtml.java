package edu.sevenp.coursepackage.html;

import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Reduces an HTML lesson body to text formatting: headings, paragraphs, lists, tables, code, quotes
 * and links to the web. Everything else is removed, with the text it holds kept where it is text:
 * scripts, styles, event handlers, frames, forms, images, embedded objects and every attribute not
 * listed here. Packages come from disk; the player shows their HTML with JavaScript off, and this is
 * the second wall. docs/course-package.md lists what is kept.
 */
public final class SafeHtml {

    private static final Safelist ALLOWED = Safelist.relaxed()
            // Images would load from anywhere on the network (or nowhere, offline): not in format 2.
            .removeTags("img")
            .removeProtocols("a", "href", "ftp")
            .addTags("hr", "s", "del", "ins", "mark", "kbd", "samp", "var", "abbr", "figure", "figcaption")
            .addAttributes("abbr", "title")
            // A language hint for code blocks, as Markdown's renderer writes it (class="language-sql").
            .addAttributes("code", "class")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private SafeHtml() {
    }

    /** The body of {@code html} (a fragment or a whole document) with only the allowed elements left. */
    public static String clean(String html) {
        Objects.requireNonNull(html, "html");
        Document cleaned = new Cleaner(ALLOWED).clean(Jsoup.parse(html));
        cleaned.outputSettings().prettyPrint(false);
        return cleaned.body().html();
    }

    /** The words of {@code html} without any markup, for indexing. */
    public static String plainText(String html) {
        Objects.requireNonNull(html, "html");
        return Jsoup.parse(html).text();
    }
}
