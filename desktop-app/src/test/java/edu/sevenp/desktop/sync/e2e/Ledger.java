package edu.sevenp.desktop.sync.e2e;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a test's learner did, across all of their devices, as the test recorded it: the time spent in each lesson, the
 * last text of each note not deleted, and the quiz attempts submitted. The exactly-once check holds the server to it.
 */
final class Ledger {

    private final Map<UUID, Integer> secondsByLesson = new HashMap<>();
    private final Map<UUID, String> notes = new LinkedHashMap<>();
    private final Set<UUID> deletedNotes = new HashSet<>();
    private final Set<UUID> attempts = new HashSet<>();

    synchronized void spent(UUID lesson, int seconds) {
        secondsByLesson.merge(lesson, seconds, Integer::sum);
    }

    synchronized void wrote(UUID note, String text) {
        notes.put(note, text);
    }

    synchronized void deleted(UUID note) {
        notes.remove(note);
        deletedNotes.add(note);
    }

    /** The server refused the note for good: it is no longer the learner's to find. */
    synchronized void refused(UUID note) {
        notes.remove(note);
    }

    synchronized void attempted(UUID attempt) {
        attempts.add(attempt);
    }

    synchronized Map<UUID, Integer> secondsByLesson() {
        return Map.copyOf(secondsByLesson);
    }

    /** Every note written and not deleted, with the last text written on any device. */
    synchronized Map<UUID, String> notes() {
        return Map.copyOf(notes);
    }

    synchronized Set<UUID> deletedNotes() {
        return Set.copyOf(deletedNotes);
    }

    synchronized Set<UUID> attempts() {
        return Set.copyOf(attempts);
    }
}
