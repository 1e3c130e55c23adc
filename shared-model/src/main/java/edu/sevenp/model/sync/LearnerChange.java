package edu.sevenp.model.sync;

import java.util.UUID;

/**
 * A change a learner made on a device that the server must apply under the learner's own identity:
 * the payload of one outbox entry (docs/sync-payloads.md). The envelope (device id, sequence number,
 * protocol version) is the sync protocol's; these records are "the change itself".
 *
 * <p>Every payload carries the learner's user id and everything the server needs to merge it by the
 * entity's rule (ARCHITECTURE.md, principle 7) without reading the device's other rows.
 */
public sealed interface LearnerChange
        permits NoteChange, BookmarkChange, Tombstone, LessonProgressChange, EnrollmentChange, CompletionReview,
        QuizAttemptSubmission {

    /** The server table the change applies to (not part of the JSON: the outbox entry names it). */
    SyncEntity entity();

    /** The id of the changed row on this device (not part of the JSON: the outbox entry names it). */
    UUID entityId();

    ChangeOperation operation();
}
