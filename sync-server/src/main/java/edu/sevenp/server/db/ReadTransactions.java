package edu.sevenp.server.db;

import edu.sevenp.model.UserId;
import edu.sevenp.server.health.ReadCounts;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.ProblemKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only transactions as the request role (pulls, catalog reads), served by the streaming read replica when
 * it is safe and by the primary otherwise (docs/operations.md, "Scale-out").
 *
 * <p><b>The rule.</b> A read goes to the replica only when the replica has replayed the primary's WAL up to the
 * position the primary had flushed when the read began ({@code pg_current_wal_flush_lsn()}), waiting at most
 * {@link #CATCH_UP_WAIT} for it. Every cursor, every push answer and every push-channel notice a client holds was
 * given before its read began, from transactions whose commits were flushed before anyone could see them
 * (synchronous_commit is not off), so the replica is never behind any of them: a cursor is never served from a
 * replica behind it, and a pull right after a push or a notice sees that change. Comparing the cursor alone would
 * not do: a pull answers rows as they are at its snapshot, newer than its cursor, and a push's answer carries no
 * cursor at all.
 *
 * <p>The flushed position, not the insert position: WAL of no commit (a page pruned by a read) is flushed only by
 * the WAL writer, within {@code wal_writer_delay}. For the same reason the flushed position may end inside such a
 * record, which the replica replays once the rest arrives; a primary with a replica runs with a
 * {@code wal_writer_delay} of 10 ms, not 200. A replica that does not answer is left alone for
 * {@link #RETRY_DOWN_AFTER}; its reads go to the primary meanwhile.
 *
 * <p>Both sides are {@link RequestTransactions}, so the acting user and row-level security apply on the replica
 * exactly as on the primary (it is a physical copy: same roles, same policies).
 */
final class ReadTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(ReadTransactions.class);

    /** How long a read waits for the replica to replay the primary's position before it reads the primary. */
    static final Duration CATCH_UP_WAIT = Duration.ofMillis(50);
    /** How long a replica that did not answer is left alone before a read tries it again. */
    static final Duration RETRY_DOWN_AFTER = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(1);

    private final RequestTransactions primary;
    private final RequestTransactions replica;
    private final LongAdder replicaReads = new LongAdder();
    private final LongAdder primaryBehind = new LongAdder();
    private final LongAdder primaryDown = new LongAdder();
    /** The nano time before which the replica is not tried again; {@code Long.MIN_VALUE} while it answers. */
    private final AtomicLong downUntil = new AtomicLong(Long.MIN_VALUE);

    private ReadTransactions(RequestTransactions primary, RequestTransactions replica) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.replica = replica;
    }

    /** Every read on the primary. */
    static ReadTransactions primaryOnly(RequestTransactions primary) {
        return new ReadTransactions(primary, null);
    }

    static ReadTransactions withReplica(RequestTransactions primary, RequestTransactions replica) {
        return new ReadTransactions(primary, Objects.requireNonNull(replica, "replica"));
    }

    /** Runs read-only {@code work} as {@code user}. */
    <T> T as(UserId user, RequestTransactions.Work<T> work) {
        Objects.requireNonNull(user, "user");
        return read(work, (transactions, body) -> transactions.as(user, body));
    }

    /** Runs read-only {@code work} without a user (the public catalog). */
    <T> T anonymous(RequestTransactions.Work<T> work) {
        return read(work, RequestTransactions::anonymous);
    }

    /** The counts since start-up; empty without a replica. */
    Optional<ReadCounts> counts() {
        return replica == null ? Optional.empty()
                : Optional.of(new ReadCounts(replicaReads.sum(), primaryBehind.sum(), primaryDown.sum()));
    }

    private <T> T read(RequestTransactions.Work<T> work,
            BiFunction<RequestTransactions, RequestTransactions.Work<T>, T> run) {
        if (replica == null) {
            return run.apply(primary, work);
        }
        long down = downUntil.get();
        if (down != Long.MIN_VALUE && System.nanoTime() - down < 0) {
            primaryDown.increment();
            return run.apply(primary, work);
        }
        String position = primary.anonymous(tx -> tx.fetchSingle("select pg_current_wal_flush_lsn()::text")
                .get(0, String.class));
        try {
            T result = run.apply(replica, tx -> {
                awaitReplay(tx, position);
                return work.run(tx);
            });
            replicaReads.increment();
            if (downUntil.getAndSet(Long.MIN_VALUE) != Long.MIN_VALUE) {
                LOG.info("replica answers again; pulls and catalog reads go to it");
            }
            return result;
        } catch (ReplicaBehind e) {
            primaryBehind.increment();
        } catch (ApiProblem e) {
            if (e.kind() != ProblemKind.UNAVAILABLE) {
                throw e; // the request's own fault: the primary would refuse it alike
            }
            markDown(e);
        } catch (DataAccessException e) {
            // A query cancelled by a conflict with recovery, or another failure of the replica's: the primary
            // answers (and refuses what it would refuse anyway).
            LOG.warn("replica read failed, reading the primary: {}", LoginFailures.oneLine(String.valueOf(e.getMessage())));
            primaryBehind.increment();
        }
        return run.apply(primary, work);
    }

    private void markDown(ApiProblem e) {
        primaryDown.increment();
        long until = System.nanoTime() + RETRY_DOWN_AFTER.toNanos();
        if (downUntil.getAndSet(until) == Long.MIN_VALUE) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warn("replica unavailable, reading the primary for {} s: {}", RETRY_DOWN_AFTER.toSeconds(),
                    LoginFailures.oneLine(String.valueOf(cause.getMessage())));
        }
    }

    /** Waits until the replica has replayed {@code position}; throws {@link ReplicaBehind} when it does not in time. */
    private void awaitReplay(DSLContext tx, String position) {
        long deadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        while (true) {
            // NULL when the server is not in recovery: then it is no replica of the primary (or was promoted).
            Boolean replayed = tx.fetchSingle("select pg_last_wal_replay_lsn() >= ?::pg_lsn", position)
                    .get(0, Boolean.class);
            if (replayed == null) {
                throw new ReplicaBehind();
            }
            if (replayed) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ReplicaBehind();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new ReplicaBehind();
            }
        }
    }

    /** The replica has not replayed the primary's position in time: the read goes to the primary. */
    private static final class ReplicaBehind extends RuntimeException {
        ReplicaBehind() {
            super("the replica is behind the primary", null, false, false);
        }
    }
}
