package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.LESSON_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.UserId;
import edu.sevenp.model.json.JsonMapperFactory;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** View models write from background threads: concurrent writes lose nothing and are queued once each. */
class WriteTransactionsTest {

    private static final ObjectMapper JSON = JsonMapperFactory.create();
    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("concurrent-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final UserId learner = fixture.learner();
    private final FixtureCourse course = fixture.course("Busy", 1, 2);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void concurrentProgressReportsAddUpAndEachIsQueuedOnceInSequence() throws Exception {
        int threads = 8;
        int reportsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int r = 0; r < reportsEach; r++) {
                        store.progress().record(learner, course.lesson(thread % 2),
                                ProgressEntry.visit(MONDAY.plusSeconds(r), r, BigDecimal.ONE, 1));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        int total = fixture.dsl().select(sum(LESSON_PROGRESS.TOTAL_TIME_SPENT)).from(LESSON_PROGRESS).fetchSingle()
                .value1().intValue();
        List<Outbox.Entry> queued = fixture.outbox();
        int queuedSeconds = 0;
        for (Outbox.Entry entry : queued) {
            queuedSeconds += JSON.readTree(entry.payload()).get("timeSpentDelta").asInt();
        }
        assertThat(total).isEqualTo(threads * reportsEach);
        assertThat(queuedSeconds).isEqualTo(total);
        assertThat(queued).hasSize(threads * reportsEach);
        assertThat(queued).extracting(Outbox.Entry::seq).isSorted().doesNotHaveDuplicates();
    }
}
