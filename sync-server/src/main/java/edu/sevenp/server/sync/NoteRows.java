package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.rows.NoteRow;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The user's notes, as a push writes them (row-level security decides which the user may see). */
public interface NoteRows {

    /** The note, locked for the rest of the transaction; empty when the user has no such note. */
    Optional<Stored> lock(UUID id);

    NoteRow insert(New note);

    /** Inserts the note unless a note with its id exists (whoever's); empty then. */
    Optional<NoteRow> insertIfAbsent(New note);

    /** {@link #insertIfAbsent} for many notes in one statement: the notes inserted, by id. */
    Map<UUID, NoteRow> insertAllIfAbsent(List<New> notes);

    NoteRow update(UUID id, Text text);

    void delete(UUID id);

    /** A stored note and the device that wrote its current version. */
    record Stored(NoteRow row, UUID editedBy) {
    }

    /** What an edit sets. */
    record Text(String content, Integer timestampInVideo, boolean isPrivate, OffsetDateTime editedAt, UUID editedBy) {
    }

    /** @param lessonId null only for a conflict copy of a note from a removed lesson */
    record New(UUID id, UUID userId, UUID lessonId, UUID courseId, Text text, UUID conflictOf, OffsetDateTime createdAt) {
    }
}
