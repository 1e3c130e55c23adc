package edu.sevenp.coursepackage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every value in a JSON document, by JSON pointer ({@code /sections/0/title}), so that a
 * validator working on the parsed tree can still say where a problem is. Jackson's tree model keeps
 * no locations, so the document is scanned once more with the streaming parser. Public for the readiness
 * report, which locates its warnings the same way.
 */
public final class JsonLocations {

    private final Map<String, Integer> lines;

    private JsonLocations(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Indexes a document that is already known to be well-formed JSON. */
    public static JsonLocations index(String json) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token != JsonToken.FIELD_NAME && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
                    // For a container the pointer names the container itself: its parent's view of it.
                    pointer = parser.getParsingContext().getParent() == null
                            ? "" : parser.getParsingContext().getParent().pathAsPointer().toString();
                }
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        }
        return new JsonLocations(lines);
    }

    /** The line of {@code pointer}, or of its nearest enclosing value, or 0 for an empty document. */
    public int lineOf(String pointer) {
        String current = pointer;
        while (true) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            if (current.isEmpty()) {
                return 0;
            }
            current = current.substring(0, current.lastIndexOf('/'));
        }
    }

    /** {@code /sections/0/lessons/2/order} reads as {@code sections[0].lessons[2].order}, as problems name fields. */
    public static String fieldOf(String pointer) {
        return ManifestProblems.field(pointer);
    }
}
