package edu.sevenp.model.sync;

import edu.sevenp.model.UserId;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A note or bookmark the learner deleted (delete). A deletion removes only the version its device saw: a
 * version another device wrote after {@code baseVersion} is kept (docs/sync-protocol.md, section 8.3).
 *
 * @param entity {@link SyncEntity#USER_NOTES} or {@link SyncEntity#USER_BOOKMARKS}
 * @param baseVersion the server version of the row the learner deleted; null while the server had never
 *        answered for it
 */
public record Tombstone(SyncEntity entity, UUID id, UserId userId, OffsetDateTime deletedAt, Long baseVersion)
        implements LearnerChange {

    private static final Set<SyncEntity> DELETABLE = Set.of(SyncEntity.USER_NOTES, SyncEntity.USER_BOOKMARKS);

    public Tombstone {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deletedAt, "deletedAt");
        if (baseVersion != null && baseVersion < 1) {
            throw new IllegalArgumentException("baseVersion starts at 1, was " + baseVersion);
        }
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
