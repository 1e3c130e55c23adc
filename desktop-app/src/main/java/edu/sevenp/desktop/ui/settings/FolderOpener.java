package edu.sevenp.desktop.ui.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Shows a folder in the computer's file manager. */
@FunctionalInterface
public interface FolderOpener {

    /** @throws IOException when no file manager could be started */
    void open(Path folder) throws IOException;

    /**
     * The computer's own file manager: Explorer on Windows, Finder on macOS, and on Linux whatever {@code xdg-open}
     * chooses. A process rather than AWT's {@code Desktop}, which needs AWT beside JavaFX and GNOME's libraries.
     */
    static FolderOpener system() {
        return folder -> {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            List<String> command = os.contains("win") ? List.of("explorer.exe", folder.toString())
                    : os.contains("mac") ? List.of("open", folder.toString())
                    : List.of("xdg-open", folder.toString());
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        };
    }
}
