package edu.sevenp.desktop.bench;

/**
 * How much the local-store benchmark generates and measures. The default is the issue's size: 1,000
 * courses, 50,000 lessons, 100,000 notes, and a package of 500 lessons to import.
 *
 * @param lessonsPerSection with {@link #SECTIONS_PER_COURSE} sections: 50 lessons a course by default
 * @param samples measured runs of each timed operation (after warm-up runs)
 */
record BenchSize(String name, int courses, int lessonsPerSection, int notes, int importLessons, int samples) {

    static final int SECTIONS_PER_COURSE = 5;

    static BenchSize named(String name) {
        return "small".equals(name) ? small() : issueSize();
    }

    static BenchSize issueSize() {
        return new BenchSize("issue", 1_000, 10, 100_000, 500, 2_000);
    }

    /** A twentieth of the data, for trying the benchmark itself in well under a minute. */
    static BenchSize small() {
        return new BenchSize("small", 50, 10, 5_000, 500, 500);
    }

    int lessons() {
        return courses * SECTIONS_PER_COURSE * lessonsPerSection;
    }
}
