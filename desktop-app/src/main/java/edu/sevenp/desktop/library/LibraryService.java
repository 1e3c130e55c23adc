package edu.sevenp.desktop.library;

import edu.sevenp.desktop.store.CourseRepository;
import edu.sevenp.model.Course;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.LessonContent;
import edu.sevenp.model.LessonId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the player asks of the local library: courses, their outlines and lesson bodies. */
public final class LibraryService {

    private final CourseRepository courses;

    public LibraryService(CourseRepository courses) {
        this.courses = Objects.requireNonNull(courses, "courses");
    }

    public List<Course> courses() {
        return courses.courses();
    }

    /** The course to open at start-up: {@code preferred} when the library has it, otherwise the first course. */
    public Optional<CourseOutline> startingCourse(CourseId preferred) {
        Optional<CourseOutline> outline = preferred == null ? Optional.empty() : courses.outline(preferred);
        if (outline.isPresent()) {
            return outline;
        }
        return courses.courses().stream().findFirst().flatMap(course -> courses.outline(course.id()));
    }

    public Optional<CourseOutline> outline(CourseId course) {
        return courses.outline(course);
    }

    public Optional<LessonContent> lesson(LessonId lesson) {
        return courses.lessonContent(lesson);
    }
}
