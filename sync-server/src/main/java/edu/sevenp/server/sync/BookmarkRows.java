package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.rows.BookmarkRow;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The user's bookmarks, as a push writes them. */
public interface BookmarkRows {

    Optional<Stored> lock(UUID id);

    BookmarkRow insert(UUID id, UUID userId, UUID lessonId, UUID courseId, Fields fields, OffsetDateTime createdAt);

    BookmarkRow update(UUID id, Fields fields);

    void delete(UUID id);

    record Stored(BookmarkRow row, UUID editedBy) {
    }

    record Fields(String title, Integer timestampInVideo, String notes, OffsetDateTime editedAt, UUID editedBy) {
    }
}
