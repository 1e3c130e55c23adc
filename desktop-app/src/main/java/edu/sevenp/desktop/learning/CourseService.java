package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.store.CourseRepository;
import edu.sevenp.desktop.store.EnrollmentRepository;
import edu.sevenp.desktop.store.LessonProgressRepository;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.UserId;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.SectionId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The library with the learner's progress: every course, and a course's outline with each lesson's status. */
public final class CourseService {

    private final CourseRepository courses;
    private final EnrollmentRepository enrollments;
    private final LessonProgressRepository progress;
    private final Supplier<UserId> learner;

    public CourseService(CourseRepository courses, EnrollmentRepository enrollments, LessonProgressRepository progress,
            UserId learner) {
        this(courses, enrollments, progress, Learners.fixed(learner));
    }

    /** For a learner read at each call: the profile's, which signing in changes. */
    public CourseService(CourseRepository courses, EnrollmentRepository enrollments, LessonProgressRepository progress,
            Supplier<UserId> learner) {
        this.courses = Objects.requireNonNull(courses, "courses");
        this.enrollments = Objects.requireNonNull(enrollments, "enrollments");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.learner = Objects.requireNonNull(learner, "learner");
    }

    /** Every course in the library, by title, each with the learner's enrollment. */
    public List<LibraryEntry> library() {
        Map<CourseId, Enrollment> enrolled = enrollments.forUser(learner.get()).stream()
                .collect(Collectors.toMap(Enrollment::courseId, Function.identity()));
        return courses.courses().stream()
                .map(course -> new LibraryEntry(course, Optional.ofNullable(enrolled.get(course.id()))))
                .toList();
    }

    /**
     * The titles of the courses, sections and lessons named, those the library has (three queries whatever their
     * number): what a list of search hits shows of where each one is.
     */
    public PlaceTitles titles(Collection<CourseId> courseIds, Collection<SectionId> sectionIds,
            Collection<LessonId> lessonIds) {
        return new PlaceTitles(courseIds.isEmpty() ? Map.of() : courses.courseTitles(courseIds),
                sectionIds.isEmpty() ? Map.of() : courses.sectionTitles(sectionIds),
                lessonIds.isEmpty() ? Map.of() : courses.lessonTitles(lessonIds));
    }

    /** The course's outline with the learner's status in every lesson; empty when the library has no such course. */
    public Optional<CourseProgressOutline> outline(CourseId course) {
        Objects.requireNonNull(course, "course");
        Optional<CourseOutline> outline = courses.outline(course);
        return outline.map(found -> new CourseProgressOutline(found, progress.statuses(learner.get(), course),
                enrollments.find(learner.get(), course)));
    }
}
