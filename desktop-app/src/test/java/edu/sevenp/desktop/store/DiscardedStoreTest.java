package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.desktop.library.BundledCourse;
import edu.sevenp.model.json.JsonMapperFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A discarded in-memory store (a preview's) is gone: its database with its rows, and its media folder. */
class DiscardedStoreTest {

    @Test
    void aDiscardedInMemoryStoreLeavesNoDatabaseAndNoFolder() {
        String name = "discarded-" + UUID.randomUUID();
        LocalStore store = LocalStore.openInMemory(name);
        new BundledCourse(new CoursePackageReader(JsonMapperFactory.createStrict())).install(store.importer());
        Path media = store.mediaDirectory();
        assertThat(store.courses().courses()).hasSize(1);

        store.discard();

        assertThat(Files.exists(media)).isFalse();
        try (LocalStore again = LocalStore.openInMemory(name)) {
            assertThat(again.courses().courses()).isEmpty();
        }
    }

    @Test
    void closingAloneKeepsAnInMemoryDatabaseUntilTheProgramEnds() {
        String name = "kept-" + UUID.randomUUID();
        LocalStore store = LocalStore.openInMemory(name);
        new BundledCourse(new CoursePackageReader(JsonMapperFactory.createStrict())).install(store.importer());

        store.close();

        LocalStore again = LocalStore.openInMemory(name);
        try {
            assertThat(again.courses().courses()).hasSize(1);
        } finally {
            again.discard();
        }
    }
}
