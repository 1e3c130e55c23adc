package edu.sevenp.desktop.ui.bookmarks;

import edu.sevenp.desktop.learning.BookmarkService;
import edu.sevenp.desktop.learning.NotesMarkdown;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.ui.common.Feedback;
import edu.sevenp.desktop.ui.common.LessonOpener;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.learning.Bookmark;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The bookmarks panel and the "Bookmark this lesson" toggle: the course's bookmarks in course order,
 * whether the lesson shown is bookmarked, and removal with undo (a removed bookmark is added back).
 */
public final class BookmarksViewModel {

    private final BookmarkService bookmarks;
    private final LibraryService library;
    private final UiExecutors executors;
    private final Feedback feedback;
    private final LessonOpener opener;
    /** The learner's language, taken when the view model is made. */
    private final Messages messages = Messages.of(BookmarksViewModel.class);
    /** Lets a list load overtaken by a newer one drop its result. */
    private final AtomicLong loads = new AtomicLong();

    private final ObservableList<BookmarkItem> items = FXCollections.observableArrayList();
    private final ObservableList<BookmarkItem> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final ObjectProperty<LessonRef> lesson = new SimpleObjectProperty<>(this, "lesson");
    private final BooleanProperty currentBookmarked = new SimpleBooleanProperty(this, "currentBookmarked", false);
    private final ObjectProperty<Bookmark> lastRemoved = new SimpleObjectProperty<>(this, "lastRemoved");
    /** True while a write is on its way, so a quick second Ctrl+D does not add the bookmark twice. */
    private final BooleanProperty writing = new SimpleBooleanProperty(this, "writing", false);
    /** The second of the video shown, while a video lesson's video is ready. */
    private Supplier<Optional<Integer>> videoTime = Optional::empty;

    public BookmarksViewModel(BookmarkService bookmarks, LibraryService library, UiExecutors executors, Feedback feedback,
            LessonOpener opener) {
        this.bookmarks = Objects.requireNonNull(bookmarks, "bookmarks");
        this.library = Objects.requireNonNull(library, "library");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** Where a new bookmark takes its video time from: the second of the video shown, while one is ready. */
    public void useVideoTime(Supplier<Optional<Integer>> source) {
        this.videoTime = Objects.requireNonNull(source, "source");
    }

    /** The player shows {@code shown}: list its course's bookmarks. */
    public void show(LessonRef shown) {
        LessonRef previous = lesson.get();
        lesson.set(Objects.requireNonNull(shown, "shown"));
        if (previous != null && !previous.course().equals(shown.course())) {
            lastRemoved.set(null);
        }
        reload();
    }

    /** Bookmarks the lesson shown (at the video's current time, on a video lesson), or removes its bookmarks when it has any. */
    public void toggleCurrent() {
        LessonRef shown = lesson.get();
        if (shown == null || writing.get()) {
            return;
        }
        List<Bookmark> onLesson = items.stream().map(BookmarkItem::bookmark)
                .filter(bookmark -> bookmark.lessonId().equals(shown.lesson())).toList();
        writing.set(true);
        if (onLesson.isEmpty()) {
            Integer time = videoTime.get().orElse(null);
            write(() -> bookmarks.add(shown.lesson(), null, time, null), time == null ? messages.get("status.added")
                    : messages.format("status.addedAt", NotesMarkdown.videoTime(time)), () -> {
            });
        } else {
            write(() -> onLesson.forEach(bookmark -> bookmarks.remove(bookmark.id())), messages.get("status.removedAll"), () -> {
            });
        }
    }

    /** Removes {@code item}; {@link #undoRemove()} adds it back. */
    public void remove(BookmarkItem item) {
        Bookmark bookmark = Objects.requireNonNull(item, "item").bookmark();
        if (writing.get()) {
            return;
        }
        writing.set(true);
        write(() -> bookmarks.remove(bookmark.id()), messages.get("status.removed"),
                () -> lastRemoved.set(bookmark));
    }

    /**
     * Renames {@code item}: {@code title} becomes its label. A blank title, or its lesson's own title on a bookmark
     * that had none, leaves it named after its lesson. The change reaches the server through the outbox, as every
     * bookmark change does; the video time and remark stay.
     */
    public void rename(BookmarkItem item, String title) {
        Bookmark bookmark = Objects.requireNonNull(item, "item").bookmark();
        String wanted = title == null || title.isBlank() ? null : title.strip();
        if (wanted != null && bookmark.title() == null && wanted.equals(item.lessonTitle())) {
            wanted = null;
        }
        if (Objects.equals(wanted, bookmark.title()) || writing.get()) {
            return;
        }
        String newTitle = wanted;
        writing.set(true);
        write(() -> bookmarks.edit(bookmark.id(), newTitle, bookmark.timestampInVideo(), bookmark.notes()),
                messages.get(newTitle == null ? "status.unnamed" : "status.renamed"), () -> {
                });
    }

    /** Adds the last removed bookmark back (with a new id: the removal already reached the outbox). */
    public void undoRemove() {
        Bookmark removed = lastRemoved.get();
        if (removed == null || writing.get()) {
            return;
        }
        lastRemoved.set(null);
        writing.set(true);
        write(() -> bookmarks.add(removed.lessonId(), removed.title(), removed.timestampInVideo(), removed.notes()),
                messages.get("status.restored"), () -> {
                });
    }

    /** Forgets the removal, so it can no longer be undone. */
    public void dismissUndo() {
        lastRemoved.set(null);
    }

    /** Shows the bookmark's lesson in the player; a bookmark with a video time plays the video from there. */
    public void open(BookmarkItem item) {
        Bookmark bookmark = Objects.requireNonNull(item, "item").bookmark();
        if (bookmark.timestampInVideo() == null) {
            opener.openLesson(bookmark.courseId(), bookmark.lessonId());
        } else {
            opener.openLessonAt(bookmark.courseId(), bookmark.lessonId(), bookmark.timestampInVideo());
        }
    }

    /** Runs {@code change} in the background; once written, runs {@code afterwards} and reloads the list. */
    private void write(Runnable change, String done, Runnable afterwards) {
        executors.load(() -> {
            change.run();
            return done;
        }, message -> {
            writing.set(false);
            afterwards.run();
            feedback.status(message);
            reload();
        }, failure -> {
            writing.set(false);
            feedback.failure(failure);
        });
    }

    private void reload() {
        LessonRef shown = lesson.get();
        if (shown == null) {
            return;
        }
        long request = loads.incrementAndGet();
        executors.load(() -> load(shown), loaded -> {
            if (request == loads.get()) {
                items.setAll(loaded);
                currentBookmarked.set(loaded.stream().anyMatch(item -> item.bookmark().lessonId().equals(shown.lesson())));
            }
        }, feedback::failure);
    }

    private List<BookmarkItem> load(LessonRef shown) {
        Map<LessonId, String> titles = library.outline(shown.course())
                .map(outline -> outline.lessonsInOrder().stream().collect(Collectors.toMap(Lesson::id, Lesson::title)))
                .orElseGet(Map::of);
        return bookmarks.forCourse(shown.course()).stream()
                .map(bookmark -> {
                    String lessonTitle = titles.getOrDefault(bookmark.lessonId(), messages.get("item.unknownLesson"));
                    return new BookmarkItem(bookmark, labelOf(bookmark, lessonTitle), lessonTitle);
                })
                .toList();
    }

    private String labelOf(Bookmark bookmark, String lessonTitle) {
        String label = bookmark.title() == null ? lessonTitle : messages.format("item.titled", bookmark.title(), lessonTitle);
        return bookmark.timestampInVideo() == null ? label
                : messages.format("item.at", label, NotesMarkdown.videoTime(bookmark.timestampInVideo()));
    }

    /** The course's bookmarks, in course order. */
    public ObservableList<BookmarkItem> bookmarks() {
        return readOnlyItems;
    }

    /** Whether the lesson shown has a bookmark. */
    public ReadOnlyBooleanProperty currentBookmarkedProperty() {
        return currentBookmarked;
    }

    /** The bookmark removed last, while its removal can be undone; null otherwise. */
    public ReadOnlyObjectProperty<Bookmark> lastRemovedProperty() {
        return lastRemoved;
    }

    /** The lesson shown; null until the player shows one. */
    public ReadOnlyObjectProperty<LessonRef> lessonProperty() {
        return lesson;
    }
}
