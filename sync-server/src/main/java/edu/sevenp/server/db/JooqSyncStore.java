package edu.sevenp.server.db;

import edu.sevenp.model.DeviceId;
import edu.sevenp.model.UserId;
import edu.sevenp.server.sync.PullSession;
import edu.sevenp.server.sync.PushSession;
import edu.sevenp.server.sync.SyncStore;
import java.util.Objects;
import java.util.function.Function;

/** Push and pull transactions as the user. */
final class JooqSyncStore implements SyncStore {

    private final RequestTransactions transactions;

    JooqSyncStore(RequestTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public <T> T push(UserId user, DeviceId device, Function<PushSession, T> work) {
        return transactions.as(user, tx -> work.apply(JooqPushSession.open(tx, user, device)));
    }

    @Override
    public <T> T pull(UserId user, Function<PullSession, T> work) {
        return transactions.as(user, tx -> work.apply(new JooqPullSession(tx, user)));
    }
}
