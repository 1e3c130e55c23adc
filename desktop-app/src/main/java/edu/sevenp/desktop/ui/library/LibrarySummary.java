package edu.sevenp.desktop.ui.library;

import edu.sevenp.desktop.learning.LibraryEntry;
import edu.sevenp.model.learning.Dashboard;
import edu.sevenp.model.learning.EnrollmentStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dashboard strip above the library.
 *
 * @param studySeconds total time studied, over all courses
 * @param lastStudied the course most recently studied and when, if any
 */
public record LibrarySummary(long inProgress, long completed, long lessonsCompleted, long studySeconds,
        Optional<RecentCourse> lastStudied, int achievements) {

    /** A course the learner studied, and when. */
    public record RecentCourse(String title, OffsetDateTime at) {
        public RecentCourse {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(at, "at");
        }
    }

    public static final LibrarySummary EMPTY = new LibrarySummary(0, 0, 0, 0, Optional.empty(), 0);

    public LibrarySummary {
        Objects.requireNonNull(lastStudied, "lastStudied");
    }

    /**
     * Counts come from the library (every active enrollment, where the dashboard lists only five), totals and
     * recent activity from the dashboard, as the server computes them.
     */
    static LibrarySummary of(List<LibraryEntry> library, Dashboard dashboard, long lessonsCompleted) {
        long active = library.stream()
                .filter(entry -> entry.enrollment().map(e -> e.status() == EnrollmentStatus.ACTIVE).orElse(false))
                .count();
        Optional<RecentCourse> recent = dashboard.activeEnrollments().stream()
                .filter(enrollment -> enrollment.lastAccessed() != null && enrollment.course().title() != null)
                .findFirst()
                .map(enrollment -> new RecentCourse(enrollment.course().title(), enrollment.lastAccessed()));
        return new LibrarySummary(active, dashboard.completedCourses(), lessonsCompleted, dashboard.totalStudyTime(),
                recent, dashboard.achievements().size());
    }
}
