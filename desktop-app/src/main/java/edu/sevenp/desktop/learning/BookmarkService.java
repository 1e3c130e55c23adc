package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.BookmarkRepository;
import edu.sevenp.model.BookmarkId;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Bookmark;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** Places in lessons the learner wants to find again. Every change reaches the server through the outbox. */
public final class BookmarkService {

    /** The longest title (user_bookmarks.title). */
    public static final int MAX_TITLE_LENGTH = 200;
    /** The longest remark. */
    public static final int MAX_NOTES_LENGTH = 20_000;

    private final BookmarkRepository bookmarks;
    private final Supplier<UserId> learner;
    private final Clock clock;

    public BookmarkService(BookmarkRepository bookmarks, UserId learner, Clock clock) {
        this(bookmarks, Learners.fixed(learner), clock);
    }

    /** For a learner read at each call: the profile's, which signing in changes. */
    public BookmarkService(BookmarkRepository bookmarks, Supplier<UserId> learner, Clock clock) {
        this.bookmarks = Objects.requireNonNull(bookmarks, "bookmarks");
        this.learner = Objects.requireNonNull(learner, "learner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param title optional; blank is no title
     * @param timestampInVideo the second of the video, or null for the lesson as a whole
     * @param notes optional remark; blank is none
     */
    public Bookmark add(LessonId lesson, String title, Integer timestampInVideo, String notes) {
        Objects.requireNonNull(lesson, "lesson");
        check(title, timestampInVideo, notes);
        return bookmarks.add(learner.get(), lesson, blankToNull(title), timestampInVideo, blankToNull(notes), Times.now(clock))
                .orElseThrow(() -> new NotFoundException(LearningException.WORDS.text("bookmark.lessonGone")));
    }

    public Bookmark edit(BookmarkId bookmark, String title, Integer timestampInVideo, String notes) {
        Objects.requireNonNull(bookmark, "bookmark");
        check(title, timestampInVideo, notes);
        return bookmarks.edit(learner.get(), bookmark, blankToNull(title), timestampInVideo, blankToNull(notes), Times.now(clock))
                .orElseThrow(() -> new NotFoundException(LearningException.WORDS.text("bookmark.gone")));
    }

    /** Removes the bookmark; removing one that is already gone does nothing. */
    public void remove(BookmarkId bookmark) {
        bookmarks.remove(learner.get(), Objects.requireNonNull(bookmark, "bookmark"), Times.now(clock));
    }

    public List<Bookmark> forLesson(LessonId lesson) {
        return bookmarks.forLesson(learner.get(), Objects.requireNonNull(lesson, "lesson"));
    }

    public List<Bookmark> forCourse(CourseId course) {
        return bookmarks.forCourse(learner.get(), Objects.requireNonNull(course, "course"));
    }

    private static void check(String title, Integer timestampInVideo, String notes) {
        new Checks()
                .optionalText(title, "title", LearningException.WORDS.text("what.bookmarkTitle"), MAX_TITLE_LENGTH)
                .videoTime(timestampInVideo, "timestampInVideo")
                .optionalText(notes, "notes", LearningException.WORDS.text("what.bookmarkRemark"), MAX_NOTES_LENGTH)
                .orRefuse();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
