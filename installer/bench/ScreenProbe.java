import java.awt.Color;
import java.awt.Robot;

/**
 * Waits until the screen shows the player window: the pixel at (x, y) of the X display in DISPLAY has the course
 * header's colour (#102a43, or #0b1a2b in the dark theme, within a small tolerance), then prints the milliseconds since
 * the epoch and exits 0; exits 1 after the timeout. It polls every 10 ms: the X screen says nothing when a window
 * draws, and faster polling took processor time from the player. For installed-start.sh; run as
 * `java ScreenProbe.java X Y SECONDS`.
 * The header and the first lesson are in the player window's first frame (the lesson is read while the window is
 * built), so the header's appearance is the first lesson's.
 */
public final class ScreenProbe {

    private static final Color[] HEADER = {new Color(0x10, 0x2a, 0x43), new Color(0x0b, 0x1a, 0x2b)};

    public static void main(String[] args) throws Exception {
        int x = Integer.parseInt(args[0]);
        int y = Integer.parseInt(args[1]);
        long deadline = System.currentTimeMillis() + Long.parseLong(args[2]) * 1000;
        Robot robot = new Robot();
        System.out.println("ready");
        while (System.currentTimeMillis() < deadline) {
            Color pixel = robot.getPixelColor(x, y);
            for (Color header : HEADER) {
                if (Math.abs(pixel.getRed() - header.getRed()) + Math.abs(pixel.getGreen() - header.getGreen())
                        + Math.abs(pixel.getBlue() - header.getBlue()) < 12) {
                    System.out.println(System.currentTimeMillis());
                    return;
                }
            }
            Thread.sleep(10);
        }
        System.exit(1);
    }
}
