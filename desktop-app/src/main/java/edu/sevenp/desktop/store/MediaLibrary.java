package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.MEDIA_CACHE;

import edu.sevenp.desktop.media.CaptionTrack;
import edu.sevenp.desktop.media.LessonVideo;
import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.desktop.media.MediaReference;
import edu.sevenp.model.LessonId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The media files this device holds, by content. What the player plays or opens comes from here, and
 * only once verified against its SHA-256 (ARCHITECTURE.md, principle 9).
 */
public final class MediaLibrary {

    private final DSLContext dsl;
    private final MediaFolder folder;

    MediaLibrary(DSLContext dsl, MediaFolder folder) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /**
     * The verified file that a reference such as {@code media:<sha256>} (a lesson's video_url, a resource's
     * file_url) names; empty when it is no media reference or this device does not hold the file (yet).
     */
    public Optional<Path> file(String reference) {
        return MediaReference.parse(reference).flatMap(this::file);
    }

    public Optional<Path> file(MediaReference reference) {
        return dsl.select(MEDIA_CACHE.FILE_PATH, MEDIA_CACHE.FILE_SIZE)
                .from(MEDIA_CACHE)
                .where(MEDIA_CACHE.FILE_HASH.eq(reference.sha256()), MEDIA_CACHE.STATE.eq("verified"))
                .fetchOptional(row -> new CachedFile(folder.directory().resolve(row.value1()), row.value2()))
                .filter(CachedFile::isOnDisk)
                .map(CachedFile::path);
    }

    /** The verified video of a lesson, when it has one and this device holds it. */
    public Optional<Path> lessonVideo(LessonId lesson) {
        return dsl.select(COURSE_LESSONS.VIDEO_URL).from(COURSE_LESSONS).where(COURSE_LESSONS.ID.eq(lesson.value()))
                .fetchOptional(COURSE_LESSONS.VIDEO_URL)
                .flatMap(this::file);
    }

    /**
     * The video of a lesson with its caption tracks, each file present only when verified on this device; empty
     * when the lesson has no video (or is not in the library).
     */
    public Optional<LessonVideo> video(LessonId lesson) {
        return dsl.select(COURSE_LESSONS.VIDEO_URL, COURSE_LESSONS.VIDEO_DURATION, COURSE_LESSONS.ATTACHMENTS)
                .from(COURSE_LESSONS).where(COURSE_LESSONS.ID.eq(lesson.value()))
                .fetchOptional()
                .filter(row -> MediaReference.parse(row.value1()).isPresent())
                .map(row -> new LessonVideo(file(row.value1()), row.value2(), LessonAttachments.captions(row.value3())
                        .stream()
                        .map(track -> new CaptionTrack(track.language(), track.label(), file(track.file())))
                        .toList()));
    }

    /** A file the media cache lists; someone may have deleted or truncated it since. */
    private record CachedFile(Path path, long size) {

        boolean isOnDisk() {
            try {
                return Files.isRegularFile(path) && Files.size(path) == size;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
