package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.model.sync.NoteChange;
import edu.sevenp.model.sync.Tombstone;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.Inputs;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Notes (docs/sync-protocol.md, sections 8.1 and 8.3): by version; in a true conflict the later edit becomes the
 * note and the other text a conflict copy, never dropped; a deletion only removes the version its device saw.
 */
final class NoteMerge {

    private final NoteRows notes;
    /** Notes {@link #insertAhead} inserted, until their change comes. */
    private final Map<UUID, NoteRow> insertedAhead = new HashMap<>();

    NoteMerge(NoteRows notes) {
        this.notes = Objects.requireNonNull(notes, "notes");
    }

    /** A note upload and its context, for {@link #insertAhead}. */
    record Upload(NoteChange change, ChangeContext context) {
    }

    /**
     * Inserts, in one statement, the new notes among a push's changes (no base version, valid): a device back
     * online uploads many, and one statement per note cost most of a push (docs/benchmarks.md). Each change
     * then finds its note inserted; a note that existed after all goes the usual way.
     */
    void insertAhead(List<Upload> uploads) {
        List<NoteRows.New> fresh = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (Upload upload : uploads) {
            NoteChange change = upload.change();
            if (change.baseVersion() != null || change.lessonId() == null || !ids.add(change.id().value()) || !valid(change)) {
                continue;
            }
            fresh.add(newNote(change, upload.context()));
        }
        insertedAhead.putAll(notes.insertAllIfAbsent(fresh));
    }

    Applied upsert(NoteChange change, ChangeContext context) {
        Inputs.text(change.content(), "payload.content", 20_000);
        Inputs.optionalRange(change.timestampInVideo(), "payload.timestampInVideo", 0, 10_000_000);
        OffsetDateTime editedAt = context.time().of(change.updatedAt());
        UUID device = context.device().value();
        NoteRows.Text incoming = new NoteRows.Text(change.content(), change.timestampInVideo(), change.isPrivate(), editedAt,
                device);
        // Without a lesson the change can only be an edit of a note from a removed lesson: nothing to insert.
        NoteRows.New created = change.lessonId() == null ? null : newNote(change, context);
        NoteRow ahead = change.baseVersion() == null ? insertedAhead.remove(change.id().value()) : null;
        if (ahead != null) {
            return Applied.of("inserted", ahead);
        }
        if (change.baseVersion() == null && created != null) {
            // A note the server never answered for is usually new: one statement instead of a lock and an insert.
            Optional<NoteRow> inserted = notes.insertIfAbsent(created);
            if (inserted.isPresent()) {
                return Applied.of("inserted", inserted.get());
            }
        }
        Optional<NoteRows.Stored> stored = notes.lock(change.id().value());
        if (stored.isEmpty()) {
            if (created == null) {
                throw ApiProblem.validation("payload.lessonId", "a new note needs the lesson it is on");
            }
            return Applied.of("inserted", notes.insert(created));
        }
        NoteRow row = stored.get().row();
        // A note stays on its lesson. Once the lesson is removed (lessonId null) any edit of its text is taken, the
        // lesson it names or none: a device that has not heard of the removal yet still names the old lesson.
        if (row.lessonId() != null && (change.lessonId() == null || !row.lessonId().equals(change.lessonId().value()))) {
            throw ApiProblem.validation("payload.lessonId", "a note stays on its lesson; this one is on lesson " + row.lessonId());
        }
        if (!Conflicts.conflicts(change.baseVersion(), row.version(), stored.get().editedBy(), device)) {
            return Applied.of("updated", notes.update(row.id(), incoming));
        }
        boolean incomingWins = Conflicts.incomingWins(editedAt, device, row.editedAt(), stored.get().editedBy());
        NoteRows.Text storedText = new NoteRows.Text(row.content(), row.timestampInVideo(), row.isPrivate(), row.editedAt(),
                stored.get().editedBy());
        if (row.content().equals(change.content())) {
            return Applied.of("merged", incomingWins ? notes.update(row.id(), incoming) : row);
        }
        NoteRows.Text winner = incomingWins ? incoming : storedText;
        NoteRows.Text loser = incomingWins ? storedText : incoming;
        NoteRow note = incomingWins ? notes.update(row.id(), winner) : row;
        // A copy of a note from a removed lesson is from it too: the schema gives it the lesson's title (V21).
        NoteRow copy = notes.insert(new NoteRows.New(conflictCopyId(row.id(), context), row.userId(), row.lessonId(),
                row.courseId(), loser, row.id(), context.time().nowUtc()));
        return Applied.of("conflict_copy", note, copy);
    }

    Applied delete(Tombstone tombstone, ChangeContext context) {
        Optional<NoteRows.Stored> stored = notes.lock(tombstone.id());
        if (stored.isEmpty()) {
            return Applied.of("already_deleted");
        }
        NoteRow row = stored.get().row();
        if (Conflicts.conflicts(tombstone.baseVersion(), row.version(), stored.get().editedBy(), context.device().value())) {
            return Applied.of("kept_edited", row);
        }
        notes.delete(row.id());
        return Applied.of("deleted");
    }

    private static NoteRows.New newNote(NoteChange change, ChangeContext context) {
        NoteRows.Text text = new NoteRows.Text(change.content(), change.timestampInVideo(), change.isPrivate(),
                context.time().of(change.updatedAt()), context.device().value());
        return new NoteRows.New(change.id().value(), change.userId().value(), change.lessonId().value(),
                change.courseId().value(), text, null, context.time().of(change.createdAt()));
    }

    private static boolean valid(NoteChange change) {
        try {
            Inputs.text(change.content(), "payload.content", 20_000);
            Inputs.optionalRange(change.timestampInVideo(), "payload.timestampInVideo", 0, 10_000_000);
            return true;
        } catch (ApiProblem problem) {
            return false; // refused when its own turn comes, with its reason
        }
    }

    /** Made from the note, the device and the change, so that no replay can make a second copy. */
    static UUID conflictCopyId(UUID note, ChangeContext context) {
        return UUID.nameUUIDFromBytes(("sevenp:conflict-copy:" + note + ":" + context.device().value() + ":" + context.seq())
                .getBytes(StandardCharsets.UTF_8));
    }
}
