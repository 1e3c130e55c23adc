package edu.sevenp.coursepackage.readiness;

/**
 * The size of a course package, as a learner would get it.
 *
 * @param downloadBytes the manifest, every lesson body and every media and resource file it names, each file once
 * @param lessons lessons in all sections
 * @param quizzes the course's quizzes and the lessons'
 * @param estimatedHours each lesson's {@code readingTimeMinutes}, or where it has none its reading time at 200 words
 *                       a minute plus its video's length, added up
 */
public record Totals(long downloadBytes, int lessons, int quizzes, double estimatedHours) {

    /** What a package whose manifest cannot be read counts. */
    public static Totals none() {
        return new Totals(0, 0, 0, 0);
    }
}
