package edu.sevenp.model.sync;

import java.util.Map;
import java.util.Optional;

/**
 * Which payload record a pushed change carries for each entity and operation the protocol defines
 * (docs/sync-protocol.md, section 8). Client and server decode a change's payload through this one table.
 */
public final class ChangeKinds {

    private static final Map<SyncEntity, Class<? extends LearnerChange>> UPSERTS = Map.of(
            SyncEntity.USER_NOTES, NoteChange.class,
            SyncEntity.USER_BOOKMARKS, BookmarkChange.class,
            SyncEntity.LESSON_PROGRESS, LessonProgressChange.class,
            SyncEntity.ENROLLMENTS, EnrollmentChange.class,
            SyncEntity.COURSE_COMPLETIONS, CompletionReview.class,
            SyncEntity.QUIZ_ATTEMPTS, QuizAttemptSubmission.class);

    private ChangeKinds() {
    }

    /** The payload type of a change, or empty for a pair the protocol does not define. */
    public static Optional<Class<? extends LearnerChange>> payloadType(SyncEntity entity, ChangeOperation operation) {
        if (operation == ChangeOperation.DELETE) {
            return entity == SyncEntity.USER_NOTES || entity == SyncEntity.USER_BOOKMARKS
                    ? Optional.of(Tombstone.class) : Optional.empty();
        }
        return Optional.ofNullable(UPSERTS.get(entity));
    }
}
