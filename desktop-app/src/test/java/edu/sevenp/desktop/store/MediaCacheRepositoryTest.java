package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.testing.WireRows.answer;
import static edu.sevenp.desktop.testing.WireRows.page;
import static edu.sevenp.desktop.testing.WireRows.upserts;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.MediaCacheRepository.Entry;
import edu.sevenp.desktop.store.MediaCacheRepository.Need;
import edu.sevenp.desktop.store.MediaCacheRepository.State;
import edu.sevenp.desktop.testing.WireRows;
import edu.sevenp.desktop.testing.WireRows.Course;
import edu.sevenp.model.protocol.Streams;
import edu.sevenp.model.protocol.rows.SyncRow;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The media_cache bookkeeping: which files the synced courses need, and which no course uses any more. */
class MediaCacheRepositoryTest {

    private final LocalStore store = LocalStore.openInMemory("media-cache-" + UUID.randomUUID());
    private final MediaCacheRepository cache = store.mediaCache();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void syncedCoursesNeedTheirFilesCourseByCourseTheLastOpenedFirstAndVideosInTeachingOrder() {
        Course other = WireRows.course(2);
        Course opened = WireRows.course(1);
        String v0 = hash('0');
        String v1 = hash('1');
        String slides = hash('2');
        String w = hash('3');
        List<SyncRow> otherRows = new ArrayList<>(other.rows());
        otherRows.add(WireRows.mediaFile(other, "a.mp4", v0, 100));
        otherRows.add(WireRows.mediaFile(other, "b.mp4", v1, 200));
        otherRows.add(WireRows.mediaFile(other, "c.pdf", slides, 300));
        otherRows.add(WireRows.lessonWithVideo(other, 1, v1));
        otherRows.add(WireRows.lessonWithVideo(other, 0, v0));
        otherRows.add(WireRows.resource(other, "Slides", "media:" + slides, 300L));
        otherRows.add(WireRows.resource(other, "Elsewhere", "https://example.org/elsewhere.pdf", null));
        List<SyncRow> openedRows = new ArrayList<>(opened.rows());
        openedRows.add(WireRows.lessonWithVideo(opened, 0, w));
        store.sync().applyPull(answer(page(other.stream(), "1.1", upserts(otherRows)), page(opened.stream(), "1.2",
                upserts(openedRows)), page(Streams.USER, "1.3", upserts(WireRows.enrollment(UUID.randomUUID(),
                store.identity().userId().value(), opened, 1)))));
        StoreFixture.FixtureCourse imported = new StoreFixture(store).course("Imported only", 1, 1);
        store.dsl().update(COURSE_LESSONS).set(COURSE_LESSONS.VIDEO_URL, "media:" + hash('4'))
                .where(COURSE_LESSONS.ID.eq(imported.lesson(0).value())).execute();

        List<Need> needs = cache.neededBySyncedCourses();

        assertThat(needs).containsExactly(new Need(opened.id(), w, -1),
                new Need(other.id(), v0, 100), new Need(other.id(), v1, 200), new Need(other.id(), slides, 300),
                new Need(other.id(), v0, 100), new Need(other.id(), v1, 200), new Need(other.id(), slides, 300));
    }

    @Test
    void aDownloadsRowFollowsItFromDownloadingToVerifiedOrCorrupt() {
        String file = hash('a');

        cache.recordDownloading(file, 10, 4);
        Entry downloading = cache.entry(file).orElseThrow();
        cache.recordVerified(file, 10);
        Entry verified = cache.entry(file).orElseThrow();
        cache.recordCorrupt(file, 10);

        assertThat(List.of(downloading, verified, cache.entry(file).orElseThrow())).containsExactly(
                new Entry(file, 10, 4, State.DOWNLOADING), new Entry(file, 10, 10, State.VERIFIED),
                new Entry(file, 10, 0, State.CORRUPT));
    }

    @Test
    void aFileNoCourseUsesAnyMoreIsForgottenAndOneStillUsedIsKept() {
        Course course = WireRows.course(1);
        String used = hash('b');
        String unused = hash('c');
        List<SyncRow> rows = new ArrayList<>(course.rows());
        rows.add(WireRows.lessonWithVideo(course, 0, used));
        store.sync().applyPull(answer(page(course.stream(), "1.1", upserts(rows))));
        cache.recordVerified(used, 10);
        cache.recordVerified(unused, 20);

        List<Entry> unreferenced = cache.unreferenced();
        boolean usedForgotten = cache.forgetUnreferenced(used);
        boolean unusedForgotten = cache.forgetUnreferenced(unused);

        assertThat(unreferenced).containsExactly(new Entry(unused, 20, 20, State.VERIFIED));
        assertThat(List.of(usedForgotten, unusedForgotten)).containsExactly(false, true);
        assertThat(cache.entries().keySet()).containsExactly(used);
    }

    private static String hash(char digit) {
        return String.valueOf(digit).repeat(64);
    }
}
