package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.search.HitType;
import edu.sevenp.desktop.search.IndexStatus;
import edu.sevenp.desktop.search.SearchHit;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The player's search on a fresh profile: the index is built in the background, in the profile's folder. */
class DesktopSearchIT {

    @TempDir
    Path dataDirectory;

    @Test
    void aFreshProfileSearchesTheSampleCourseOnceItsIndexIsBuilt() throws Exception {
        DesktopPaths paths = new DesktopPaths(dataDirectory, "default");
        try (DesktopContext context = DesktopContext.open(paths)) {
            CountDownLatch ready = new CountDownLatch(1);
            context.search().addListener(status -> {
                if (status.state() == IndexStatus.State.READY) {
                    ready.countDown();
                }
            });
            assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();

            assertThat(context.search().search("joins", 5).hits()).first()
                    .extracting(SearchHit::type, SearchHit::title)
                    .containsExactly(HitType.LESSON, "Combining Tables with Joins");
        }
        assertThat(paths.profileDirectory().resolve("search-index")).isDirectoryContaining("glob:**/segments_*");
    }
}
