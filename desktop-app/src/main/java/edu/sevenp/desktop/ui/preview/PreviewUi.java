package edu.sevenp.desktop.ui.preview;

import edu.sevenp.desktop.ui.DesktopUi;
import edu.sevenp.desktop.ui.common.Appearance;
import edu.sevenp.desktop.ui.settings.SettingsContext;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code --preview <folder|zip>}: the preview window alone, no profile screen, until it is closed. Like
 * {@link DesktopUi}, it starts JavaFX itself, so the launcher stays a plain class.
 */
public final class PreviewUi {

    private PreviewUi() {
    }

    /**
     * Shows the preview of the package {@code source} opens and waits until it is closed and its store deleted.
     *
     * @param source opens the package for preview (here, on the calling thread, before the window shows)
     * @param settings the settings the preview starts with (the theme and text size its windows follow)
     */
    public static void showAndWait(Supplier<PreviewSource> source, SettingsContext settings) throws InterruptedException {
        PreviewSource opened = source.get();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        try {
            Platform.setImplicitExit(true);
            Platform.startup(() -> {
                try {
                    Appearance appearance = settings.appearance();
                    appearance.followAllWindows();
                    PreviewWindow window = new PreviewWindow(new Stage(), opened, settings);
                    window.closed().whenComplete((done, failure) -> {
                        if (failure != null) {
                            closed.completeExceptionally(failure);
                        } else {
                            closed.complete(null);
                        }
                    });
                    window.show();
                } catch (RuntimeException e) {
                    closed.completeExceptionally(e);
                }
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            opened.close();
            throw new DesktopUi.NoDisplayException(e);
        }
        try {
            closed.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The preview failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            // Closing the window deleted the store; after a failure it may not have.
            opened.close();
            Platform.exit();
        }
    }
}
