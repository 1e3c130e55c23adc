package edu.sevenp.desktop.preview;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells when a course package on disk changed: for a folder, any file in it or in a folder below it (folders made
 * later are watched too); for a {@code .zip}, that file. Changes that come in a burst are told once, {@code quiet}
 * after the last ({@link Debouncer}), on a thread of its own.
 */
public final class PackageWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PackageWatcher.class);
    /** Long enough to take an editor's save as one change, short enough that a reload still feels immediate. */
    public static final Duration QUIET = Duration.ofMillis(200);

    private final WatchService service;
    /** The file watched when the package is a .zip; null for a folder. */
    private final Path file;
    private final ScheduledExecutorService timer;
    private final Debouncer debouncer;
    private final Thread thread;

    private PackageWatcher(WatchService service, Path file, Duration quiet, Runnable changed) {
        this.service = service;
        this.file = file;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "preview-reload"));
        this.debouncer = new Debouncer(timer, quiet, changed);
        this.thread = daemon(this::watch, "preview-watch");
    }

    /**
     * Starts watching {@code location} (a package folder or a {@code .zip} file).
     *
     * @param changed told on the watcher's own thread, {@code quiet} after the last change of a burst
     */
    public static PackageWatcher start(Path location, Duration quiet, Runnable changed) throws IOException {
        Objects.requireNonNull(changed, "changed");
        Path watched = location.toAbsolutePath().normalize();
        WatchService service = FileSystems.getDefault().newWatchService();
        try {
            PackageWatcher watcher;
            if (Files.isDirectory(watched)) {
                watcher = new PackageWatcher(service, null, quiet, changed);
                watcher.registerTree(watched);
            } else {
                watcher = new PackageWatcher(service, watched.getFileName(), quiet, changed);
                watcher.register(watched.getParent());
            }
            watcher.thread.start();
            return watcher;
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
    }

    private void registerTree(Path folder) throws IOException {
        try (Stream<Path> folders = Files.walk(folder)) {
            for (Path each : folders.filter(Files::isDirectory).toList()) {
                register(each);
            }
        }
    }

    private void register(Path folder) throws IOException {
        folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path folder = (Path) key.watchable();
                boolean relevant = false;
                List<WatchEvent<?>> events = key.pollEvents();
                for (WatchEvent<?> event : events) {
                    relevant |= takeIn(folder, event);
                }
                key.reset();
                if (relevant) {
                    debouncer.trigger();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException stopped) {
            // close() ends the watch: nothing more to tell.
            LOG.debug("Stopped watching: {}", stopped.toString());
        }
    }

    /** Whether {@code event} is a change to the package; a folder made in a package folder is watched from now on. */
    private boolean takeIn(Path folder, WatchEvent<?> event) {
        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            return true;
        }
        Path name = (Path) event.context();
        if (file != null) {
            return name.equals(file);
        }
        Path changed = folder.resolve(name);
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
            try {
                registerTree(changed);
            } catch (IOException e) {
                // A folder gone again at once, or unreadable: its files are not watched, and the reload says what it finds.
                LOG.warn("Cannot watch {}: {}", changed, e.getMessage());
            }
        }
        return true;
    }

    @Override
    public void close() {
        debouncer.close();
        try {
            service.close();
        } catch (IOException e) {
            LOG.warn("Closing the package watcher failed", e);
        }
        timer.shutdownNow();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
