package edu.sevenp.desktop.store;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Runs the learner's writes: each in one transaction with its outbox entry (principle 2), and one at a
 * time. Outbox sequence numbers are handed out when an entry is inserted; if two writes could overlap,
 * the later number could commit first, the sync engine could push it, and the server, which ignores
 * numbers at or below the last one it applied (principle 3), would then drop the earlier change for
 * good. Holding one lock from the first statement to the commit makes sequence order commit order. The
 * store file belongs to one process (LocalStore refuses a second), so a lock in this object is enough.
 *
 * <p>Sequence numbers increase but may have gaps: a rolled-back write has used its number.
 */
final class WriteTransactions {

    /** A write: the statements of one transaction, given the transaction's context. */
    @FunctionalInterface
    interface Work<T> {
        T run(DSLContext tx);
    }

    private final DSLContext dsl;
    private final ReentrantLock lock = new ReentrantLock();

    WriteTransactions(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /**
     * Runs {@code work} in one transaction; on any failure nothing of it is kept.
     *
     * @param what what the learner was doing, for the message: the key {@code write.<what>} of this package's bundle
     *             ("saveNote")
     * @throws StoreException when the database refused the write
     */
    <T> T run(String what, Work<T> work) {
        lock.lock();
        try {
            return dsl.transactionResult(configuration -> work.run(configuration.dsl()));
        } catch (DataAccessException e) {
            // The database's words (SQL states, statements) go to the log with the cause, not to the learner.
            throw new StoreException(StoreException.WORDS.text("write." + what), e);
        } finally {
            lock.unlock();
        }
    }
}
