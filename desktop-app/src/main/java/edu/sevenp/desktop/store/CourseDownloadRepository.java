package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_DOWNLOADS;
import static edu.sevenp.desktop.store.schema.Tables.SYNC_PARKED;
import static edu.sevenp.desktop.store.schema.Tables.SYNC_STATE;

import edu.sevenp.model.protocol.Streams;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The course_downloads table: what the learner chose about a server course's copy on this computer (paused, or
 * removed; no row: kept in full). The media stage leaves out the media of a course with a row, and a pull passes
 * over the changes of a removed course (SyncRepository#applyPull).
 */
public final class CourseDownloadRepository {

    /** course_downloads.state. */
    public enum Choice {
        /** The learner cancelled the media download: what arrived stays, the rest waits until resumed. */
        PAUSED("paused"),
        /** The learner removed the download: content and media are gone, the outline and the learner's records stay. */
        REMOVED("removed");

        private final String code;

        Choice(String code) {
            this.code = code;
        }

        static Choice of(String code) {
            for (Choice choice : values()) {
                if (choice.code.equals(code)) {
                    return choice;
                }
            }
            throw new IllegalArgumentException("not a course download state: " + code);
        }
    }

    /** What {@link #keep} did. */
    public enum Kept {
        /** Nothing was paused or removed: the course was kept in full already. */
        ALREADY,
        /** A paused download goes on at the next sync. */
        RESUMED,
        /** A removed download is asked of the server again in full at the next sync. */
        COPY_REQUESTED
    }

    private final DSLContext dsl;
    private final WriteTransactions writes;
    private final Clock clock;

    CourseDownloadRepository(DSLContext dsl, WriteTransactions writes, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every course the learner paused or removed, with the choice. */
    public Map<UUID, Choice> choices() {
        Map<UUID, Choice> choices = new LinkedHashMap<>();
        dsl.select(COURSE_DOWNLOADS.COURSE_ID, COURSE_DOWNLOADS.STATE).from(COURSE_DOWNLOADS)
                .orderBy(COURSE_DOWNLOADS.COURSE_ID)
                .forEach(row -> choices.put(row.value1(), Choice.of(row.value2())));
        return choices;
    }

    /** The courses whose downloads were removed, in the caller's transaction. */
    static Set<UUID> removed(DSLContext tx) {
        return new HashSet<>(tx.select(COURSE_DOWNLOADS.COURSE_ID).from(COURSE_DOWNLOADS)
                .where(COURSE_DOWNLOADS.STATE.eq(Choice.REMOVED.code)).fetch(COURSE_DOWNLOADS.COURSE_ID));
    }

    /**
     * The learner cancelled the download of the course's media: no more of it is fetched until {@link #keep}. A
     * removed course stays removed.
     *
     * @return whether the course is now paused (false for a course this library does not hold, or a removed one)
     */
    public boolean pause(UUID course) {
        return writes.run("pauseDownload", tx -> {
            if (!tx.fetchExists(COURSES, COURSES.ID.eq(course))) {
                return false;
            }
            if (tx.fetchExists(COURSE_DOWNLOADS, COURSE_DOWNLOADS.COURSE_ID.eq(course))) {
                return tx.fetchExists(COURSE_DOWNLOADS, COURSE_DOWNLOADS.COURSE_ID.eq(course),
                        COURSE_DOWNLOADS.STATE.eq(Choice.PAUSED.code));
            }
            tx.insertInto(COURSE_DOWNLOADS).set(COURSE_DOWNLOADS.COURSE_ID, course)
                    .set(COURSE_DOWNLOADS.STATE, Choice.PAUSED.code).set(COURSE_DOWNLOADS.CHANGED_AT, Rows.now(clock))
                    .execute();
            return true;
        });
    }

    /**
     * The learner wants the course on this computer in full again. A paused download goes on; a removed one is asked
     * of the server from the beginning: its stream's cursor goes (a pull then gets a full copy), and its rows are
     * marked so that what the server deleted meanwhile goes when the copy is complete (as for a stream the server
     * copies again). Until the copy arrives, the learner's changes of the course are kept back (held).
     */
    public Kept keep(UUID course) {
        return writes.run("downloadAgain", tx -> {
            String state = tx.select(COURSE_DOWNLOADS.STATE).from(COURSE_DOWNLOADS)
                    .where(COURSE_DOWNLOADS.COURSE_ID.eq(course)).fetchOne(COURSE_DOWNLOADS.STATE);
            if (state == null) {
                return Kept.ALREADY;
            }
            tx.deleteFrom(COURSE_DOWNLOADS).where(COURSE_DOWNLOADS.COURSE_ID.eq(course)).execute();
            if (Choice.of(state) == Choice.PAUSED) {
                return Kept.RESUMED;
            }
            SyncRepository.markCourseStream(tx, course);
            tx.deleteFrom(SYNC_STATE).where(SYNC_STATE.STREAM.eq(Streams.course(course))).execute();
            return Kept.COPY_REQUESTED;
        });
    }

    /**
     * Removes the course's download: its content goes (quiz questions, resources, media rows, lesson bodies; the
     * media files go with the media stage's next sweep), its outline and the learner's notes, bookmarks, progress and
     * attempts stay, and later changes of its stream are passed over until {@link #keep}. Rows of it waiting for
     * what they refer to are dropped: the full copy that {@link #keep} asks for brings them again.
     *
     * @return whether the course was removed (false when this library does not hold it)
     */
    public boolean remove(UUID course) {
        return writes.run("removeDownload", tx -> {
            if (!tx.fetchExists(COURSES, COURSES.ID.eq(course))) {
                return false;
            }
            tx.mergeInto(COURSE_DOWNLOADS).using(DSL.selectOne()).on(COURSE_DOWNLOADS.COURSE_ID.eq(course))
                    .whenMatchedThenUpdate().set(COURSE_DOWNLOADS.STATE, Choice.REMOVED.code)
                    .set(COURSE_DOWNLOADS.CHANGED_AT, Rows.now(clock))
                    .whenNotMatchedThenInsert(COURSE_DOWNLOADS.COURSE_ID, COURSE_DOWNLOADS.STATE, COURSE_DOWNLOADS.CHANGED_AT)
                    .values(course, Choice.REMOVED.code, Rows.now(clock))
                    .execute();
            CourseContent.remove(tx, course);
            tx.deleteFrom(SYNC_PARKED).where(SYNC_PARKED.STREAM.eq(Streams.course(course))).execute();
            return true;
        });
    }
}
