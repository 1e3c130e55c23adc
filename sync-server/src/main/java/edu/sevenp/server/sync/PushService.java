package edu.sevenp.server.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.protocol.ChangeResult;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PushRequest;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.PushedChange;
import edu.sevenp.model.protocol.Rejection;
import edu.sevenp.model.protocol.rows.SyncRow;
import edu.sevenp.model.sync.BookmarkChange;
import edu.sevenp.model.sync.ChangeKinds;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.CompletionReview;
import edu.sevenp.model.sync.EnrollmentChange;
import edu.sevenp.model.sync.LearnerChange;
import edu.sevenp.model.sync.LessonProgressChange;
import edu.sevenp.model.sync.NoteChange;
import edu.sevenp.model.sync.QuizAttemptSubmission;
import edu.sevenp.model.sync.SyncEntity;
import edu.sevenp.model.sync.Tombstone;
import edu.sevenp.server.auth.Caller;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.Inputs;
import edu.sevenp.server.problem.JsonProblems;
import edu.sevenp.server.problem.ProblemKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Push (docs/sync-protocol.md, section 7): applies each change exactly once, as the user, in sequence order,
 * in one transaction that also moves the device's last applied sequence number. A refused change is rolled
 * back alone, recorded with its reason and answered as rejected; the rest of the batch goes on.
 */
public final class PushService {

    public static final int MAX_CHANGES = 500;
    private static final long MAX_OFFSET_MILLIS = Duration.ofDays(3653).toMillis();

    private final SyncStore store;
    private final ObjectMapper strict;
    private final Clock clock;

    public PushService(SyncStore store, ObjectMapper mapper, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.strict = Objects.requireNonNull(mapper, "mapper").copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PushResponse push(Caller caller, PushRequest request) {
        List<PushedChange> changes = checkEnvelope(caller, request);
        long offset = request.clockOffsetMillis() == null ? 0 : request.clockOffsetMillis();
        ServerTime time = new ServerTime(offset, clock.instant());
        try {
            // Most pushes have nothing to refuse: try without a savepoint per change first.
            return push(caller, changes, offset, time, false);
        } catch (RefusalInFastPath refusal) {
            return push(caller, changes, offset, time, true);
        }
    }

    /** A change was refused while changes ran without savepoints: the push starts over with them. */
    private static final class RefusalInFastPath extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusalInFastPath(ApiProblem cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private PushResponse push(Caller caller, List<PushedChange> changes, long offset, ServerTime time, boolean careful) {
        return store.push(caller.user(), caller.device(), session -> {
            Merges merges = new Merges(session, strict);
            long last = session.lastAppliedSeq();
            refuseReusedSequence(changes, last, session.lastAppliedDigest());
            byte[] lastDigest = session.lastAppliedDigest().orElse(null);
            List<ChangeResult> results = new ArrayList<>();
            int insertedAheadUntil = -1;
            for (int i = 0; i < changes.size(); i++) {
                PushedChange change = changes.get(i);
                if (change.seq() <= last) {
                    results.add(duplicate(change, session));
                    continue;
                }
                if (!careful && i > insertedAheadUntil && isNoteUpload(change)) {
                    insertedAheadUntil = insertNotesAhead(changes, i, caller, time, merges, session);
                }
                ChangeContext context = new ChangeContext(caller.user(), caller.device(), change.seq(), time);
                results.add(applyOne(change, context, session, merges, careful));
                last = change.seq();
                lastDigest = digest(change);
            }
            session.recordProgress(last, lastDigest, offset);
            return new PushResponse(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), last, results);
        });
    }

    private static boolean isNoteUpload(PushedChange change) {
        return change.entity() == SyncEntity.USER_NOTES && change.op() == ChangeOperation.UPSERT;
    }

    /**
     * Inserts, in one statement, the new notes from change {@code from} up to the next enrollment change (which
     * may open a course the notes after it need); answers the index of the last change it looked at. A refusal
     * sends the push down the careful way, change by change.
     */
    private int insertNotesAhead(List<PushedChange> changes, int from, Caller caller, ServerTime time, Merges merges,
            PushSession session) {
        int to = from;
        while (to + 1 < changes.size() && changes.get(to + 1).entity() != SyncEntity.ENROLLMENTS) {
            to++;
        }
        try {
            List<NoteMerge.Upload> uploads = newNoteUploads(changes.subList(from, to + 1), caller, time);
            session.direct(() -> {
                merges.notes().insertAhead(uploads);
                return null;
            });
        } catch (ApiProblem problem) {
            if (problem.kind() == ProblemKind.UNAVAILABLE) {
                throw problem;
            }
            throw new RefusalInFastPath(problem);
        }
        return to;
    }

    /**
     * A change under the device's last answered number that is not the change answered under it: the device
     * issued the number again (its data restored from an older copy). Answering it as a duplicate would lose it.
     */
    private static void refuseReusedSequence(List<PushedChange> changes, long last, Optional<byte[]> lastDigest) {
        if (lastDigest.isEmpty()) {
            return;
        }
        for (PushedChange change : changes) {
            if (change.seq() == last && !MessageDigest.isEqual(digest(change), lastDigest.get())) {
                throw ApiProblem.of(ProblemKind.CONFLICT, "sequence_reused", "Sequence number " + last + " of this device"
                        + " was answered for another change: the device's data was restored from an older copy. Make a new"
                        + " device id and sign in again; its changes will then be sent under the new id.",
                        "changes[].seq");
            }
        }
    }

    /** What identifies a change: its entity, operation, id and payload (as the device sends it every time). */
    static byte[] digest(PushedChange change) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((change.entity().code() + "\n" + change.op().code() + "\n" + change.id() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(change.payload().toString().getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The note uploads a push may insert ahead: readable, and the caller's own. */
    private List<NoteMerge.Upload> newNoteUploads(List<PushedChange> changes, Caller caller, ServerTime time) {
        List<NoteMerge.Upload> uploads = new ArrayList<>();
        for (PushedChange change : changes) {
            if (!isNoteUpload(change)) {
                continue;
            }
            NoteChange note;
            try {
                note = strict.treeToValue(change.payload(), NoteChange.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                continue; // refused when its own turn comes, with its reason
            }
            if (note.id().value().equals(change.id()) && note.userId().equals(caller.user())) {
                uploads.add(new NoteMerge.Upload(note, new ChangeContext(caller.user(), caller.device(), change.seq(), time)));
            }
        }
        return uploads;
    }

    private ChangeResult applyOne(PushedChange change, ChangeContext context, PushSession session, Merges merges,
            boolean careful) {
        try {
            Outcome outcome = careful ? session.isolated(() -> apply(change, context, merges))
                    : session.direct(() -> apply(change, context, merges));
            return new ChangeResult(change.seq(), outcome.status(), outcome.applied().outcome(), outcome.applied().rows(), null);
        } catch (ApiProblem problem) {
            if (problem.kind() == ProblemKind.UNAVAILABLE) {
                throw problem;
            }
            if (!careful) {
                throw new RefusalInFastPath(problem);
            }
            Rejection rejection = Rejections.of(problem);
            session.recordRejection(change.seq(), rejection);
            return new ChangeResult(change.seq(), ChangeStatus.REJECTED, null, List.of(), rejection);
        }
    }

    private record Outcome(ChangeStatus status, Applied applied) {
    }

    private Outcome apply(PushedChange change, ChangeContext context, Merges merges) {
        Class<? extends LearnerChange> type = ChangeKinds.payloadType(change.entity(), change.op()).orElseThrow(() ->
                ApiProblem.of(ProblemKind.UNPROCESSABLE, "unsupported_change", "The protocol defines no '"
                        + change.op().code() + "' of " + change.entity().code() + "."));
        LearnerChange payload;
        try {
            payload = strict.treeToValue(change.payload(), type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e, "payload");
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("payload", "payload: " + e.getMessage());
        }
        if (!payload.entityId().equals(change.id())) {
            throw ApiProblem.validation("payload.id", "the payload's id is not the change's id " + change.id());
        }
        if (!userOf(payload).equals(context.user().value())) {
            throw ApiProblem.of(ProblemKind.FORBIDDEN, "user_mismatch", "This change belongs to another learner; sign in"
                    + " as that learner to upload it.", "payload.userId");
        }
        if (payload instanceof QuizAttemptSubmission submission) {
            Optional<edu.sevenp.model.protocol.rows.QuizAttemptRow> existing = merges.attempts().existing(submission);
            if (existing.isPresent()) {
                return new Outcome(ChangeStatus.DUPLICATE, Applied.of("already_recorded", existing.get()));
            }
            return new Outcome(ChangeStatus.APPLIED, merges.attempts().submit(submission, context));
        }
        Applied applied;
        if (payload instanceof NoteChange note) {
            applied = merges.notes().upsert(note, context);
        } else if (payload instanceof BookmarkChange bookmark) {
            applied = merges.bookmarks().upsert(bookmark, context);
        } else if (payload instanceof Tombstone tombstone) {
            applied = tombstone.entity() == SyncEntity.USER_NOTES
                    ? merges.notes().delete(tombstone, context) : merges.bookmarks().delete(tombstone, context);
        } else if (payload instanceof LessonProgressChange progress) {
            applied = merges.progress().upsert(progress, context);
        } else if (payload instanceof EnrollmentChange enrollment) {
            applied = merges.enrollments().upsert(enrollment, context);
        } else if (payload instanceof CompletionReview review) {
            applied = merges.reviews().upsert(review, context);
        } else {
            throw new IllegalStateException("no merge rule for " + payload.getClass().getSimpleName());
        }
        return new Outcome(ChangeStatus.APPLIED, applied);
    }

    private static java.util.UUID userOf(LearnerChange change) {
        if (change instanceof NoteChange note) {
            return note.userId().value();
        } else if (change instanceof BookmarkChange bookmark) {
            return bookmark.userId().value();
        } else if (change instanceof Tombstone tombstone) {
            return tombstone.userId().value();
        } else if (change instanceof LessonProgressChange progress) {
            return progress.userId().value();
        } else if (change instanceof EnrollmentChange enrollment) {
            return enrollment.userId().value();
        } else if (change instanceof CompletionReview review) {
            return review.userId().value();
        } else if (change instanceof QuizAttemptSubmission submission) {
            return submission.userId().value();
        }
        throw new IllegalStateException("no user in " + change.getClass().getSimpleName());
    }

    private static ChangeResult duplicate(PushedChange change, PushSession session) {
        Optional<Rejection> rejected = session.rejectionOf(change.seq());
        if (rejected.isPresent()) {
            return new ChangeResult(change.seq(), ChangeStatus.DUPLICATE, null, List.of(), rejected.get());
        }
        List<SyncRow> rows = session.current(change.entity().code(), change.id()).map(List::of).orElse(List.of());
        return new ChangeResult(change.seq(), ChangeStatus.DUPLICATE, null, rows, null);
    }

    private static List<PushedChange> checkEnvelope(Caller caller, PushRequest request) {
        Inputs.required(request, "body");
        Inputs.required(request.deviceId(), "deviceId");
        if (!request.deviceId().equals(caller.device().value())) {
            throw ApiProblem.forbidden("device_mismatch", "This push names device " + request.deviceId()
                    + ", but the access token was issued to device " + caller.device().value() + ".");
        }
        if (request.clockOffsetMillis() != null && Math.abs(request.clockOffsetMillis()) > MAX_OFFSET_MILLIS) {
            throw ApiProblem.validation("clockOffsetMillis", "clockOffsetMillis must be within ten years");
        }
        List<PushedChange> changes = Inputs.required(request.changes(), "changes");
        if (changes.size() > MAX_CHANGES) {
            throw ApiProblem.of(ProblemKind.PAYLOAD_TOO_LARGE, "batch_too_large", "A push holds at most " + MAX_CHANGES
                    + " changes; this one holds " + changes.size() + ". Send them in smaller batches.");
        }
        if (changes.isEmpty()) {
            throw ApiProblem.validation("changes", "a push holds 1 to " + MAX_CHANGES + " changes");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            PushedChange change = changes.get(i);
            String at = "changes[" + i + "]";
            Inputs.required(change, at);
            Inputs.required(change.entity(), at + ".entity");
            Inputs.required(change.op(), at + ".op");
            Inputs.required(change.id(), at + ".id");
            Inputs.required(change.payload(), at + ".payload");
            if (change.seq() < 1) {
                throw ApiProblem.validation(at + ".seq", at + ".seq must be 1 or more, was " + change.seq());
            }
            if (!seen.add(change.seq())) {
                throw ApiProblem.invalidField(at + ".seq", "sequence number " + change.seq() + " appears twice in this push");
            }
        }
        return changes.stream().sorted(Comparator.comparingLong(PushedChange::seq)).toList();
    }

    /** The merge rules of one push, over its session's rows. */
    private record Merges(NoteMerge notes, BookmarkMerge bookmarks, ProgressMerge progress, EnrollmentMerge enrollments,
            ReviewMerge reviews, AttemptIntake attempts) {
        Merges(PushSession session, ObjectMapper mapper) {
            this(new NoteMerge(session.notes()), new BookmarkMerge(session.bookmarks()),
                    new ProgressMerge(session.progress(), session.enrollments()), new EnrollmentMerge(session.enrollments()), new ReviewMerge(session.completions()),
                    new AttemptIntake(session.attempts(), mapper));
        }
    }
}
