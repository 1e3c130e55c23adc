package edu.sevenp.desktop.sync.media;

import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.desktop.store.MediaCacheRepository.Entry;
import edu.sevenp.desktop.store.MediaCacheRepository.Need;
import edu.sevenp.desktop.store.MediaCacheRepository.State;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the media stage downloads, in order: the files the synced courses use, one course's files together and
 * courses in the order the store gives, each file once (by SHA-256), leaving out those already verified here
 * (downloaded by an earlier sync or put there by a course package import). Beside it, how much of each course's
 * media is here ({@link #courses()}), for a progress bar per course.
 */
record MediaQueue(List<QueuedFile> files, Map<UUID, CourseBytes> courses) {

    /**
     * One course's media on this computer: {@code done} of {@code total} bytes (verified files, and what download
     * parts hold), {@code filesDone} of {@code files} files verified. A file of unknown size counts as a file only.
     */
    record CourseBytes(long done, long total, int filesDone, int files) {

        static final CourseBytes NONE = new CourseBytes(0, 0, 0, 0);

        boolean complete() {
            return filesDone == files;
        }

        CourseBytes plus(long bytesDone, long bytesTotal, boolean verified) {
            return new CourseBytes(done + bytesDone, total + bytesTotal, filesDone + (verified ? 1 : 0), files + 1);
        }
    }

    MediaQueue {
        files = List.copyOf(files);
        courses = Collections.unmodifiableMap(new LinkedHashMap<>(courses));
    }

    static MediaQueue plan(List<Need> needs, Map<String, Entry> cache, MediaFolder folder) {
        Set<String> seen = new HashSet<>();
        Map<UUID, Set<String>> seenByCourse = new HashMap<>();
        Map<UUID, CourseBytes> courses = new LinkedHashMap<>();
        List<QueuedFile> files = new ArrayList<>();
        for (Need need : needs) {
            if (!seenByCourse.computeIfAbsent(need.courseId(), course -> new HashSet<>()).add(need.sha256())) {
                continue;
            }
            Entry cached = cache.get(need.sha256());
            // A verified row whose file went (deleted by hand, a disk tool) is downloaded again.
            boolean here = cached != null && cached.state() == State.VERIFIED && folder.holds(need.sha256(), cached.size());
            long size = need.size() > 0 ? need.size() : cached == null ? -1 : cached.size();
            long present = here ? Math.max(size, 0) : folder.partLength(need.sha256());
            courses.put(need.courseId(), courses.getOrDefault(need.courseId(), CourseBytes.NONE)
                    .plus(size > 0 ? Math.min(present, size) : 0, Math.max(size, 0), here));
            if (here || !seen.add(need.sha256())) {
                continue;
            }
            files.add(new QueuedFile(need.courseId(), need.sha256(), size, present));
        }
        return new MediaQueue(files, courses);
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
