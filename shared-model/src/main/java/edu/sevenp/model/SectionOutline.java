package edu.sevenp.model;

import java.util.List;
import java.util.Objects;

/** A section and its lessons, in order. */
public record SectionOutline(Section section, List<Lesson> lessons) {

    public SectionOutline {
        Objects.requireNonNull(section, "section");
        lessons = List.copyOf(lessons);
    }
}
