package edu.sevenp.desktop.sync;

import edu.sevenp.desktop.failure.FailureWords;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.store.SyncRepository;
import edu.sevenp.model.DeviceId;
import edu.sevenp.model.json.JsonMapperFactory;
import edu.sevenp.model.protocol.ChangeStatus;
import edu.sevenp.model.protocol.PullRequest;
import edu.sevenp.model.protocol.PullResponse;
import edu.sevenp.model.protocol.PushRequest;
import edu.sevenp.model.protocol.PushResponse;
import edu.sevenp.model.protocol.PushedChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One full sync in named stages (docs/sync-client.md): contact (the clock offset), push the outbox in
 * batches, pull until nothing more, push again what the pull unlocked, fetch media. Every stage can stop
 * anywhere: what it finished is stored, and the next run goes on from there.
 */
final class SyncRun {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRun.class);

    /** Changes per push: the protocol allows 500. */
    static final int PUSH_BATCH = 500;
    /** Changes per pull answer: the protocol's most (it also stops near 1 MiB). */
    static final int PULL_LIMIT = 1000;
    /** A server that keeps saying "more" without moving a cursor is broken; stop rather than loop. */
    private static final int MAX_IDLE_PAGES = 3;

    private final SyncApi api;
    private final SyncRepository repository;
    private final DeviceId device;
    private final MediaStage media;
    private final BiConsumer<SyncStage, SyncProgress> progress;
    private final Clock clock;
    private final ObjectMapper json = JsonMapperFactory.create();

    SyncRun(SyncApi api, SyncRepository repository, DeviceId device, MediaStage media,
            BiConsumer<SyncStage, SyncProgress> progress, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.device = Objects.requireNonNull(device, "device");
        this.media = media;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    SyncSummary run() {
        Instant started = clock.instant();
        SyncApi.Traffic trafficBefore = api.traffic();
        progress.accept(SyncStage.CONTACT, null);
        ServerContact contact = api.contact();
        long offset = contact.clockOffset().toMillis();

        Pushed pushed = push(offset);
        Pulled pulled = pull();
        if (repository.planPush().pushable().size() > 0) {
            // The pull brought a course whose changes were held, or the learner went on working meanwhile: those
            // changes go now, and what the server made of them (roll-ups, conflict copies) is pulled, so that a run
            // that ends well leaves the device with the server's rows.
            pushed = pushed.plus(push(offset));
            pulled = pulled.plus(pull());
        }
        MediaStage.Fetched fetched = media == null ? new MediaStage.Fetched(0, 0, 0, null)
                : media.fetch(api, value -> progress.accept(SyncStage.MEDIA, value));
        SyncApi.Traffic traffic = api.traffic().minus(trafficBefore);
        SyncSummary summary = new SyncSummary(pushed.answered, pushed.rejected, pushed.held, pulled.written, pulled.deleted,
                repository.parkedRows(), pulled.revoked, fetched.files(), fetched.bytes(), fetched.failed(),
                fetched.problem(), contact.clockOffset(),
                Duration.between(started, clock.instant()), traffic.sent(), traffic.received());
        LOG.info("sync done pushed={} rejected={} held={} pulled={} deleted={} parked={} revoked={} mediaFiles={}"
                + " mediaBytes={} mediaFailed={} clockOffsetMs={} ms={} sentBytes={} receivedBytes={}", summary.pushed(),
                summary.rejected(), summary.held(), summary.pulledRows(), summary.deletedRows(), summary.parkedRows(),
                summary.revokedCourses(), summary.mediaFiles(), summary.mediaBytes(), summary.mediaFailed(), offset, summary.elapsed().toMillis(), summary.sentBytes(),
                summary.receivedBytes());
        return summary;
    }

    private record Pushed(int answered, int rejected, int held) {
        Pushed plus(Pushed more) {
            return new Pushed(answered + more.answered, rejected + more.rejected, more.held);
        }
    }

    private Pushed push(long offset) {
        SyncRepository.PushPlan plan = repository.planPush();
        List<Outbox.Entry> queue = plan.pushable();
        int answered = 0;
        int rejected = 0;
        progress.accept(SyncStage.PUSH, SyncProgress.of(0, queue.size(), SyncProgress.Unit.CHANGES));
        for (int from = 0; from < queue.size(); from += PUSH_BATCH) {
            List<Outbox.Entry> batch = queue.subList(from, Math.min(from + PUSH_BATCH, queue.size()));
            PushResponse answer = api.push(new PushRequest(device.value(), offset, changes(batch)));
            if (behindServer(batch, answer)) {
                // Recording this answer would drop every change as answered: they are new, the server's are old.
                throw new BehindServer();
            }
            SyncRepository.PushRecorded recorded = repository.recordPushAnswer(batch, answer);
            answered += recorded.answered();
            rejected += recorded.rejected();
            progress.accept(SyncStage.PUSH, SyncProgress.of(from + batch.size(), queue.size(), SyncProgress.Unit.CHANGES));
        }
        return new Pushed(answered, rejected, plan.held());
    }

    /**
     * The server has applied numbers of this device beyond the highest this push sent, and so answers every
     * change as a duplicate: the store was restored from an older copy and issued those numbers again. (A
     * device always sends its oldest pending change first, so the server's last number is otherwise the
     * highest it was sent.)
     */
    static boolean behindServer(List<Outbox.Entry> batch, PushResponse answer) {
        long highestSent = batch.get(batch.size() - 1).seq();
        return answer.lastAppliedSeq() > highestSent
                && answer.results().stream().allMatch(result -> result.status() == ChangeStatus.DUPLICATE);
    }

    /** See {@link #behindServer}: the caller re-keys the device; nothing of the answer was recorded. */
    static final class BehindServer extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BehindServer() {
            super("the server has applied this device's numbers beyond what this store issued", null, false, false);
        }
    }

    private List<PushedChange> changes(List<Outbox.Entry> batch) {
        List<PushedChange> changes = new ArrayList<>(batch.size());
        for (Outbox.Entry entry : batch) {
            try {
                changes.add(new PushedChange(entry.seq(), entry.entity(), entry.operation(), entry.entityId(),
                        json.readTree(entry.payload())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("outbox entry " + entry.seq() + " holds no JSON", e);
            }
        }
        return changes;
    }

    private record Pulled(int written, int deleted, int revoked) {
        Pulled plus(Pulled more) {
            return new Pulled(written + more.written, deleted + more.deleted, revoked + more.revoked);
        }
    }

    private Pulled pull() {
        int written = 0;
        int deleted = 0;
        int revoked = 0;
        int idle = 0;
        progress.accept(SyncStage.PULL, SyncProgress.of(0, -1, SyncProgress.Unit.ROWS));
        boolean more = true;
        while (more) {
            Map<String, String> cursors = repository.cursors();
            PullResponse answer = api.pull(new PullRequest(cursors, PULL_LIMIT));
            SyncRepository.PullApplied applied = repository.applyPull(answer);
            written += applied.written();
            deleted += applied.deleted();
            revoked += applied.revokedCourses().size();
            progress.accept(SyncStage.PULL, SyncProgress.of(written + deleted, -1, SyncProgress.Unit.ROWS));
            more = answer.more();
            idle = more && repository.cursors().equals(cursors) ? idle + 1 : 0;
            if (idle >= MAX_IDLE_PAGES) {
                throw SyncFailure.of(SyncFailure.Kind.REFUSED,
                        FailureWords.of(SyncFailure.class).text("endlessPull"));
            }
        }
        return new Pulled(written, deleted, revoked);
    }
}
