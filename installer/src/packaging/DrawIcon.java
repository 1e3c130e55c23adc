import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the player's icon (a rounded square with "7P" on an open book's two pages) once, to the PNG committed
 * beside this file: java installer/src/packaging/DrawIcon.java installer/src/packaging/sevenp.png
 * Kept so the icon can be redrawn at another size; the build uses the committed PNG and never runs this.
 */
public final class DrawIcon {

    public static void main(String[] arguments) throws IOException {
        int size = 256;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);

        g.setPaint(new GradientPaint(0, 0, new Color(0x2F6FD6), 0, size, new Color(0x1B3F8F)));
        g.fill(new RoundRectangle2D.Double(8, 8, size - 16, size - 16, 56, 56));

        // An open book: two pale pages meeting at a spine.
        g.setColor(new Color(0xF4F7FC));
        g.fillRoundRect(40, 150, 84, 62, 12, 12);
        g.fillRoundRect(132, 150, 84, 62, 12, 12);
        g.setColor(new Color(0x1B3F8F));
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(128, 150, 128, 212);

        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 118));
        FontMetrics metrics = g.getFontMetrics();
        String text = "7P";
        g.drawString(text, (size - metrics.stringWidth(text)) / 2, 132);
        g.dispose();

        ImageIO.write(image, "png", new File(arguments[0]));
    }
}
