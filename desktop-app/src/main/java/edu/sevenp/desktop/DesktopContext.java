package edu.sevenp.desktop;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.institution.InstitutionConfig;
import edu.sevenp.desktop.library.BundledCourse;
import edu.sevenp.desktop.library.CoursePackageFolder;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.library.PackageImport;
import edu.sevenp.desktop.network.NetworkSettings;
import edu.sevenp.desktop.search.SearchService;
import edu.sevenp.desktop.store.ImportSummary;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.sync.CredentialFile;
import edu.sevenp.desktop.sync.Installation;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.client.HttpSyncApi;
import edu.sevenp.desktop.sync.media.CourseDownloads;
import edu.sevenp.desktop.sync.media.MediaDownloader;
import edu.sevenp.desktop.ui.PlayerServices;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The player's services for one profile, wired once: the local store (opened and migrated), the
 * bundled sample course (installed or updated), the library, the package reader, offline search and
 * sync. Search starts only when asked ({@link #startSearch()}, or the first {@link #search()}: the window asks once
 * its first lesson shows, headless commands never), on a thread of its own, so start-up does not wait for Lucene; a
 * rebuild runs in the background too.
 */
public final class DesktopContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopContext.class);

    private final DesktopPaths paths;
    private final LocalStore store;
    private final CoursePackageReader packageReader;
    private final ImportSummary sample;
    private final InstitutionConfig institution;
    private final Optional<CoursePackageFolder.Report> institutionCourses;
    private CompletableFuture<SearchService> search;
    private SyncService sync;
    private SyncService.Schedule syncSchedule;
    private CourseDownloads downloads;

    private DesktopContext(DesktopPaths paths, LocalStore store, CoursePackageReader packageReader, ImportSummary sample,
            InstitutionConfig institution, Optional<CoursePackageFolder.Report> institutionCourses) {
        this.paths = paths;
        this.store = store;
        this.packageReader = packageReader;
        this.sample = sample;
        this.institution = institution;
        this.institutionCourses = institutionCourses;
    }

    /** The profile without an institution's configuration. */
    public static DesktopContext open(DesktopPaths paths) {
        return open(paths, InstitutionConfig.none());
    }

    /**
     * The profile under an institution's configuration: the courses of its folder imported when new or newer (a
     * package that fails is logged and reported, never fatal), and sync through its proxies and certificates.
     */
    public static DesktopContext open(DesktopPaths paths, InstitutionConfig institution) {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(institution, "institution");
        long began = System.nanoTime();
        LocalStore store = LocalStore.openFile(paths.profileDirectory(), paths.profile());
        try {
            long storeOpen = System.nanoTime();
            CoursePackageReader reader = new CoursePackageReader(JsonMapperFactory.createStrict());
            ImportSummary sample = new BundledCourse(reader).install(store.importer());
            // The start-up's steps, for docs/benchmarks.md's breakdown of the launch.
            LOG.info("Profile {}: store opened in {} ms, sample course checked in {} ms", paths.profile(),
                    millis(storeOpen - began), millis(System.nanoTime() - storeOpen));
            Optional<CoursePackageFolder.Report> courses = institution.coursePackages().map(folder -> {
                long checking = System.nanoTime();
                CoursePackageFolder.Report report = new CoursePackageFolder(folder, reader).importInto(store.importer());
                LOG.info("Profile {}: the institution's course folder {} checked in {} ms: {} packages, {} installed or"
                        + " updated, {} failed", paths.profile(), folder, millis(System.nanoTime() - checking),
                        report.imported().size() + report.failures().size(), report.changed().size(),
                        report.failures().size());
                return report;
            });
            return new DesktopContext(paths, store, reader, sample, institution, courses);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Opens the profile for the player window: its services, sync made but not started (the window starts it when it
     * shows and stops it when it closes; closing the services closes it again, harmlessly). The search index opens
     * when the window first asks for it (after its first lesson shows), not now, where it slowed the first lesson.
     */
    public static PlayerServices openForWindow(DesktopPaths paths) {
        return openForWindow(paths, InstitutionConfig.none());
    }

    /** As {@link #openForWindow(DesktopPaths)}, under an institution's configuration. */
    public static PlayerServices openForWindow(DesktopPaths paths, InstitutionConfig institution) {
        DesktopContext context = open(paths, institution);
        long began = System.nanoTime();
        SyncService sync = context.sync(SyncService.Schedule.DEFAULT);
        LOG.info("Profile {}: sync engine made in {} ms", paths.profile(), millis(System.nanoTime() - began));
        return new PlayerServices(context.learning(), context.library(), context::search, sync, context.downloads(),
                context.packageImport(), context.sampleCourse(), context::close,
                context.institutionCourses().map(CoursePackageFolder.Report::failures).orElse(List.of()));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    public DesktopPaths paths() {
        return paths;
    }

    public LocalStore store() {
        return store;
    }

    public CoursePackageReader packageReader() {
        return packageReader;
    }

    public LibraryService library() {
        return new LibraryService(store.courses());
    }

    /** Imports course packages from disk into the profile, as {@code --import} does. */
    public PackageImport packageImport() {
        return new PackageImport(packageReader, store.importer());
    }

    /** Opens the profile's search index on a background thread (once); returns at once. */
    public synchronized void startSearch() {
        if (search == null) {
            search = CompletableFuture.supplyAsync(() -> {
                long began = System.nanoTime();
                SearchService opened = SearchService.open(store);
                LOG.info("Profile {}: search index opened in {} ms", paths.profile(), millis(System.nanoTime() - began));
                return opened;
            }, runnable -> {
                Thread opening = new Thread(runnable, "search-open");
                opening.setDaemon(true);
                opening.start();
            });
        }
    }

    /**
     * Offline search of this profile; call it from a background executor: the first call waits until
     * the index is open (a fraction of a second after {@link #startSearch()}).
     */
    public SearchService search() {
        CompletableFuture<SearchService> opening;
        synchronized (this) {
            startSearch();
            opening = search;
        }
        return opening.join();
    }

    /** What the learner does with the library: progress, notes, bookmarks, quizzes, the dashboard. */
    public LearningServices learning() {
        return LearningServices.over(store, Clock.systemUTC());
    }

    /**
     * The profile's sync engine, made on first call and closed with this context: over HTTP, with the sign-in
     * kept beside the database ({@link CredentialFile}, owner-only), as this computer, media downloaded into the
     * profile's media folder. The headless commands
     * sync once with it; the window {@linkplain SyncService#start() starts} it on {@link SyncService.Schedule#DEFAULT}.
     *
     * @throws IllegalStateException when asked again with another schedule
     */
    public synchronized SyncService sync(SyncService.Schedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        if (sync == null) {
            Clock clock = Clock.systemUTC();
            NetworkSettings network = institution.network();
            Path folder = store.directory().orElseThrow();
            MediaDownloader media = MediaDownloader.forStore(store);
            sync = new SyncService(store, new CredentialFile(folder.resolve(CredentialFile.NAME)),
                    (server, device, credentials) -> new HttpSyncApi(server, device, credentials, clock, network),
                    Installation.ofThisComputer(AppVersion.current()), media, schedule, clock, new SplittableRandom());
            syncSchedule = schedule;
            downloads = new CourseDownloads(sync, store, media);
        } else if (!syncSchedule.equals(schedule)) {
            throw new IllegalStateException("this profile's sync already runs on " + syncSchedule);
        }
        return sync;
    }

    /**
     * The server courses kept on this computer: downloading, cancelling, resuming and removing them, over the
     * engine {@link #sync} made (call that first).
     */
    public synchronized CourseDownloads downloads() {
        if (downloads == null) {
            throw new IllegalStateException("the profile's sync engine is not made yet");
        }
        return downloads;
    }

    /** What importing the institution's course folder did as the profile opened; empty without one. */
    public Optional<CoursePackageFolder.Report> institutionCourses() {
        return institutionCourses;
    }

    /** The bundled sample course, which the window opens on. */
    public CourseId sampleCourse() {
        return sample.courseId();
    }

    @Override
    public void close() {
        CompletableFuture<SearchService> opening;
        SyncService syncing;
        synchronized (this) {
            opening = search;
            syncing = sync;
        }
        try {
            if (syncing != null) {
                syncing.close();
            }
            SearchService opened = opening == null ? null : opening.exceptionally(failure -> null).join();
            if (opened != null) {
                opened.close();
            }
        } finally {
            store.close();
        }
    }
}
