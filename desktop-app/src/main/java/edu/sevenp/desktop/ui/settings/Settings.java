package edu.sevenp.desktop.ui.settings;

import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.common.Theme;
import java.util.Locale;
import java.util.Objects;

/**
 * The learner's settings of the player: theme, text size, language and the sync server to sign in to. Kept per
 * profile; the launcher reads them before any window is built (the language applies from the start).
 *
 * @param textSize percent, 100 to 200
 * @param server the sync server the sign-in dialog proposes (empty: none chosen yet)
 */
public record Settings(Theme theme, int textSize, Language language, String server) {

    /** The text sizes offered, in percent. */
    public static final int[] TEXT_SIZES = {100, 125, 150, 175, 200};

    public Settings {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(server, "server");
        textSize = offered(textSize);
        server = server.strip();
    }

    /** The offered size nearest to {@code percent} (a file edited by hand may hold any number). */
    public static int offered(int percent) {
        int nearest = TEXT_SIZES[0];
        for (int size : TEXT_SIZES) {
            if (Math.abs(size - percent) < Math.abs(nearest - percent)) {
                nearest = size;
            }
        }
        return nearest;
    }

    /** A new profile's: light, 100 %, the computer's language when the player speaks it, no server. */
    public static Settings defaults(Locale system) {
        return new Settings(Theme.LIGHT, Appearance.MIN_TEXT_SIZE, Language.of(system), "");
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(newTheme, textSize, language, server);
    }

    public Settings withTextSize(int newTextSize) {
        return new Settings(theme, newTextSize, language, server);
    }

    public Settings withLanguage(Language newLanguage) {
        return new Settings(theme, textSize, newLanguage, server);
    }

    public Settings withServer(String newServer) {
        return new Settings(theme, textSize, language, newServer);
    }
}
