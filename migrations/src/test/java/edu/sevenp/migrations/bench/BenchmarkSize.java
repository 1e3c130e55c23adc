package edu.sevenp.migrations.bench;

/**
 * How much data the schema benchmark generates. The default is the size the issue names: 20,000
 * users, 1,000 courses, 50,000 lessons, about 2,000,000 lesson_progress rows and 5,000,000 events.
 *
 * @param users learners and instructors together (the first {@code instructors} are instructors)
 * @param lessonsPerSection with 5 sections per course: 50 lessons per course by default
 * @param enrollmentsPerUser attempted enrollments per user (draft courses are skipped, about 10% of them)
 * @param completedShare share of enrollments in which every lesson is completed
 * @param partialLessonsMax a partially followed enrollment has progress on 0..max lessons
 */
public record BenchmarkSize(int users, int instructors, int courses, int lessonsPerSection, int enrollmentsPerUser,
        double completedShare, int partialLessonsMax, long events, int notes) {

    static final int SECTIONS_PER_COURSE = 5;

    public static BenchmarkSize issueSize() {
        return new BenchmarkSize(20_000, 200, 1_000, 10, 10, 0.05, 18, 5_000_000, 100_000);
    }

    /** A small size for trying the benchmark itself quickly. */
    public static BenchmarkSize small() {
        return new BenchmarkSize(2_000, 20, 100, 10, 10, 0.05, 18, 200_000, 5_000);
    }

    public int lessonsPerCourse() {
        return SECTIONS_PER_COURSE * lessonsPerSection;
    }
}
