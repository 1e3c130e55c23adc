package edu.sevenp.desktop.sync.media;

import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.desktop.store.MediaCacheRepository.Entry;
import edu.sevenp.desktop.store.MediaCacheRepository.Need;
import edu.sevenp.desktop.store.MediaCacheRepository.State;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the media stage downloads, in order: the files the synced courses use, one course's files together and
 * courses in the order the store gives, each file once (by SHA-256), leaving out those already verified here
 * (downloaded by an earlier sync or put there by a course package import).
 */
record MediaQueue(List<QueuedFile> files) {

    MediaQueue {
        files = List.copyOf(files);
    }

    static MediaQueue plan(List<Need> needs, Map<String, Entry> cache, MediaFolder folder) {
        Set<String> seen = new HashSet<>();
        List<QueuedFile> files = new ArrayList<>();
        for (Need need : needs) {
            if (!seen.add(need.sha256())) {
                continue;
            }
            Entry cached = cache.get(need.sha256());
            // A verified row whose file went (deleted by hand, a disk tool) is downloaded again.
            if (cached != null && cached.state() == State.VERIFIED && folder.holds(need.sha256(), cached.size())) {
                continue;
            }
            long size = need.size() > 0 ? need.size() : cached == null ? -1 : cached.size();
            files.add(new QueuedFile(need.courseId(), need.sha256(), size, folder.partLength(need.sha256())));
        }
        return new MediaQueue(files);
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    /** The bytes of all the queued files, as far as their sizes are known. */
    long totalBytes() {
        return files.stream().filter(QueuedFile::sizeKnown).mapToLong(QueuedFile::size).sum();
    }

    /** The bytes earlier downloads left in parts. */
    long presentBytes() {
        return files.stream().filter(QueuedFile::sizeKnown).mapToLong(file -> Math.min(file.present(), file.size())).sum();
    }

    /** The bytes still to download: what the disk must have room for. */
    long missingBytes() {
        return files.stream().mapToLong(QueuedFile::missing).sum();
    }
}
