package edu.sevenp.desktop.sync.media;

import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.desktop.store.MediaCacheRepository;
import edu.sevenp.desktop.store.MediaCacheRepository.Entry;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes media files nothing in the library uses any more: those of a course whose access ended (the pull
 * removed its media_files rows and lesson videos), or that a course dropped. A file an imported course, or any
 * other course, still uses stays. Only files this device tracked (media_cache rows) and download parts go: a
 * file an import is copying in has no row yet and is left alone.
 */
final class OrphanSweep {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanSweep.class);

    private final MediaFolder folder;
    private final MediaCacheRepository cache;

    OrphanSweep(MediaFolder folder, MediaCacheRepository cache) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** @return the bytes freed, as far as the rows tell */
    long sweep() {
        long freed = 0;
        for (Entry orphan : cache.unreferenced()) {
            // The row goes first, in one statement that checks again that nothing uses the file.
            if (cache.forgetUnreferenced(orphan.sha256())) {
                freed += orphan.bytesPresent();
                remove(orphan.sha256());
            }
        }
        try {
            Set<String> used = cache.referenced();
            for (String part : folder.partHashes()) {
                if (!used.contains(part) && cache.entry(part).isEmpty()) {
                    remove(part);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not list the media folder {} for stray download parts: {}", folder.directory(), e.getMessage());
        }
        return freed;
    }

    private void remove(String sha256) {
        try {
            folder.remove(sha256);
            LOG.info("removed media file {}, which no course here uses any more", sha256);
        } catch (IOException e) {
            // Open in a player on Windows, say: it is named by its content, so left behind it harms nothing.
            LOG.warn("could not remove the unused media file {}: {}", sha256, e.getMessage());
        }
    }
}
