package edu.sevenp.desktop.store;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The offline recommendations' input: the courses not taken, and how the learner's enrollments (any status) fall into
 * categories.
 *
 * @param enrollmentsByCategory enrollments in courses with a category, by category
 * @param enrollments all of the learner's enrollments, with or without a category
 */
public record CourseCandidates(List<CourseCandidate> courses, Map<UUID, Integer> enrollmentsByCategory, int enrollments) {

    public CourseCandidates {
        courses = List.copyOf(courses);
        enrollmentsByCategory = Map.copyOf(enrollmentsByCategory);
    }
}
