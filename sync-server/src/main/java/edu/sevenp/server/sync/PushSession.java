package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.Rejection;
import edu.sevenp.model.protocol.rows.SyncRow;
import edu.sevenp.server.problem.ApiProblem;
import java.util.Optional;
import java.util.function.Supplier;

/** One push's transaction, as the merge rules see it. */
public interface PushSession {

    /** The device's highest answered sequence number (its row is locked for the whole push). */
    long lastAppliedSeq();

    /** The digest of the change answered at {@link #lastAppliedSeq}, when the server has recorded one. */
    Optional<byte[]> lastAppliedDigest();

    /** Moves the device's last answered number, with the digest of the change answered under it. */
    void recordProgress(long lastAppliedSeq, byte[] lastDigest, long clockOffsetMillis);

    /**
     * Runs one change's writes so that a refusal ({@link ApiProblem}) undoes only them (a savepoint): the rest
     * of the batch goes on.
     */
    <T> T isolated(Supplier<T> change);

    /**
     * Runs one change's writes with no savepoint of their own: cheaper, but a refusal spoils the whole transaction,
     * so the push then starts over with {@link #isolated} for every change.
     */
    <T> T direct(Supplier<T> change);

    void recordRejection(long seq, Rejection rejection);

    /** The reason a change answered earlier was rejected, if it was. */
    Optional<Rejection> rejectionOf(long seq);

    NoteRows notes();

    BookmarkRows bookmarks();

    ProgressRows progress();

    EnrollmentRows enrollments();

    CompletionRows completions();

    AttemptRows attempts();

    /** The current version of a row the user may see, for answering a duplicate. */
    Optional<SyncRow> current(String table, java.util.UUID id);
}
