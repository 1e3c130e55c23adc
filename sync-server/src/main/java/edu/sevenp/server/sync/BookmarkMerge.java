package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.rows.BookmarkRow;
import edu.sevenp.model.sync.BookmarkChange;
import edu.sevenp.model.sync.Tombstone;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.Inputs;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Bookmarks (docs/sync-protocol.md, sections 8.2 and 8.3): by version; in a true conflict the later edit wins. */
final class BookmarkMerge {

    private final BookmarkRows bookmarks;

    BookmarkMerge(BookmarkRows bookmarks) {
        this.bookmarks = Objects.requireNonNull(bookmarks, "bookmarks");
    }

    Applied upsert(BookmarkChange change, ChangeContext context) {
        Inputs.optionalText(change.title(), "payload.title", 200);
        Inputs.optionalText(change.notes(), "payload.notes", 20_000);
        Inputs.optionalRange(change.timestampInVideo(), "payload.timestampInVideo", 0, 10_000_000);
        OffsetDateTime editedAt = context.time().of(change.updatedAt());
        UUID device = context.device().value();
        BookmarkRows.Fields incoming = new BookmarkRows.Fields(change.title(), change.timestampInVideo(), change.notes(),
                editedAt, device);
        Optional<BookmarkRows.Stored> stored = bookmarks.lock(change.id().value());
        if (stored.isEmpty()) {
            return Applied.of("inserted", bookmarks.insert(change.id().value(), change.userId().value(),
                    change.lessonId().value(), change.courseId().value(), incoming, context.time().of(change.createdAt())));
        }
        BookmarkRow row = stored.get().row();
        if (!row.lessonId().equals(change.lessonId().value())) {
            throw ApiProblem.validation("payload.lessonId", "a bookmark stays on its lesson; this one is on lesson " + row.lessonId());
        }
        if (!Conflicts.conflicts(change.baseVersion(), row.version(), stored.get().editedBy(), device)
                || Conflicts.incomingWins(editedAt, device, row.editedAt(), stored.get().editedBy())) {
            return Applied.of("updated", bookmarks.update(row.id(), incoming));
        }
        return Applied.of("kept_newer", row);
    }

    Applied delete(Tombstone tombstone, ChangeContext context) {
        Optional<BookmarkRows.Stored> stored = bookmarks.lock(tombstone.id());
        if (stored.isEmpty()) {
            return Applied.of("already_deleted");
        }
        BookmarkRow row = stored.get().row();
        if (Conflicts.conflicts(tombstone.baseVersion(), row.version(), stored.get().editedBy(), context.device().value())) {
            return Applied.of("kept_edited", row);
        }
        bookmarks.delete(row.id());
        return Applied.of("deleted");
    }
}
