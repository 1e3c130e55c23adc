package edu.sevenp.desktop.search;

import edu.sevenp.desktop.store.SearchContentRepository;
import edu.sevenp.desktop.store.SearchContentRepository.LessonText;
import edu.sevenp.desktop.store.SearchContentRepository.NoteText;
import edu.sevenp.desktop.store.SearchContentRepository.QuizText;
import edu.sevenp.desktop.store.SearchQueue;
import edu.sevenp.desktop.store.SearchQueue.DocType;
import edu.sevenp.desktop.store.SearchQueue.Entry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.index.IndexWriter;

/**
 * Takes the search queue into the index, a batch at a time: reads the current state of what each
 * entry names and updates the index. {@link #commit} makes the index durable and only then removes the
 * entries: a crash between the two leaves them queued, and doing them again changes nothing.
 */
final class QueueIndexer {

    /** Entries read at once. */
    static final int BATCH_ENTRIES = 200;
    /** Course entries in one batch at most: each is all of a course's lessons, quizzes and notes. */
    static final int BATCH_COURSES = 20;

    private final SearchQueue queue;
    private final SearchContentRepository content;
    private final SearchDocuments documents = new SearchDocuments();

    QueueIndexer(SearchQueue queue, SearchContentRepository content) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.content = Objects.requireNonNull(content, "content");
    }

    /**
     * Indexes the oldest entries after sequence number {@code afterSeq} without committing: the caller
     * commits several batches at once with {@link #commit}. Returns the entries indexed.
     */
    List<Entry> indexBatchAfter(SearchIndex index, long afterSeq, int maxCourses) throws IOException {
        List<Entry> batch = limitCourses(queue.nextAfter(afterSeq, BATCH_ENTRIES), maxCourses);
        Set<UUID> courses = new LinkedHashSet<>();
        Set<UUID> notes = new LinkedHashSet<>();
        for (Entry entry : batch) {
            (entry.type() == DocType.COURSE ? courses : notes).add(entry.id());
        }
        IndexWriter writer = index.writer();
        if (!courses.isEmpty()) {
            indexCourses(writer, courses);
        }
        if (!notes.isEmpty()) {
            indexNotes(writer, notes, courses);
        }
        return batch;
    }

    /**
     * Makes the database durable (what was indexed must not be lost by a crash while the index keeps
     * it), then the index, and only then removes the entries it now holds.
     */
    void commit(SearchIndex index, List<Entry> indexed) throws IOException {
        queue.flushToDisk();
        index.commit();
        queue.remove(indexed);
    }

    /**
     * A course is taken in whole: whatever the index held for it goes (lessons and quizzes the new
     * version dropped, notes that went with a dropped lesson), and what the library holds now comes in.
     */
    private void indexCourses(IndexWriter writer, Set<UUID> courses) throws IOException {
        for (UUID course : courses) {
            writer.deleteDocuments(SearchDocuments.course(course));
        }
        for (LessonText lesson : content.lessonsOf(courses)) {
            writer.addDocument(documents.lesson(lesson));
        }
        for (QuizText quiz : content.quizzesOf(courses)) {
            writer.addDocument(documents.quiz(quiz));
        }
        for (NoteText note : content.notesOf(courses)) {
            writer.addDocument(documents.note(note));
        }
    }

    /** A note that still exists is replaced, one that is gone is deleted. */
    private void indexNotes(IndexWriter writer, Set<UUID> notes, Set<UUID> coursesDone) throws IOException {
        Set<UUID> missing = new LinkedHashSet<>(notes);
        for (NoteText note : content.notes(notes)) {
            missing.remove(note.noteId());
            if (!coursesDone.contains(note.courseId())) {
                writer.updateDocument(SearchDocuments.key(HitType.NOTE, note.noteId()), documents.note(note));
            }
        }
        for (UUID gone : missing) {
            writer.deleteDocuments(SearchDocuments.key(HitType.NOTE, gone));
        }
    }

    private static List<Entry> limitCourses(List<Entry> entries, int maxCourses) {
        List<Entry> batch = new ArrayList<>(entries.size());
        int courses = 0;
        for (Entry entry : entries) {
            if (entry.type() == DocType.COURSE && ++courses > maxCourses) {
                break;
            }
            batch.add(entry);
        }
        return batch;
    }
}
