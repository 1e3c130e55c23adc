package edu.sevenp.desktop.ui.preview;

import edu.sevenp.coursepackage.readiness.ReadinessReport;
import edu.sevenp.desktop.preview.PackageWatcher;
import edu.sevenp.desktop.preview.PreviewLoad;
import edu.sevenp.desktop.ui.PlayerServices;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A course package opened for preview, as the launcher wires it (the {@code ui} packages open no store): the player's
 * services over a throw-away store, the package read into it again on demand, and a watch on its files.
 */
public interface PreviewSource extends AutoCloseable {

    /** The package folder or {@code .zip} file previewed. */
    Path location();

    /** The player's services over the preview's own store, which holds this package's course only. */
    PlayerServices services();

    /** Reads the package again and puts it into the preview's store in place of the last one; off the UI thread. */
    PreviewLoad load();

    /** Checks the package as {@code --validate} does: its errors, warnings and totals; off the UI thread. */
    ReadinessReport readiness();

    /**
     * Watches the package's files.
     *
     * @param changed told (on a thread of the watch) once a burst of changes has settled
     * @return stops watching when closed
     */
    PackageWatcher watch(Runnable changed) throws IOException;

    /** Closes the services and deletes the preview's store: nothing done in the preview is kept. */
    @Override
    void close();
}
