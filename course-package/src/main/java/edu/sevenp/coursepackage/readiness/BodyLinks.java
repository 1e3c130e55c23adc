package edu.sevenp.coursepackage.readiness;

import edu.sevenp.model.LessonFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What a lesson body links to (with the line of each link), the anchors it offers others to link to, and how many
 * words it has. Markdown is scanned line by line (inline links and images, reference definitions; not inside code),
 * which is all a warning needs; HTML is parsed by jsoup with source positions.
 */
record BodyLinks(List<Link> links, Set<String> anchors, int words) {

    static final BodyLinks NONE = new BodyLinks(List.of(), Set.of(), 0);

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    /** {@code [text](target "title")} and {@code ![alt](target)}; link texts holding brackets are rare enough to miss. */
    private static final Pattern INLINE = Pattern.compile(
            "(!?)\\[[^\\]]*+\\]\\(\\s*(<[^>]*+>|[^)\\s]++)(?:\\s+(?:\"[^\"]*+\"|'[^']*+'))?\\s*\\)");
    private static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+).*");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");

    BodyLinks {
        links = List.copyOf(links);
        anchors = Set.copyOf(anchors);
    }

    /**
     * A link or image target as written.
     *
     * @param line its line in the body file (1 for the first)
     * @param image whether the body shows the file ({@code ![..](..)}, {@code <img>}) rather than links to it
     */
    record Link(String target, int line, boolean image) {
    }

    static BodyLinks of(String body, LessonFormat format) {
        return format == LessonFormat.HTML ? html(body) : markdown(body);
    }

    private static BodyLinks markdown(String body) {
        List<Link> links = new ArrayList<>();
        Anchors anchors = new Anchors();
        StringBuilder prose = new StringBuilder();
        boolean inCode = false;
        String[] lines = body.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            // Each pattern runs only on lines that could match it: 500 lessons have tens of thousands of lines.
            if ((line.contains("```") || line.contains("~~~")) && FENCE.matcher(line).matches()) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                prose.append(line).append('\n'); // code takes reading time too
                continue;
            }
            String text = line.indexOf('`') < 0 ? line : CODE_SPAN.matcher(line).replaceAll(" ");
            if (text.indexOf('#') >= 0) {
                Matcher heading = HEADING.matcher(text);
                if (heading.matches()) {
                    anchors.addHeading(heading.group(1));
                }
            }
            if (text.indexOf('[') < 0) {
                prose.append(text).append('\n');
                continue;
            }
            Matcher definition = DEFINITION.matcher(text);
            if (definition.matches()) {
                links.add(new Link(unbracket(definition.group(1)), i + 1, false));
                continue;
            }
            Matcher inline = INLINE.matcher(text);
            StringBuilder words = new StringBuilder();
            while (inline.find()) {
                links.add(new Link(unbracket(inline.group(2)), i + 1, !inline.group(1).isEmpty()));
                inline.appendReplacement(words, " ");
            }
            inline.appendTail(words);
            prose.append(words).append('\n');
        }
        return new BodyLinks(links, anchors.all(), countWords(prose.toString()));
    }

    private static BodyLinks html(String body) {
        Document document = Jsoup.parse(body, "", Parser.htmlParser().setTrackPosition(true));
        List<Link> links = new ArrayList<>();
        for (Element link : document.select("a[href], img[src]")) {
            boolean image = link.normalName().equals("img");
            links.add(new Link(link.attr(image ? "src" : "href").trim(), Math.max(1, link.sourceRange().start().lineNumber()),
                    image));
        }
        Anchors anchors = new Anchors();
        document.select("[id]").forEach(element -> anchors.add(element.id()));
        document.select("a[name]").forEach(element -> anchors.add(element.attr("name")));
        document.select("h1, h2, h3, h4, h5, h6").forEach(element -> anchors.addHeading(element.text()));
        return new BodyLinks(links, anchors.all(), countWords(document.text()));
    }

    private static String unbracket(String target) {
        return target.startsWith("<") && target.endsWith(">") ? target.substring(1, target.length() - 1) : target;
    }

    /** Runs of letters and digits (with inner apostrophes and hyphens): "don't" and "e-mail" are one word each. */
    static int countWords(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    count++;
                    inWord = true;
                }
            } else if (!(inWord && (c == '\'' || c == '\u2019' || c == '-'))) {
                inWord = false;
            }
        }
        return count;
    }

    /** Anchors as Markdown renderers commonly make them from headings: "Keys & Rows" is {@code #keys--rows}, a repeat gets -1. */
    private static final class Anchors {

        private final Set<String> anchors = new LinkedHashSet<>();
        private final Map<String, Integer> headings = new HashMap<>();

        void add(String anchor) {
            anchors.add(anchor);
        }

        void addHeading(String heading) {
            String slug = heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").trim().replace(' ', '-');
            int seen = headings.merge(slug, 1, Integer::sum);
            anchors.add(seen == 1 ? slug : slug + "-" + (seen - 1));
        }

        Set<String> all() {
            return anchors;
        }
    }
}
