package edu.sevenp.desktop.ui.search;

import edu.sevenp.desktop.search.Snippet;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** A snippet as text with its matched words marked (style class {@code snippet-mark}). */
final class SnippetFlow {

    private SnippetFlow() {
    }

    static TextFlow of(Snippet snippet) {
        List<Text> pieces = new ArrayList<>();
        int at = 0;
        for (Snippet.Mark mark : snippet.marks()) {
            if (mark.start() > at) {
                pieces.add(piece(snippet.text().substring(at, mark.start()), "snippet-text"));
            }
            pieces.add(piece(snippet.text().substring(mark.start(), mark.end()), "snippet-mark"));
            at = mark.end();
        }
        if (at < snippet.text().length()) {
            pieces.add(piece(snippet.text().substring(at), "snippet-text"));
        }
        TextFlow flow = new TextFlow(pieces.toArray(Text[]::new));
        flow.getStyleClass().add("snippet");
        // Screen readers get the words with the matches named, as the highlight is only visual.
        flow.setAccessibleText(snippet.marked("", ""));
        return flow;
    }

    private static Text piece(String text, String styleClass) {
        Text piece = new Text(text);
        piece.getStyleClass().add(styleClass);
        return piece;
    }
}
