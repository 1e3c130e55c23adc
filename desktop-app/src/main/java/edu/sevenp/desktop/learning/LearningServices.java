package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.model.UserId;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The learning services of one profile, wired over its store for its learner. Each service is stateless
 * and safe to call from any thread: view models call them from their background executor.
 */
public record LearningServices(
        CourseService courses,
        LessonService lessons,
        ProgressService progress,
        EnrollmentService enrollments,
        CompletionService completions,
        NoteService notes,
        BookmarkService bookmarks,
        QuizService quizzes,
        DashboardService dashboard,
        ResumeService resume,
        VideoService video) {

    public LearningServices {
        Objects.requireNonNull(courses, "courses");
        Objects.requireNonNull(lessons, "lessons");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(enrollments, "enrollments");
        Objects.requireNonNull(completions, "completions");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(bookmarks, "bookmarks");
        Objects.requireNonNull(quizzes, "quizzes");
        Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(resume, "resume");
        Objects.requireNonNull(video, "video");
    }

    /** The services for the store's profile learner, timing actions by {@code clock}. */
    public static LearningServices over(LocalStore store, Clock clock) {
        // Read at each call: signing in from the window hands the profile to the account's learner.
        Supplier<UserId> learner = () -> store.identity().userId();
        ProgressService progress = new ProgressService(store.progress(), learner, clock);
        return new LearningServices(
                new CourseService(store.courses(), store.enrollments(), store.progress(), learner),
                new LessonService(store.lessons(), store.notes(), store.bookmarks(), store.enrollments(), learner, clock),
                progress,
                new EnrollmentService(store.enrollments(), learner, clock),
                new CompletionService(store.completions(), learner, clock),
                new NoteService(store.notes(), learner, clock),
                new BookmarkService(store.bookmarks(), learner, clock),
                new QuizService(store.quizzes(), learner, clock),
                new DashboardService(store.dashboards(), learner),
                new ResumeService(store.settings()),
                new VideoService(store.media(), store.settings(), progress));
    }
}
