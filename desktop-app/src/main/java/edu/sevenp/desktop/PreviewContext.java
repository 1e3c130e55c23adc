package edu.sevenp.desktop;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.coursepackage.readiness.ReadinessCheck;
import edu.sevenp.coursepackage.readiness.ReadinessReport;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.library.PackageImport;
import edu.sevenp.desktop.preview.PackageLoader;
import edu.sevenp.desktop.preview.PackageWatcher;
import edu.sevenp.desktop.preview.PreviewLoad;
import edu.sevenp.desktop.preview.PreviewStore;
import edu.sevenp.desktop.preview.PreviewSync;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.media.CourseDownloads;
import edu.sevenp.desktop.sync.media.MediaDownloader;
import edu.sevenp.desktop.ui.PlayerServices;
import edu.sevenp.desktop.ui.preview.PreviewSource;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A preview of a course package, wired (issue 11): a {@link PreviewStore} in memory with a temporary media folder,
 * never a profile of the data folder; the player's services over it, with search and a sync engine that never reaches a server
 * ({@link PreviewSync}); the package read into it again at each change ({@link PackageLoader}). Closing deletes it all.
 */
public final class PreviewContext implements PreviewSource {

    private static final Logger LOG = LoggerFactory.getLogger(PreviewContext.class);

    private final PreviewStore preview;
    private final PackageLoader loader;
    private final ReadinessCheck readiness = new ReadinessCheck(JsonMapperFactory.createStrict());
    private final PlayerServices services;
    private final CompletableFuture<SearchService> search;
    private final SyncService sync;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** A player ended without closing its windows (killed, logged out) still deletes the preview's folder. */
    private final Thread cleanUp = new Thread(this::close, "preview-clean-up");

    private PreviewContext(PreviewStore preview, Path location) {
        this.preview = preview;
        LocalStore store = preview.store();
        CoursePackageReader reader = new CoursePackageReader(JsonMapperFactory.createStrict());
        this.loader = new PackageLoader(reader, store.importer(), location);
        Clock clock = Clock.systemUTC();
        this.search = CompletableFuture.supplyAsync(() -> SearchService.open(store), runnable -> {
            Thread opening = new Thread(runnable, "preview-search-open");
            opening.setDaemon(true);
            opening.start();
        });
        this.sync = PreviewSync.over(store, Installation.ofThisComputer(AppVersion.current()), clock);
        this.services = new PlayerServices(LearningServices.over(store, clock), new LibraryService(store.courses()),
                search::join, sync, new CourseDownloads(sync, store, MediaDownloader.forStore(store)),
                new PackageImport(reader, store.importer()), null, this::close);
    }

    /** Makes the preview's store (empty: {@link #load()} reads the package into it); call it off the UI thread. */
    public static PreviewContext open(Path location) {
        Objects.requireNonNull(location, "location");
        PreviewStore preview = PreviewStore.create();
        try {
            PreviewContext context = new PreviewContext(preview, location);
            Runtime.getRuntime().addShutdownHook(context.cleanUp);
            return context;
        } catch (RuntimeException e) {
            preview.close();
            throw e;
        }
    }

    @Override
    public Path location() {
        return loader.location();
    }

    @Override
    public PlayerServices services() {
        return services;
    }

    @Override
    public synchronized PreviewLoad load() {
        return loader.load();
    }

    @Override
    public ReadinessReport readiness() {
        try {
            return readiness.check(loader.location(), PackagePurpose.IMPORT);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check " + loader.location(), e);
        }
    }

    @Override
    public PackageWatcher watch(Runnable changed) throws IOException {
        return PackageWatcher.start(loader.location(), PackageWatcher.QUIET, changed);
    }

    /** The preview's temporary folder (its media files), deleted by {@link #close()}. */
    public Path storeFolder() {
        return preview.folder();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return; // the window's services and the preview itself both close it
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        } catch (IllegalStateException shuttingDown) {
            // This close is the hook itself, as the program ends: there is nothing left to unregister.
            LOG.debug("Closing the preview of {} as the program ends", loader.location());
        }
        try {
            sync.close();
            SearchService opened = search.exceptionally(failure -> null).join();
            if (opened != null) {
                opened.close();
            }
        } finally {
            preview.close();
        }
    }
}
