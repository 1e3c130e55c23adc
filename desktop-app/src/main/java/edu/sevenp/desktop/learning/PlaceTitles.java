package edu.sevenp.desktop.learning;

import edu.sevenp.model.CourseId;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.SectionId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Titles of courses, sections and lessons by id: those asked for that the library has. */
public record PlaceTitles(Map<CourseId, String> courses, Map<SectionId, String> sections, Map<LessonId, String> lessons) {

    public PlaceTitles {
        courses = Map.copyOf(Objects.requireNonNull(courses, "courses"));
        sections = Map.copyOf(Objects.requireNonNull(sections, "sections"));
        lessons = Map.copyOf(Objects.requireNonNull(lessons, "lessons"));
    }

    public Optional<String> course(CourseId id) {
        return Optional.ofNullable(courses.get(id));
    }

    /** Empty for a null id too. */
    public Optional<String> section(SectionId id) {
        return id == null ? Optional.empty() : Optional.ofNullable(sections.get(id));
    }

    /** Empty for a null id too. */
    public Optional<String> lesson(LessonId id) {
        return id == null ? Optional.empty() : Optional.ofNullable(lessons.get(id));
    }
}
