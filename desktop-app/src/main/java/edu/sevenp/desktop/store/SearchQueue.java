package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.SEARCH_QUEUE;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What the offline search index has yet to take in (table search_queue). Writers queue inside their
 * own transaction; the indexer takes a batch, indexes it, commits the index, then removes the batch.
 */
public final class SearchQueue {

    /** What a queued entry names. */
    public enum DocType {
        /** One note of the learner's. */
        NOTE("note"),
        /** Every lesson and quiz of a course, and the learner's notes on it (their lesson titles may change). */
        COURSE("course");

        private final String code;

        DocType(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static DocType of(String code) {
            for (DocType type : values()) {
                if (type.code.equals(code)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("unknown search document type " + code);
        }
    }

    /** A queued entry. */
    public record Entry(long seq, DocType type, UUID id) {
    }

    private final DSLContext dsl;

    SearchQueue(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** Queues a document inside the caller's transaction {@code tx}. */
    static void enqueue(DSLContext tx, DocType type, UUID id) {
        tx.insertInto(SEARCH_QUEUE).set(SEARCH_QUEUE.DOC_TYPE, type.code()).set(SEARCH_QUEUE.DOC_ID, id).execute();
    }

    /** The oldest entries, at most {@code limit}. */
    public List<Entry> next(int limit) {
        return dsl.selectFrom(SEARCH_QUEUE).orderBy(SEARCH_QUEUE.SEQ).limit(limit)
                .fetch(row -> new Entry(row.getSeq(), DocType.of(row.getDocType()), row.getDocId()));
    }

    /** The oldest entries after {@code seq}, at most {@code limit}: the next batch while earlier ones await a commit. */
    public List<Entry> nextAfter(long seq, int limit) {
        return dsl.selectFrom(SEARCH_QUEUE).where(SEARCH_QUEUE.SEQ.gt(seq)).orderBy(SEARCH_QUEUE.SEQ).limit(limit)
                .fetch(row -> new Entry(row.getSeq(), DocType.of(row.getDocType()), row.getDocId()));
    }

    /** Removes every entry up to and including {@code seq}, once the index holds them. */
    public void removeUpTo(long seq) {
        dsl.deleteFrom(SEARCH_QUEUE).where(SEARCH_QUEUE.SEQ.le(seq)).execute();
    }

    /**
     * Removes exactly these entries, once the index holds them. Safer than {@link #removeUpTo} while
     * writers run: a writer's entry can get a lower sequence number than one already read and still be
     * uncommitted when the batch is read; removing by range would drop it unprocessed.
     */
    public void remove(List<Entry> entries) {
        if (!entries.isEmpty()) {
            dsl.deleteFrom(SEARCH_QUEUE).where(SEARCH_QUEUE.SEQ.in(entries.stream().map(Entry::seq).toList())).execute();
        }
    }

    /**
     * Queues every course of the library, in one statement: what a rebuild of the index starts from.
     * A course entry also takes in the learner's notes on that course, so every note is covered.
     */
    public int enqueueEveryCourse() {
        return dsl.insertInto(SEARCH_QUEUE, SEARCH_QUEUE.DOC_TYPE, SEARCH_QUEUE.DOC_ID)
                .select(DSL.select(DSL.val(DocType.COURSE.code()), COURSES.ID).from(COURSES).orderBy(COURSES.ID))
                .execute();
    }

    /**
     * Writes everything committed so far to disk (H2 keeps recent commits in memory for up to about a
     * second). The index calls it before each of its own commits: an index commit must never be more
     * durable than the queue entries and the rows it was made from, or a crash could leave the index
     * holding a note the database lost, or marked complete for a queue the database lost.
     */
    public void flushToDisk() {
        dsl.execute("CHECKPOINT SYNC");
    }

    public int size() {
        return dsl.fetchCount(SEARCH_QUEUE);
    }
}
