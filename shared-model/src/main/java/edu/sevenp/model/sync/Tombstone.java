package edu.sevenp.model.sync;

import edu.sevenp.model.UserId;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A note or bookmark the learner deleted (delete). It merges like an edit: last writer wins by
 * {@code deletedAt}; a version newer than {@code baseUpdatedAt} that the device never saw is kept as a
 * conflict copy rather than deleted unseen.
 *
 * @param entity {@link SyncEntity#USER_NOTES} or {@link SyncEntity#USER_BOOKMARKS}
 * @param baseUpdatedAt the {@code updatedAt} of the version the learner deleted
 */
public record Tombstone(SyncEntity entity, UUID id, UserId userId, OffsetDateTime deletedAt,
        OffsetDateTime baseUpdatedAt) implements LearnerChange {

    private static final Set<SyncEntity> DELETABLE = Set.of(SyncEntity.USER_NOTES, SyncEntity.USER_BOOKMARKS);

    public Tombstone {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deletedAt, "deletedAt");
        Objects.requireNonNull(baseUpdatedAt, "baseUpdatedAt");
        if (!DELETABLE.contains(entity)) {
            throw new IllegalArgumentException("a learner deletes notes and bookmarks only, not " + entity.code());
        }
    }

    @Override
    public UUID entityId() {
        return id;
    }

    @Override
    public ChangeOperation operation() {
        return ChangeOperation.DELETE;
    }
}
