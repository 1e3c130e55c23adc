package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.learning.InvalidInputException.Problem;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.BookmarkId;
import edu.sevenp.model.learning.Bookmark;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BookmarkServiceTest {

    private final TestClock clock = new TestClock(OffsetDateTime.parse("2025-03-03T09:00:00Z"));
    private final LocalStore store = LocalStore.openInMemory("bookmark-service-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final FixtureCourse course = fixture.course("Joins", 1, 1);
    private final BookmarkService bookmarks = new BookmarkService(store.bookmarks(), fixture.learner(), clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void blankTitleAndRemarkAreNone() {
        Bookmark bookmark = bookmarks.add(course.lesson(0), " ", 30, "");

        assertThat(bookmark).isEqualTo(new Bookmark(bookmark.id(), fixture.learner(), course.lesson(0), course.id(), null, 30,
                null, clock.now(), clock.now()));
        assertThat(bookmarks.forLesson(course.lesson(0))).containsExactly(bookmark);
        assertThat(bookmarks.forCourse(course.id())).containsExactly(bookmark);
    }

    @Test
    void aTitleTooLongAndANegativeTimeAreRefusedWithNothingWritten() {
        assertThatThrownBy(() -> bookmarks.add(course.lesson(0), "t".repeat(201), -5, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem("title", "A bookmark's title can be at most 200 characters long; this one has 201."),
                        new Problem("timestampInVideo", "A time in the video cannot be negative.")));
        assertThat(fixture.outbox()).isEmpty();
    }

    @Test
    void editingAndRemoving() {
        Bookmark bookmark = bookmarks.add(course.lesson(0), "Key idea", 30, null);

        Bookmark edited = bookmarks.edit(bookmark.id(), "Key idea, revisited", 31, "see 1.2");
        bookmarks.remove(bookmark.id());
        bookmarks.remove(bookmark.id());

        assertThat(edited.title()).isEqualTo("Key idea, revisited");
        assertThat(bookmarks.forLesson(course.lesson(0))).isEmpty();
        assertThatThrownBy(() -> bookmarks.edit(bookmark.id(), "x", null, null))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("This bookmark was removed, so the change was not saved.");
        assertThatThrownBy(() -> bookmarks.edit(BookmarkId.random(), "x", -1, null)).isInstanceOf(InvalidInputException.class);
    }
}
