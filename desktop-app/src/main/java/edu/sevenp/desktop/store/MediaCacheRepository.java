package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_DOWNLOADS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_RESOURCES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_SECTIONS;
import static edu.sevenp.desktop.store.schema.Tables.ENROLLMENTS;
import static edu.sevenp.desktop.store.schema.Tables.MEDIA_CACHE;
import static edu.sevenp.desktop.store.schema.Tables.MEDIA_FILES;
import static edu.sevenp.desktop.store.schema.Tables.SYNC_STATE;

import edu.sevenp.desktop.media.MediaFolder;
import edu.sevenp.desktop.media.MediaReference;
import edu.sevenp.desktop.store.schema.tables.records.MediaCacheRecord;
import edu.sevenp.model.protocol.Streams;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The media_cache table: which media files this device holds, by SHA-256, and how far a download of each has
 * come. The media stage of sync keeps it; an import writes its verified files in its own transaction
 * (PackageRows); {@link MediaLibrary} reads only its verified rows.
 */
public final class MediaCacheRepository {

    /** media_cache.state. */
    public enum State {
        MISSING("missing"),
        DOWNLOADING("downloading"),
        VERIFIED("verified"),
        CORRUPT("corrupt");

        private final String code;

        State(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static State of(String code) {
            for (State state : values()) {
                if (state.code.equals(code)) {
                    return state;
                }
            }
            throw new IllegalArgumentException("not a media cache state: " + code);
        }
    }

    /** A row of media_cache. */
    public record Entry(String sha256, long size, long bytesPresent, State state) {
    }

    /**
     * A media file a course uses.
     *
     * @param size its size in bytes, or -1 when no row says (a lesson's video without a media_files row)
     */
    public record Need(UUID courseId, String sha256, long size) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    MediaCacheRepository(DSLContext dsl, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Every media file the courses this device receives from the server use (those with a {@code course:<id>}
     * stream), except courses whose download the learner paused or removed (course_downloads): lessons' videos in
     * teaching order, then file resources, then the course's other media files. Courses come in the order the
     * learner is likely to want them (the most recently opened first, then by title). A file used twice is listed
     * twice; the media stage takes the first.
     */
    public List<Need> neededBySyncedCourses() {
        Set<UUID> synced = new HashSet<>();
        dsl.select(SYNC_STATE.STREAM).from(SYNC_STATE).fetch(SYNC_STATE.STREAM)
                .forEach(stream -> Streams.courseOf(stream).ifPresent(synced::add));
        synced.removeAll(dsl.select(COURSE_DOWNLOADS.COURSE_ID).from(COURSE_DOWNLOADS).fetch(COURSE_DOWNLOADS.COURSE_ID));
        return usedBy(synced);
    }

    /**
     * Every media file {@code courses} use, in the order of {@link #neededBySyncedCourses()}: what a course needs on
     * this computer to be there in full.
     */
    public List<Need> usedBy(Set<UUID> courses) {
        if (courses.isEmpty()) {
            return List.of();
        }
        Map<String, Long> sizes = new HashMap<>();
        dsl.select(MEDIA_FILES.FILE_HASH, MEDIA_FILES.FILE_SIZE).from(MEDIA_FILES)
                .forEach(row -> sizes.put(row.value1(), row.value2()));
        List<Need> needs = new ArrayList<>();
        for (UUID course : inLearnersOrder(courses)) {
            dsl.select(COURSE_LESSONS.VIDEO_URL).from(COURSE_LESSONS)
                    .leftJoin(COURSE_SECTIONS).on(COURSE_SECTIONS.ID.eq(COURSE_LESSONS.SECTION_ID))
                    .where(COURSE_LESSONS.COURSE_ID.eq(course), COURSE_LESSONS.VIDEO_URL.startsWith(MediaReference.SCHEME))
                    .orderBy(COURSE_SECTIONS.ORDER_INDEX, COURSE_LESSONS.ORDER_INDEX, COURSE_LESSONS.ID)
                    .fetch(COURSE_LESSONS.VIDEO_URL)
                    .forEach(url -> MediaReference.parse(url).ifPresent(reference ->
                            needs.add(new Need(course, reference.sha256(), sizes.getOrDefault(reference.sha256(), -1L)))));
            dsl.select(COURSE_RESOURCES.FILE_URL, COURSE_RESOURCES.FILE_SIZE).from(COURSE_RESOURCES)
                    .where(COURSE_RESOURCES.COURSE_ID.eq(course), COURSE_RESOURCES.FILE_URL.startsWith(MediaReference.SCHEME))
                    .orderBy(COURSE_RESOURCES.TITLE, COURSE_RESOURCES.ID)
                    .forEach(row -> MediaReference.parse(row.value1()).ifPresent(reference ->
                            needs.add(new Need(course, reference.sha256(), sizes.getOrDefault(reference.sha256(),
                                    row.value2() == null || row.value2() <= 0 ? -1L : row.value2())))));
            dsl.select(MEDIA_FILES.FILE_HASH, MEDIA_FILES.FILE_SIZE).from(MEDIA_FILES)
                    .where(MEDIA_FILES.COURSE_ID.eq(course))
                    .orderBy(MEDIA_FILES.FILENAME, MEDIA_FILES.ID)
                    .forEach(row -> needs.add(new Need(course, row.value1(), row.value2())));
        }
        return needs;
    }

    private List<UUID> inLearnersOrder(Set<UUID> courses) {
        Field<OffsetDateTime> lastOpened = DSL.field(DSL.select(DSL.max(ENROLLMENTS.LAST_ACCESSED_AT)).from(ENROLLMENTS)
                .where(ENROLLMENTS.COURSE_ID.eq(COURSES.ID)));
        return dsl.select(COURSES.ID).from(COURSES).where(COURSES.ID.in(courses))
                .orderBy(lastOpened.desc().nullsLast(), COURSES.TITLE, COURSES.ID)
                .fetch(COURSES.ID);
    }

    /** Every row, by hash. */
    public Map<String, Entry> entries() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        dsl.selectFrom(MEDIA_CACHE).orderBy(MEDIA_CACHE.FILE_HASH).forEach(row -> entries.put(row.getFileHash(), entry(row)));
        return entries;
    }

    public Optional<Entry> entry(String sha256) {
        return dsl.selectFrom(MEDIA_CACHE).where(MEDIA_CACHE.FILE_HASH.eq(sha256)).fetchOptional(MediaCacheRepository::entry);
    }

    private static Entry entry(MediaCacheRecord row) {
        return new Entry(row.getFileHash(), row.getFileSize(), row.getBytesPresent(), State.of(row.getState()));
    }

    /** A download of the file is under way and {@code bytesPresent} of it are on the disk (forced there first). */
    public void recordDownloading(String sha256, long size, long bytesPresent) {
        record(sha256, size, bytesPresent, State.DOWNLOADING);
    }

    /** The file is in the media folder under its hash name and had its hash: ready to use. */
    public void recordVerified(String sha256, long size) {
        record(sha256, size, size, State.VERIFIED);
    }

    /** A download ended with another hash: its bytes were thrown away; the next sync tries again. */
    public void recordCorrupt(String sha256, long size) {
        record(sha256, size, 0, State.CORRUPT);
    }

    private void record(String sha256, long size, long bytesPresent, State state) {
        OffsetDateTime now = Rows.now(clock);
        dsl.mergeInto(MEDIA_CACHE).using(DSL.selectOne()).on(MEDIA_CACHE.FILE_HASH.eq(sha256))
                .whenMatchedThenUpdate()
                .set(MEDIA_CACHE.FILE_PATH, MediaFolder.relativePath(sha256))
                .set(MEDIA_CACHE.FILE_SIZE, size)
                .set(MEDIA_CACHE.BYTES_PRESENT, bytesPresent)
                .set(MEDIA_CACHE.STATE, state.code())
                .set(MEDIA_CACHE.UPDATED_AT, now)
                .whenNotMatchedThenInsert(MEDIA_CACHE.FILE_HASH, MEDIA_CACHE.FILE_PATH, MEDIA_CACHE.FILE_SIZE,
                        MEDIA_CACHE.BYTES_PRESENT, MEDIA_CACHE.STATE, MEDIA_CACHE.UPDATED_AT)
                .values(sha256, MediaFolder.relativePath(sha256), size, bytesPresent, state.code(), now)
                .execute();
    }

    /**
     * The hashes some row of the library still uses: a media_files row (of any course, an imported package's
     * included), a lesson's video or a file resource.
     */
    public Set<String> referenced() {
        Set<String> hashes = new HashSet<>(dsl.selectDistinct(MEDIA_FILES.FILE_HASH).from(MEDIA_FILES)
                .fetch(MEDIA_FILES.FILE_HASH));
        dsl.selectDistinct(COURSE_LESSONS.VIDEO_URL).from(COURSE_LESSONS)
                .where(COURSE_LESSONS.VIDEO_URL.startsWith(MediaReference.SCHEME)).fetch(COURSE_LESSONS.VIDEO_URL)
                .forEach(url -> MediaReference.parse(url).ifPresent(reference -> hashes.add(reference.sha256())));
        dsl.selectDistinct(COURSE_RESOURCES.FILE_URL).from(COURSE_RESOURCES)
                .where(COURSE_RESOURCES.FILE_URL.startsWith(MediaReference.SCHEME)).fetch(COURSE_RESOURCES.FILE_URL)
                .forEach(url -> MediaReference.parse(url).ifPresent(reference -> hashes.add(reference.sha256())));
        return hashes;
    }

    /** Rows of files nothing in the library uses any more (a course whose access ended, a file a course dropped). */
    public List<Entry> unreferenced() {
        Set<String> used = referenced();
        return entries().values().stream().filter(entry -> !used.contains(entry.sha256())).toList();
    }

    /**
     * Removes the row of a file, unless something came to use it since {@link #unreferenced()} was read (the
     * check and the delete are one statement).
     *
     * @return whether the row was removed: then its file may go
     */
    public boolean forgetUnreferenced(String sha256) {
        String reference = new MediaReference(sha256).toString();
        return dsl.deleteFrom(MEDIA_CACHE).where(MEDIA_CACHE.FILE_HASH.eq(sha256),
                DSL.notExists(DSL.selectOne().from(MEDIA_FILES).where(MEDIA_FILES.FILE_HASH.eq(sha256))),
                DSL.notExists(DSL.selectOne().from(COURSE_LESSONS).where(COURSE_LESSONS.VIDEO_URL.eq(reference))),
                DSL.notExists(DSL.selectOne().from(COURSE_RESOURCES).where(COURSE_RESOURCES.FILE_URL.eq(reference))))
                .execute() == 1;
    }
}
