package edu.sevenp.server.db;

import edu.sevenp.model.DeviceId;
import edu.sevenp.model.UserId;
import edu.sevenp.server.sync.PullSession;
import edu.sevenp.server.sync.PushSession;
import edu.sevenp.server.sync.SyncStore;
import java.util.Objects;
import java.util.function.Function;

/** Push and pull transactions as the user: pushes on the primary, pulls where {@link ReadTransactions} sends them. */
final class JooqSyncStore implements SyncStore {

    private final RequestTransactions transactions;
    private final ReadTransactions reads;

    JooqSyncStore(RequestTransactions transactions, ReadTransactions reads) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.reads = Objects.requireNonNull(reads, "reads");
    }

    @Override
    public <T> T push(UserId user, DeviceId device, Function<PushSession, T> work) {
        return transactions.as(user, tx -> work.apply(JooqPushSession.open(tx, user, device)));
    }

    @Override
    public <T> T pull(UserId user, Function<PullSession, T> work) {
        return reads.as(user, tx -> work.apply(new JooqPullSession(tx, user)));
    }
}
