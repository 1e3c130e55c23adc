package edu.sevenp.desktop.search;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A lesson's Markdown as the words a reader sees: text, code and image descriptions, one block a line;
 * no markup, no link targets, no raw HTML (which the player shows as text but which is mostly tags).
 */
final class MarkdownText {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    String plainText(String markdown) {
        StringBuilder text = new StringBuilder(markdown.length());
        parser.parse(markdown).accept(new Collector(text));
        return text.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n[\\s]*", "\n").strip();
    }

    private static final class Collector extends AbstractVisitor {

        private final StringBuilder text;

        Collector(StringBuilder text) {
            this.text = text;
        }

        @Override
        public void visit(Text node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(Code node) {
            text.append(node.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock node) {
            block(node.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock node) {
            block(node.getLiteral());
        }

        @Override
        public void visit(HtmlBlock node) {
            // markup, not words
        }

        @Override
        public void visit(HtmlInline node) {
            // markup, not words
        }

        @Override
        public void visit(SoftLineBreak node) {
            text.append(' ');
        }

        @Override
        public void visit(HardLineBreak node) {
            text.append('\n');
        }

        @Override
        public void visit(ThematicBreak node) {
            text.append('\n');
        }

        @Override
        public void visit(Paragraph node) {
            children(node);
        }

        @Override
        public void visit(Heading node) {
            children(node);
        }

        @Override
        public void visit(ListItem node) {
            children(node);
        }

        /** Table rows and the like. */
        @Override
        public void visit(CustomBlock node) {
            children(node);
        }

        /** Table rows a line each; words of neighbouring cells must not run together. */
        @Override
        public void visit(CustomNode node) {
            visitChildren(node);
            if (node instanceof TableRow) {
                text.append('\n');
            } else if (node instanceof TableCell) {
                text.append(' ');
            }
        }

        private void children(Block node) {
            visitChildren(node);
            text.append('\n');
        }

        private void block(String literal) {
            text.append(literal).append('\n');
        }
    }
}
