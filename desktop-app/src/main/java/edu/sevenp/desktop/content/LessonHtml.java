package edu.sevenp.desktop.content;

import edu.sevenp.coursepackage.html.SafeHtml;
import edu.sevenp.model.LessonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns a lesson's body into a complete, styled HTML page for the lesson view. Raw HTML in Markdown
 * is escaped and link targets are sanitised; an HTML body is reduced to {@link SafeHtml}'s elements
 * (again: the importer already did, but the page must be safe whatever put the body in the store).
 * Packages come from disk, and nothing in them may run script inside the player.
 */
public final class LessonHtml {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final String ROOT = "<html>";
    private final String stylesheet;

    public LessonHtml() {
        this.stylesheet = readStylesheet();
    }

    /** The lesson as a standalone HTML document. */
    public String render(String lessonBody, LessonFormat format) {
        Objects.requireNonNull(lessonBody, "lessonBody");
        Objects.requireNonNull(format, "format");
        String body = switch (format) {
            case MARKDOWN -> renderer.render(parser.parse(lessonBody));
            case HTML -> SafeHtml.clean(lessonBody);
        };
        return page(body);
    }

    /** A page that says {@code message} where the lesson's text would be (a lesson with an empty body). */
    public String notice(String message) {
        Objects.requireNonNull(message, "message");
        return page("<p class=\"notice\">" + escape(message) + "</p>");
    }

    private String page(String body) {
        return "<!DOCTYPE html>" + ROOT + "<head><meta charset=\"utf-8\"><style>" + stylesheet + "</style></head>"
                + "<body><article class=\"lesson\">" + body + "</article></body></html>";
    }

    /**
     * {@code page} (made here) with {@code themeClass} on its root element, such as {@code theme-dark}: lesson-dark.css
     * styles the page under {@code html.theme-dark}. The view applies it as it loads a page, so that a dark page
     * never shows white first.
     */
    public static String withTheme(String page, String themeClass) {
        Objects.requireNonNull(page, "page");
        if (!themeClass.matches("[a-z-]+")) {
            throw new IllegalArgumentException("not a class name: " + themeClass);
        }
        int root = page.indexOf(ROOT);
        return root < 0 ? page : page.substring(0, root) + "<html class=\"" + themeClass + "\">"
                + page.substring(root + ROOT.length());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** lesson.css, then lesson-dark.css (the dark theme's colours, all under {@code html.theme-dark}). */
    private static String readStylesheet() {
        return read("lesson.css") + "\n" + read("lesson-dark.css");
    }

    private static String read(String name) {
        try (InputStream css = LessonHtml.class.getResourceAsStream(name)) {
            if (css == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            return new String(css.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
