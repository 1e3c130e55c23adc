package edu.sevenp.server.db;

import static edu.sevenp.server.db.schema.Tables.MEDIA_FILES;

import edu.sevenp.model.UserId;
import edu.sevenp.server.media.MediaCatalog;
import java.util.Objects;
import java.util.Optional;

/** Whether a user may read a media file: any media_files row with its hash that row-level security shows them. */
final class JooqMediaCatalog implements MediaCatalog {

    private final RequestTransactions transactions;

    JooqMediaCatalog(RequestTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Optional<String> readableType(UserId user, String sha256) {
        return transactions.as(user, tx -> tx.select(MEDIA_FILES.MIME_TYPE).from(MEDIA_FILES)
                .where(MEDIA_FILES.FILE_HASH.eq(sha256)).limit(1).fetchOptional(MEDIA_FILES.MIME_TYPE));
    }
}
