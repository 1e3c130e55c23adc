package edu.sevenp.desktop.ui.bookmarks;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.store.Outbox;
import edu.sevenp.desktop.ui.LearnerFixture;
import edu.sevenp.desktop.ui.common.LessonOpener;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.learning.Bookmark;
import edu.sevenp.model.sync.ChangeOperation;
import edu.sevenp.model.sync.SyncEntity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookmarksViewModelTest {

    @TempDir
    Path temp;

    private LearnerFixture fixture;
    private final List<LessonRef> opened = new ArrayList<>();
    private BookmarksViewModel bookmarks;

    @BeforeEach
    void open() {
        fixture = new LearnerFixture(temp);
        bookmarks = new BookmarksViewModel(fixture.learning.bookmarks(), fixture.library, UiExecutors.sameThread(),
                fixture.feedback, (course, lesson) -> opened.add(new LessonRef(course, lesson)));
        bookmarks.show(fixture.ref(1));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void toggleBookmarksTheLessonShown() {
        bookmarks.toggleCurrent();

        Bookmark stored = fixture.learning.bookmarks().forCourse(fixture.course).get(0);
        assertThat(stored.lessonId()).isEqualTo(fixture.lessons.get(1).id());
        assertThat(bookmarks.currentBookmarkedProperty().get()).isTrue();
        assertThat(bookmarks.bookmarks()).extracting(BookmarkItem::label).containsExactly("Lesson 1.2");
        assertThat(fixture.store.outbox().forEntity(SyncEntity.USER_BOOKMARKS, stored.id().value()))
                .extracting(Outbox.Entry::operation).containsExactly(ChangeOperation.UPSERT);
    }

    @Test
    void onAVideoTheBookmarkKeepsTheVideosTimeAndOpeningItPlaysFromThere() {
        List<String> asked = new ArrayList<>();
        BookmarksViewModel video = new BookmarksViewModel(fixture.learning.bookmarks(), fixture.library,
                UiExecutors.sameThread(), fixture.feedback, new LessonOpener() {
                    @Override
                    public void openLesson(CourseId course, LessonId lesson) {
                        asked.add("open");
                    }

                    @Override
                    public void openLessonAt(CourseId course, LessonId lesson, int seconds) {
                        asked.add("open at " + seconds);
                    }
                });
        video.useVideoTime(() -> Optional.of(125));
        video.show(fixture.ref(1));

        video.toggleCurrent();
        video.open(video.bookmarks().get(0));

        assertThat(fixture.learning.bookmarks().forCourse(fixture.course)).extracting(Bookmark::timestampInVideo)
                .containsExactly(125);
        assertThat(video.bookmarks()).extracting(BookmarkItem::label).containsExactly("Lesson 1.2 · at 2:05");
        assertThat(fixture.feedback.statuses()).contains("Lesson bookmarked at 2:05.");
        assertThat(asked).containsExactly("open at 125");
    }

    @Test
    void toggleAgainRemovesTheBookmark() {
        bookmarks.toggleCurrent();

        bookmarks.toggleCurrent();

        assertThat(fixture.learning.bookmarks().forCourse(fixture.course)).isEmpty();
        assertThat(bookmarks.currentBookmarkedProperty().get()).isFalse();
        assertThat(bookmarks.bookmarks()).isEmpty();
    }

    @Test
    void theListCoversTheCourseInCourseOrderAndOpensALesson() {
        bookmarks.toggleCurrent();
        bookmarks.show(fixture.ref(0));
        bookmarks.toggleCurrent();
        bookmarks.show(fixture.ref(3));

        assertThat(bookmarks.bookmarks()).extracting(BookmarkItem::label).containsExactly("Lesson 1.1", "Lesson 1.2");
        assertThat(bookmarks.currentBookmarkedProperty().get()).isFalse();
        bookmarks.open(bookmarks.bookmarks().get(1));
        assertThat(opened).containsExactly(fixture.ref(1));
    }

    @Test
    void aRemovedBookmarkCanBeAddedBack() {
        bookmarks.toggleCurrent();

        bookmarks.remove(bookmarks.bookmarks().get(0));
        assertThat(bookmarks.bookmarks()).isEmpty();
        assertThat(bookmarks.lastRemovedProperty().get()).isNotNull();
        bookmarks.undoRemove();

        assertThat(fixture.learning.bookmarks().forCourse(fixture.course)).extracting(Bookmark::lessonId)
                .containsExactly(fixture.lessons.get(1).id());
        assertThat(bookmarks.currentBookmarkedProperty().get()).isTrue();
        assertThat(bookmarks.lastRemovedProperty().get()).isNull();
    }

    @Test
    void aFailedRemovalCannotBeUndone() {
        bookmarks.toggleCurrent();
        BookmarkItem item = bookmarks.bookmarks().get(0);
        fixture.store.close();

        bookmarks.remove(item);

        assertThat(fixture.feedback.failures()).hasSize(1);
        assertThat(bookmarks.lastRemovedProperty().get()).isNull();
    }

    @Test
    void renamingLabelsTheBookmarkAndQueuesTheChangeForTheServer() {
        bookmarks.toggleCurrent();
        BookmarkItem item = bookmarks.bookmarks().get(0);
        assertThat(item.editableTitle()).isEqualTo("Lesson 1.2");

        bookmarks.rename(item, "  Before the exam ");

        Bookmark stored = fixture.learning.bookmarks().forCourse(fixture.course).get(0);
        assertThat(stored.title()).isEqualTo("Before the exam");
        assertThat(bookmarks.bookmarks()).extracting(BookmarkItem::label).containsExactly("Before the exam (Lesson 1.2)");
        assertThat(bookmarks.bookmarks().get(0).editableTitle()).isEqualTo("Before the exam");
        List<Outbox.Entry> queued = fixture.store.outbox().forEntity(SyncEntity.USER_BOOKMARKS, stored.id().value());
        assertThat(queued).extracting(Outbox.Entry::operation).containsExactly(ChangeOperation.UPSERT, ChangeOperation.UPSERT);
        assertThat(queued.get(1).payload()).contains("\"title\":\"Before the exam\"");
        assertThat(fixture.feedback.statuses()).last().isEqualTo("Bookmark renamed.");
    }

    @Test
    void aBlankNameNamesTheBookmarkAfterItsLessonAgain() {
        bookmarks.toggleCurrent();
        bookmarks.rename(bookmarks.bookmarks().get(0), "Joins");

        bookmarks.rename(bookmarks.bookmarks().get(0), "   ");

        assertThat(fixture.learning.bookmarks().forCourse(fixture.course).get(0).title()).isNull();
        assertThat(bookmarks.bookmarks()).extracting(BookmarkItem::label).containsExactly("Lesson 1.2");
    }

    @Test
    void keepingTheNameQueuesNothing() {
        bookmarks.toggleCurrent();
        Bookmark stored = fixture.learning.bookmarks().forCourse(fixture.course).get(0);

        bookmarks.rename(bookmarks.bookmarks().get(0), "Lesson 1.2");

        assertThat(fixture.learning.bookmarks().forCourse(fixture.course).get(0).title()).isNull();
        assertThat(fixture.store.outbox().forEntity(SyncEntity.USER_BOOKMARKS, stored.id().value())).hasSize(1);
    }

    @Test
    void aNameTooLongIsRefusedWithAMessageAndTheOldOneStays() {
        bookmarks.toggleCurrent();

        bookmarks.rename(bookmarks.bookmarks().get(0), "x".repeat(201));

        assertThat(fixture.feedback.failures()).hasSize(1);
        assertThat(fixture.feedback.failures().get(0).getMessage()).contains("200");
        assertThat(bookmarks.bookmarks()).extracting(BookmarkItem::label).containsExactly("Lesson 1.2");
    }
}
