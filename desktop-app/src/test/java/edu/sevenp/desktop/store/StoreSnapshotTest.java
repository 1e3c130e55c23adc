package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The helper that other tests trust to show "nothing changed" must see every table and every change. */
class StoreSnapshotTest {

    @Test
    void seesEveryTableOfTheStoreAndAChangeInAnyOfThem() {
        try (LocalStore store = LocalStore.openInMemory("snapshot-" + UUID.randomUUID())) {
            Map<String, String> before = StoreSnapshot.of(store);

            SearchQueue.enqueue(store.dsl(), SearchQueue.DocType.NOTE, UUID.randomUUID());

            assertThat(before.keySet()).contains("courses", "course_lessons", "quiz_questions", "media_files", "media_cache",
                    "course_resources", "user_notes", "outbox", "search_queue", "course_packages");
            assertThat(StoreSnapshot.of(store)).isNotEqualTo(before);
            assertThat(StoreSnapshot.rowCounts(store)).containsEntry("search_queue", 1).containsEntry("users", 1);
        }
    }
}
