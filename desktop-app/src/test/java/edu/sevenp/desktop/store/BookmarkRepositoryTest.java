package edu.sevenp.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.model.BookmarkId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Bookmark;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BookmarkRepositoryTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2025-03-03T09:00:00Z");
    private static final OffsetDateTime TUESDAY = OffsetDateTime.parse("2025-03-04T09:00:00Z");

    private final LocalStore store = LocalStore.openInMemory("bookmarks-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final UserId learner = fixture.learner();
    private final FixtureCourse course = fixture.course("Joins", 2, 1);
    private final BookmarkRepository bookmarks = store.bookmarks();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aBookmarkMarksAPlaceInALessonOfTheCourse() {
        Bookmark bookmark = bookmarks.add(learner, course.lesson(0), "Key idea", 75, "compare with 2.1", MONDAY).orElseThrow();

        assertThat(bookmark).isEqualTo(new Bookmark(bookmark.id(), learner, course.lesson(0), course.id(), "Key idea", 75,
                "compare with 2.1", MONDAY, MONDAY));
        assertThat(bookmarks.find(learner, bookmark.id())).contains(bookmark);
        assertThat(fixture.searchQueue()).isEmpty();
    }

    @Test
    void editingReplacesTitleTimeAndRemark() {
        Bookmark bookmark = bookmarks.add(learner, course.lesson(0), "Key idea", 75, null, MONDAY).orElseThrow();

        assertThat(bookmarks.edit(learner, bookmark.id(), null, null, "whole lesson", TUESDAY)).contains(new Bookmark(
                bookmark.id(), learner, course.lesson(0), course.id(), null, null, "whole lesson", MONDAY, TUESDAY));
    }

    @Test
    void removingDeletesItOnce() {
        Bookmark bookmark = bookmarks.add(learner, course.lesson(0), null, null, null, MONDAY).orElseThrow();

        assertThat(bookmarks.remove(learner, bookmark.id(), TUESDAY)).isTrue();
        assertThat(bookmarks.remove(learner, bookmark.id(), TUESDAY)).isFalse();
        assertThat(bookmarks.find(learner, bookmark.id())).isEmpty();
    }

    @Test
    void aMissingBookmarkOrLessonChangesNothing() {
        assertThat(bookmarks.edit(learner, BookmarkId.random(), "t", null, null, MONDAY)).isEmpty();
        assertThat(bookmarks.add(learner, LessonId.random(), "t", null, null, MONDAY)).isEmpty();
        assertThat(fixture.outbox()).isEmpty();
    }

    @Test
    void bookmarksListByLessonInVideoOrderAndByCourseInLessonOrder() {
        Bookmark whole = bookmarks.add(learner, course.lesson(0), "whole", null, null, MONDAY).orElseThrow();
        Bookmark at90 = bookmarks.add(learner, course.lesson(0), "90", 90, null, MONDAY).orElseThrow();
        Bookmark second = bookmarks.add(learner, course.lesson(1), "second lesson", 5, null, MONDAY).orElseThrow();
        Bookmark at10 = bookmarks.add(learner, course.lesson(0), "10", 10, null, TUESDAY).orElseThrow();

        assertThat(bookmarks.forLesson(learner, course.lesson(0))).containsExactly(at10, at90, whole);
        assertThat(bookmarks.forCourse(learner, course.id())).containsExactly(at10, at90, whole, second);
    }
}
