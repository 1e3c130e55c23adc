package edu.sevenp.desktop.learning;

/** The dashboard's totals: active and completed courses, lessons completed, and seconds studied. */
public record StudyTotals(int activeCourses, int coursesCompleted, int lessonsCompleted, long studySeconds) {
}
