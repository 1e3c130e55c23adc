package edu.sevenp.desktop.ui.player;

import edu.sevenp.desktop.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Draws Markdown with JavaFX's own text nodes: the blocks and inlines {@code LessonHtml} renders from Markdown
 * (headings, paragraphs with emphasis, code and links, lists, quotes, code blocks, tables, rules). Images show their
 * alternative text; raw HTML shows as text, as the web page escapes it. Styled by player.css ({@code .drawn-lesson}).
 */
final class MarkdownNodes {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final String BULLET = String.valueOf('\u2022');
    /** Table cells up to this many characters keep to one line. */
    private static final int SHORT_CELL = 14;

    private final Consumer<String> linkClicked;
    private final Messages messages;

    /**
     * @param linkClicked takes a link's destination when the learner clicks it
     * @param messages the player's words (an ordered list's numbers)
     */
    MarkdownNodes(Consumer<String> linkClicked, Messages messages) {
        this.linkClicked = Objects.requireNonNull(linkClicked, "linkClicked");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The lesson's blocks, top to bottom. */
    VBox draw(String markdown) {
        return draw(markdown, Integer.MAX_VALUE).whole();
    }

    /**
     * The lesson's first blocks, up to about {@code firstCharacters} of text (at least one block), and the rest apart:
     * the first screen is laid out sooner, and the rest can follow once it shows.
     */
    Drawing draw(String markdown, int firstCharacters) {
        Node document = PARSER.parse(Objects.requireNonNull(markdown, "markdown"));
        VBox lesson = new VBox();
        lesson.getStyleClass().addAll("drawn-blocks", "drawn-lesson-body");
        List<javafx.scene.Node> rest = new ArrayList<>();
        int characters = 0;
        for (Node child = document.getFirstChild(); child != null; child = child.getNext()) {
            javafx.scene.Node block = block(child);
            if (block == null) {
                continue;
            }
            if (lesson.getChildren().isEmpty() || characters < firstCharacters) {
                lesson.getChildren().add(block);
                characters += characters(child);
            } else {
                rest.add(block);
            }
        }
        return new Drawing(lesson, List.copyOf(rest));
    }

    /** A lesson's first blocks in {@code body}, and the {@code rest} to append to it. */
    record Drawing(VBox body, List<javafx.scene.Node> rest) {
        /** The body with the rest appended. */
        VBox whole() {
            body.getChildren().addAll(rest);
            return body;
        }
    }

    /** About how much text a block shows (its literals' length). */
    private static int characters(Node node) {
        int count = node instanceof org.commonmark.node.Text text ? text.getLiteral().length()
                : node instanceof Code code ? code.getLiteral().length()
                : node instanceof FencedCodeBlock fenced ? fenced.getLiteral().length()
                : node instanceof IndentedCodeBlock indented ? indented.getLiteral().length() : 0;
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            count += characters(child);
        }
        return count;
    }

    private VBox blocks(Node parent) {
        VBox box = new VBox();
        box.getStyleClass().add("drawn-blocks");
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            javafx.scene.Node block = block(child);
            if (block != null) {
                box.getChildren().add(block);
            }
        }
        return box;
    }

    /** One block; null for what draws nothing (a link reference definition). */
    private javafx.scene.Node block(Node node) {
        if (node instanceof Heading heading) {
            return flow(heading, "drawn-h" + Math.min(heading.getLevel(), 4));
        } else if (node instanceof Paragraph) {
            return flow(node, "drawn-p");
        } else if (node instanceof BulletList) {
            return list(node, null);
        } else if (node instanceof OrderedList ordered) {
            Integer start = ordered.getMarkerStartNumber();
            return list(node, start == null ? 1 : start);
        } else if (node instanceof BlockQuote) {
            VBox quote = blocks(node);
            quote.getStyleClass().add("drawn-quote");
            return quote;
        } else if (node instanceof FencedCodeBlock fenced) {
            return code(fenced.getLiteral());
        } else if (node instanceof IndentedCodeBlock indented) {
            return code(indented.getLiteral());
        } else if (node instanceof HtmlBlock html) {
            TextFlow flow = new TextFlow(text(html.getLiteral().strip(), List.of()));
            flow.getStyleClass().add("drawn-p");
            return flow;
        } else if (node instanceof ThematicBreak) {
            return new Separator();
        } else if (node instanceof org.commonmark.ext.gfm.tables.TableBlock) {
            return table(node);
        } else if (node.getFirstChild() != null) {
            return blocks(node);
        }
        return null;
    }

    /** A list; numbered from {@code firstNumber}, or bulleted when it is null. */
    private VBox list(Node list, Integer firstNumber) {
        VBox items = new VBox();
        items.getStyleClass().add("drawn-list");
        int number = firstNumber == null ? 0 : firstNumber;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            Label marker = new Label(firstNumber == null ? BULLET : messages.format("drawnLesson.itemNumber", number++));
            marker.getStyleClass().add("drawn-marker");
            marker.setMinWidth(Label.USE_PREF_SIZE);
            VBox content = blocks(item);
            HBox.setHgrow(content, Priority.ALWAYS);
            HBox row = new HBox(marker, content);
            row.getStyleClass().add("drawn-item");
            items.getChildren().add(row);
        }
        return items;
    }

    private Label code(String literal) {
        String lines = literal.stripTrailing();
        Label code = new Label(lines);
        code.getStyleClass().add("drawn-code-block");
        code.setWrapText(true);
        code.setMaxWidth(Double.MAX_VALUE);
        return code;
    }

    private GridPane table(Node table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("drawn-table");
        List<TableRow> rows = new ArrayList<>();
        collectRows(table, rows);
        int columns = 0;
        for (int row = 0; row < rows.size(); row++) {
            int column = 0;
            for (Node cell = rows.get(row).getFirstChild(); cell != null; cell = cell.getNext()) {
                TextFlow flow = flow(cell, cell instanceof TableCell header && header.isHeader() ? "drawn-th" : "drawn-td");
                flow.setMaxWidth(Double.MAX_VALUE);
                if (characters(cell) <= SHORT_CELL) {
                    flow.setMinWidth(Region.USE_PREF_SIZE); // a short value or heading is not broken into letters
                }
                grid.add(flow, column++, row);
            }
            columns = Math.max(columns, column);
        }
        for (int column = 0; column < columns; column++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setHgrow(Priority.SOMETIMES);
            constraints.setFillWidth(true);
            grid.getColumnConstraints().add(constraints);
        }
        return grid;
    }

    private static void collectRows(Node parent, List<TableRow> rows) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow row) {
                rows.add(row);
            } else {
                collectRows(child, rows);
            }
        }
    }

    /** A block of inlines (a paragraph, a heading, a table cell) as one flow of text. */
    private TextFlow flow(Node block, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        inlines(block, flow, List.of());
        return flow;
    }

    private void inlines(Node parent, TextFlow flow, List<String> styles) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof org.commonmark.node.Text text) {
                flow.getChildren().add(text(text.getLiteral(), styles));
            } else if (node instanceof Code code) {
                flow.getChildren().add(text(code.getLiteral(), with(styles, "drawn-code")));
            } else if (node instanceof Emphasis) {
                inlines(node, flow, with(styles, "drawn-em"));
            } else if (node instanceof StrongEmphasis) {
                inlines(node, flow, with(styles, "drawn-strong"));
            } else if (node instanceof Link link) {
                int first = flow.getChildren().size();
                inlines(node, flow, with(styles, "drawn-link"));
                for (javafx.scene.Node part : flow.getChildren().subList(first, flow.getChildren().size())) {
                    part.setCursor(Cursor.HAND);
                    part.setOnMouseClicked(event -> linkClicked.accept(link.getDestination()));
                }
            } else if (node instanceof Image) {
                inlines(node, flow, with(styles, "drawn-image"));
            } else if (node instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", styles));
            } else if (node instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", styles));
            } else if (node instanceof HtmlInline html) {
                flow.getChildren().add(text(html.getLiteral(), styles));
            } else {
                inlines(node, flow, styles);
            }
        }
    }

    private static Text text(String literal, List<String> styles) {
        Text text = new Text(literal);
        text.getStyleClass().add("drawn-text");
        text.getStyleClass().addAll(styles);
        return text;
    }

    private static List<String> with(List<String> styles, String style) {
        List<String> more = new ArrayList<>(styles);
        more.add(style);
        return List.copyOf(more);
    }
}
