package edu.sevenp.desktop.ui.player;

import edu.sevenp.desktop.content.LessonHtml;
import edu.sevenp.desktop.learning.LessonService;
import edu.sevenp.desktop.learning.OpenedLesson;
import edu.sevenp.desktop.learning.ResumeService;
import edu.sevenp.desktop.learning.ResumeService.LessonPlace;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.ui.common.Feedback;
import edu.sevenp.desktop.ui.common.LeaveGuard;
import edu.sevenp.desktop.ui.common.LessonOpener;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemText;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonContent;
import edu.sevenp.model.LessonFormat;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.SectionOutline;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the player window: the open course's outline, the current lesson rendered as HTML, and a
 * status line. Reads happen on the background executor; only property updates touch the UI thread.
 * Lessons open through {@link LessonService#open}, which enrolls the learner in the course; the panels
 * (progress, notes, bookmarks) follow {@link #shownLessonProperty()} and report back through
 * {@link Feedback}. The window opens where the learner left off ({@link ResumeService}): the lesson last
 * shown, scrolled to where they had read it.
 */
public final class PlayerViewModel implements LessonOpener, Feedback {

    private static final Logger LOG = LoggerFactory.getLogger(PlayerViewModel.class);

    private final LibraryService library;
    private final LessonService lessons;
    private final ResumeService resume;
    private final LessonHtml lessonHtml;
    /** The starting page being read ahead of {@link #start()} ({@link #prepare()}); null when none is. */
    private CompletableFuture<Optional<StartingPage>> preparing;
    private final UiExecutors executors;
    private final CourseId preferredCourse;
    /** The lesson last shown in each course this session, so reopening a course returns to it. */
    private final Map<CourseId, LessonId> lastShown = new HashMap<>();
    /** Asked before another lesson or course replaces the one shown (a graded quiz attempt may be in progress). */
    private LeaveGuard leaveGuard = LeaveGuard.NONE;
    /** Lets a slow lesson load that was overtaken by a newer selection drop its result. */
    private final AtomicLong lessonRequests = new AtomicLong();
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    private final ObjectProperty<CourseOutline> outline = new SimpleObjectProperty<>(this, "outline");
    private final StringProperty courseTitle = new SimpleStringProperty(this, "courseTitle", "");
    private final StringProperty courseSummary = new SimpleStringProperty(this, "courseSummary", "");
    private final ObjectProperty<LessonId> currentLesson = new SimpleObjectProperty<>(this, "currentLesson");
    private final ObjectProperty<LessonRef> shownLesson = new SimpleObjectProperty<>(this, "shownLesson");
    private final StringProperty lessonTitle = new SimpleStringProperty(this, "lessonTitle", "");
    private final StringProperty lessonPage = new SimpleStringProperty(this, "lessonPage", "");
    private final ObjectProperty<LessonPage> shownPage = new SimpleObjectProperty<>(this, "shownPage");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", false);
    private final BooleanProperty hasPrevious = new SimpleBooleanProperty(this, "hasPrevious", false);
    private final BooleanProperty hasNext = new SimpleBooleanProperty(this, "hasNext", false);

    private final Messages messages = Messages.of(PlayerViewModel.class);

    /**
     * @param preferredCourse the course to open first when the library has it and no lesson was shown before
     *     (may be null)
     */
    public PlayerViewModel(LibraryService library, LessonService lessons, ResumeService resume, LessonHtml lessonHtml,
            UiExecutors executors, CourseId preferredCourse) {
        this.library = Objects.requireNonNull(library, "library");
        this.lessons = Objects.requireNonNull(lessons, "lessons");
        this.resume = Objects.requireNonNull(resume, "resume");
        this.lessonHtml = Objects.requireNonNull(lessonHtml, "lessonHtml");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.preferredCourse = preferredCourse;
    }

    /**
     * Opens the lesson last shown when its course is still in the library; otherwise the preferred (or first)
     * course on its first lesson. The course and the lesson's page are read in one background step, so that the page
     * shows as soon as the window is free to draw it (the window lays itself out meanwhile).
     */
    public void start() {
        loading.set(true);
        status.set(messages.get("status.opening"));
        CompletableFuture<Optional<StartingPage>> ahead = preparing;
        preparing = null;
        Optional<StartingPage> read = ahead != null && ahead.isDone() && !ahead.isCompletedExceptionally()
                ? ahead.join() : Optional.empty();
        if (read.isPresent()) {
            // Read while the window was built: shown now, so that the window's first layout has the lesson in it.
            startWith(read);
            return;
        }
        // Still being read: waited for in the background. Read again when it found nothing (the library may have a
        // course by now: a preview's first load) or failed.
        CompletableFuture<Optional<StartingPage>> prepared = ahead != null && !ahead.isDone() ? ahead : null;
        executors.load(prepared == null ? this::startingPage : () -> joined(prepared), this::startWith, failure -> {
            fail(failure);
            started.complete(null);
        });
    }

    private void startWith(Optional<StartingPage> opened) {
        if (opened.isEmpty()) {
            loading.set(false);
            status.set(messages.get("status.emptyLibrary"));
        } else {
            showStartingPage(opened.get());
        }
        started.complete(null);
    }

    /**
     * Starts reading the lesson to open on (the one left last, else the course's first) in the background while the
     * window is still being built, so that it is ready sooner; {@link #start()} shows it. Without it, {@code start()}
     * reads it itself. Call on the UI thread, before {@code start()}.
     */
    public void prepare() {
        if (preparing != null) {
            return;
        }
        CompletableFuture<Optional<StartingPage>> reading = new CompletableFuture<>();
        preparing = reading;
        executors.background().execute(() -> {
            try {
                reading.complete(startingPage());
            } catch (RuntimeException e) {
                LOG.warn("Reading the first lesson ahead failed; it is read again when the window starts", e);
                reading.completeExceptionally(e);
            }
        });
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Completes on the UI thread once {@link #start()} has shown its first lesson, or found none to show, or failed:
     * what waits for the first lesson (search, sync) starts then, so it does not slow the first lesson down.
     */
    public CompletionStage<Void> started() {
        return started;
    }

    private Optional<StartingPage> startingPage() {
        return startingPlace().map(start -> {
            Optional<LessonId> lesson = start.lesson() != null && start.outline().positionOf(start.lesson()) > 0
                    ? Optional.of(start.lesson()) : start.outline().firstLesson().map(Lesson::id);
            if (lesson.isEmpty()) {
                return new StartingPage(start.outline(), null, null, null);
            }
            try {
                return new StartingPage(start.outline(), lesson.get(), open(lesson.get()), null);
            } catch (RuntimeException e) {
                // The course still shows; the lesson says why it could not open, as a click on it would.
                LOG.error("The first lesson could not be opened", e);
                return new StartingPage(start.outline(), lesson.get(), null, e);
            }
        });
    }

    private Optional<Start> startingPlace() {
        Optional<Start> left = resume.lastLesson()
                .flatMap(place -> library.outline(place.course()).map(outline -> new Start(outline, place.lesson())));
        return left.isPresent() ? left : library.startingCourse(preferredCourse).map(outline -> new Start(outline, null));
    }

    private void showStartingPage(StartingPage opened) {
        showOutline(opened.outline());
        if (opened.lesson() == null) {
            status.set(messages.get("status.noLessons"));
            return;
        }
        select(opened.lesson());
        loading.set(false);
        if (opened.page() != null) {
            displayPage(opened.page());
        } else {
            fail(opened.failure());
        }
    }

    /**
     * Remembers how far down {@code lesson} the learner had read when they left it (the view measures it).
     *
     * @param fraction 0 (top) to 1 (end); outside values are taken as the nearer end
     */
    public void readingPositionLeft(LessonId lesson, double fraction) {
        Objects.requireNonNull(lesson, "lesson");
        if (Double.isNaN(fraction)) {
            return;
        }
        double position = Math.max(0, Math.min(1, fraction));
        executors.load(() -> {
            resume.rememberReadingPosition(lesson, position);
            return position;
        }, saved -> {
        }, this::fail);
    }

    /**
     * Shows {@code lesson} of {@code course}, loading that course first when another one is open. This is
     * how other panels (notes, bookmarks, search, the library) send the learner to a lesson.
     */
    @Override
    public void openLesson(CourseId course, LessonId lesson) {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(lesson, "lesson");
        CourseOutline open = outline.get();
        if (open != null && open.course().id().equals(course)) {
            showLesson(lesson);
        } else if (leaveGuard.mayLeave(() -> loadCourse(course, lesson))) {
            loadCourse(course, lesson);
        }
    }

    /**
     * Asks {@code guard} before another lesson or course replaces the one shown; when it asks the learner
     * first, the lesson changes only once they confirm.
     */
    public void guardLeaving(LeaveGuard guard) {
        leaveGuard = Objects.requireNonNull(guard, "guard");
    }

    private void loadCourse(CourseId course, LessonId lesson) {
        loading.set(true);
        executors.load(() -> library.outline(course), found -> found.ifPresentOrElse(
                opened -> showCourse(opened, lesson),
                () -> fail(new IllegalStateException("This course is no longer in your library."))), this::fail);
    }

    /**
     * Opens {@code course} (chosen in the library) on the lesson last shown in it this session, or on its
     * first lesson; the course already open stays on its lesson.
     */
    public void openCourse(CourseId course) {
        Objects.requireNonNull(course, "course");
        CourseOutline open = outline.get();
        if (open != null && open.course().id().equals(course)) {
            return;
        }
        if (leaveGuard.mayLeave(() -> loadCourse(course, lastShown.get(course)))) {
            loadCourse(course, lastShown.get(course));
        }
    }

    /** Shows {@code course} on {@code lesson}, or on its first lesson when {@code lesson} is null or not in it. */
    private void showCourse(CourseOutline course, LessonId lesson) {
        showOutline(course);
        if (lesson != null && course.positionOf(lesson) > 0) {
            show(lesson);
            return;
        }
        course.firstLesson().ifPresentOrElse(first -> show(first.id()),
                () -> status.set(messages.get("status.noLessons")));
    }

    /**
     * Shows {@code lessonId}; selecting the lesson already shown does nothing. When the leave guard asks the
     * learner first, the lesson changes only once they confirm.
     */
    public void showLesson(LessonId lessonId) {
        Objects.requireNonNull(lessonId, "lessonId");
        CourseOutline course = outline.get();
        if (course == null || (lessonId.equals(currentLesson.get()) && !lessonPage.get().isEmpty())) {
            return;
        }
        if (leaveGuard.mayLeave(() -> show(lessonId))) {
            show(lessonId);
        }
    }

    private void showOutline(CourseOutline course) {
        loading.set(false);
        outline.set(course);
        courseTitle.set(course.course().title());
        courseSummary.set(summaryOf(course));
        lessonPage.set("");
    }

    /** Makes {@code lessonId} of the open course the current one; returns the number of its request. */
    private long select(LessonId lessonId) {
        CourseOutline course = outline.get();
        long request = lessonRequests.incrementAndGet();
        currentLesson.set(lessonId);
        hasPrevious.set(course.lessonBefore(lessonId).isPresent());
        hasNext.set(course.lessonAfter(lessonId).isPresent());
        return request;
    }

    private void show(LessonId lessonId) {
        CourseOutline course = outline.get();
        if (course == null || (lessonId.equals(currentLesson.get()) && !lessonPage.get().isEmpty())) {
            return;
        }
        long request = select(lessonId);
        loading.set(true);
        // Opening enrolls the learner in the course on the first lesson they open (LessonService).
        executors.load(() -> open(lessonId), page -> {
            if (request != lessonRequests.get()) {
                return;
            }
            loading.set(false);
            displayPage(page);
        }, failure -> {
            if (request == lessonRequests.get()) {
                fail(failure);
            }
        });
    }

    /**
     * Reads {@code course} and the lesson shown again, as they are now in the library (a previewed package changed on
     * disk), and shows that lesson scrolled to {@code readingPosition}: the first lesson when it is gone, and
     * {@code course} from its start when another course was open. The panels that follow the lesson shown are not
     * told again when it stays the same lesson (a video plays on where it was).
     */
    public void reload(CourseId course, double readingPosition) {
        Objects.requireNonNull(course, "course");
        CourseOutline open = outline.get();
        if (open == null || !open.course().id().equals(course)) {
            loadCourse(course, null);
            return;
        }
        LessonId lesson = currentLesson.get();
        long request = lessonRequests.incrementAndGet();
        executors.load(() -> library.outline(course).map(read -> reloaded(read, lesson, readingPosition)), found -> {
            if (request != lessonRequests.get()) {
                return;
            }
            found.ifPresentOrElse(this::showReloaded,
                    () -> fail(new IllegalStateException("This course is no longer in your library.")));
        }, this::fail);
    }

    private Reloaded reloaded(CourseOutline read, LessonId lesson, double readingPosition) {
        boolean stays = lesson != null && read.positionOf(lesson) > 0;
        Optional<LessonId> shown = stays ? Optional.of(lesson) : read.firstLesson().map(Lesson::id);
        return new Reloaded(read, shown.map(id -> {
            LessonPage page = open(id);
            return stays ? page.at(readingPosition) : page;
        }).orElse(null));
    }

    private void showReloaded(Reloaded reloaded) {
        loading.set(false);
        outline.set(reloaded.outline());
        courseTitle.set(reloaded.outline().course().title());
        courseSummary.set(summaryOf(reloaded.outline()));
        LessonPage page = reloaded.page();
        if (page == null) {
            currentLesson.set(null);
            lessonPage.set("");
            status.set(messages.get("status.noLessons"));
            return;
        }
        LessonId lesson = page.lesson().lesson();
        currentLesson.set(lesson);
        hasPrevious.set(reloaded.outline().lessonBefore(lesson).isPresent());
        hasNext.set(reloaded.outline().lessonAfter(lesson).isPresent());
        displayPage(page);
    }

    public void next() {
        Optional.ofNullable(currentLesson.get()).flatMap(id -> outline.get().lessonAfter(id))
                .ifPresent(lesson -> showLesson(lesson.id()));
    }

    public void previous() {
        Optional.ofNullable(currentLesson.get()).flatMap(id -> outline.get().lessonBefore(id))
                .ifPresent(lesson -> showLesson(lesson.id()));
    }

    /** The lesson page tried to leave the player; links open in the learner's own browser instead. */
    public void linkBlocked(String url) {
        status.set(messages.format("status.linkCopied", url));
    }

    @Override
    public void status(String message) {
        error.set("");
        status.set(message);
    }

    @Override
    public void failure(RuntimeException e) {
        fail(e);
    }

    /** Opens and renders the lesson, and remembers it as the one to reopen on (on the background executor). */
    private LessonPage open(LessonId lessonId) {
        OpenedLesson opened = lessons.open(lessonId);
        LessonContent content = opened.content();
        LessonRef ref = new LessonRef(opened.lesson().courseId(), content.lessonId());
        resume.lessonShown(new LessonPlace(ref.course(), ref.lesson()));
        String html = content.body().isBlank() ? lessonHtml.notice(messages.get("lesson.empty"))
                : lessonHtml.render(content.body(), content.format());
        String markdown = content.format() == LessonFormat.MARKDOWN && !content.body().isBlank() ? content.body() : null;
        return new LessonPage(ref, content.title(), html, markdown, resume.readingPosition(lessonId));
    }

    private void displayPage(LessonPage page) {
        error.set("");
        lessonTitle.set(page.title());
        shownPage.set(page);
        lessonPage.set(page.html());
        status.set(positionText(page.lesson().lesson()));
        lastShown.put(page.lesson().course(), page.lesson().lesson());
        shownLesson.set(page.lesson());
    }

    private String positionText(LessonId lessonId) {
        CourseOutline course = outline.get();
        int position = course.positionOf(lessonId);
        String section = course.sections().stream()
                .filter(candidate -> candidate.lessons().stream().anyMatch(lesson -> lesson.id().equals(lessonId)))
                .map(candidate -> candidate.section().title())
                .findFirst().orElse("");
        return section.isEmpty() ? messages.format("status.position", position, course.lessonsInOrder().size())
                : messages.format("status.positionInSection", position, course.lessonsInOrder().size(), section);
    }

    private void fail(RuntimeException e) {
        loading.set(false);
        String message = ProblemText.ofDefaultLocale().shown(e);
        error.set(message);
        status.set(messages.format("status.failed", message));
    }

    private String summaryOf(CourseOutline course) {
        String counts = messages.format("summary.counts", course.sections().size(), course.lessonsInOrder().size());
        int minutes = course.readingTimeMinutes();
        if (minutes > 0) {
            counts = minutes >= 90 ? messages.format("summary.aboutHours", counts, Math.round(minutes / 60.0))
                    : messages.format("summary.aboutMinutes", counts, minutes);
        }
        String description = course.course().shortDescription();
        return description == null || description.isBlank() ? counts : messages.format("summary.described", description, counts);
    }

    /** Section titles and lessons as the outline tree shows them. */
    String lessonLabel(Lesson lesson) {
        return lesson.readingTimeMinutes() == null ? messages.format("outline.lesson", lesson.orderIndex(), lesson.title())
                : messages.format("outline.lessonTimed", lesson.orderIndex(), lesson.title(), lesson.readingTimeMinutes());
    }

    String sectionLabel(SectionOutline section) {
        return messages.format("outline.section", section.section().orderIndex(), section.section().title());
    }

    public ReadOnlyObjectProperty<CourseOutline> outlineProperty() {
        return outline;
    }

    public ReadOnlyStringProperty courseTitleProperty() {
        return courseTitle;
    }

    public ReadOnlyStringProperty courseSummaryProperty() {
        return courseSummary;
    }

    public ReadOnlyObjectProperty<LessonId> currentLessonProperty() {
        return currentLesson;
    }

    /** The lesson on screen, set once its page is shown (unlike {@link #currentLessonProperty()}, set on selection). */
    public ReadOnlyObjectProperty<LessonRef> shownLessonProperty() {
        return shownLesson;
    }

    public ReadOnlyStringProperty lessonTitleProperty() {
        return lessonTitle;
    }

    /** The current lesson as a complete HTML document. */
    public ReadOnlyStringProperty lessonPageProperty() {
        return lessonPage;
    }

    /** The lesson page on screen with where to scroll it to; set with {@link #lessonPageProperty()}. */
    public ReadOnlyObjectProperty<LessonPage> shownPageProperty() {
        return shownPage;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Empty unless the last action failed. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious;
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext;
    }

    private record Start(CourseOutline outline, LessonId lesson) {
    }

    /** The course to start on, the lesson to show (null: the course has none), its page or why it could not open. */
    private record StartingPage(CourseOutline outline, LessonId lesson, LessonPage page, RuntimeException failure) {
    }

    /** A course read again, with the page to show (null when it has no lessons). */
    private record Reloaded(CourseOutline outline, LessonPage page) {
    }

    /**
     * A lesson page ready to show.
     *
     * @param html the complete HTML document
     * @param markdown the Markdown the page was made from, for drawing it before WebKit has loaded; null for an HTML
     *     lesson and an empty one
     * @param readingPosition how far down the learner had read it, 0 (top) to 1 (end)
     */
    public record LessonPage(LessonRef lesson, String title, String html, String markdown, double readingPosition) {
        public LessonPage {
            Objects.requireNonNull(lesson, "lesson");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(html, "html");
        }

        /** The same page, to be shown at {@code position}. */
        public LessonPage at(double position) {
            return new LessonPage(lesson, title, html, markdown, position);
        }
    }
}
