package edu.sevenp.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** A course with its sections and lessons in teaching order. */
public record CourseOutline(Course course, List<SectionOutline> sections) {

    public CourseOutline {
        Objects.requireNonNull(course, "course");
        sections = List.copyOf(sections);
    }

    /** Every lesson in teaching order: section by section, lesson by lesson. */
    public List<Lesson> lessonsInOrder() {
        return sections.stream().flatMap(section -> section.lessons().stream()).toList();
    }

    public Optional<Lesson> firstLesson() {
        return lessonsInOrder().stream().findFirst();
    }

    /** The lesson after {@code lesson} in teaching order, if any. */
    public Optional<Lesson> lessonAfter(LessonId lesson) {
        return neighbour(lesson, 1);
    }

    /** The lesson before {@code lesson} in teaching order, if any. */
    public Optional<Lesson> lessonBefore(LessonId lesson) {
        return neighbour(lesson, -1);
    }

    /** 1-based position of {@code lesson} in teaching order, or 0 when it is not in this course. */
    public int positionOf(LessonId lesson) {
        List<Lesson> lessons = lessonsInOrder();
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).id().equals(lesson)) {
                return i + 1;
            }
        }
        return 0;
    }

    private Optional<Lesson> neighbour(LessonId lesson, int step) {
        int position = positionOf(lesson);
        if (position == 0) {
            return Optional.empty();
        }
        List<Lesson> lessons = lessonsInOrder();
        int index = position - 1 + step;
        return index >= 0 && index < lessons.size() ? Optional.of(lessons.get(index)) : Optional.empty();
    }

    /** Total of the lessons' reading times, in minutes. */
    public int readingTimeMinutes() {
        return sections.stream().flatMap(section -> section.lessons().stream())
                .flatMap(lesson -> Stream.ofNullable(lesson.readingTimeMinutes()))
                .mapToInt(Integer::intValue).sum();
    }
}
