package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.BookmarkRepository;
import edu.sevenp.desktop.store.EnrollmentRepository;
import edu.sevenp.desktop.store.LearnerLesson;
import edu.sevenp.desktop.store.LessonRepository;
import edu.sevenp.desktop.store.NoteRepository;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.UserId;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Opening a lesson: its body with the learner's progress, notes and bookmarks in one read. The first
 * lesson the learner opens in a course enrolls them in it; a course they dropped stays dropped until
 * they rejoin it (EnrollmentService).
 */
public final class LessonService {

    private final LessonRepository lessons;
    private final NoteRepository notes;
    private final BookmarkRepository bookmarks;
    private final EnrollmentRepository enrollments;
    private final Supplier<UserId> learner;
    private final Clock clock;

    public LessonService(LessonRepository lessons, NoteRepository notes, BookmarkRepository bookmarks,
            EnrollmentRepository enrollments, UserId learner, Clock clock) {
        this(lessons, notes, bookmarks, enrollments, Learners.fixed(learner), clock);
    }

    /** For a learner read at each call: the profile's, which signing in changes. */
    public LessonService(LessonRepository lessons, NoteRepository notes, BookmarkRepository bookmarks,
            EnrollmentRepository enrollments, Supplier<UserId> learner, Clock clock) {
        this.lessons = Objects.requireNonNull(lessons, "lessons");
        this.notes = Objects.requireNonNull(notes, "notes");
        this.bookmarks = Objects.requireNonNull(bookmarks, "bookmarks");
        this.enrollments = Objects.requireNonNull(enrollments, "enrollments");
        this.learner = Objects.requireNonNull(learner, "learner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws NotFoundException the lesson is not in the library */
    public OpenedLesson open(LessonId lesson) {
        LearnerLesson found = lessons.open(learner.get(), Objects.requireNonNull(lesson, "lesson"))
                .orElseThrow(() -> new NotFoundException(LearningException.WORDS.text("lesson.notInLibrary")));
        OpenedLesson opened = new OpenedLesson(found.lesson(), found.content(), found.progress(),
                notes.forLesson(learner.get(), lesson), bookmarks.forLesson(learner.get(), lesson), found.enrollment());
        if (opened.enrollment().isPresent()) {
            return opened;
        }
        return enrollments.ensureEnrolled(learner.get(), opened.lesson().courseId(), Times.now(clock))
                .map(opened::withEnrollment)
                .orElseThrow(() -> new NotFoundException(LearningException.WORDS.text("lesson.courseGone")));
    }
}
