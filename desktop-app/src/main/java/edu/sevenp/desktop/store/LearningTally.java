package edu.sevenp.desktop.store;

/**
 * What a learner has done, counted from the local store: the facts the player's own milestones are computed from.
 *
 * @param activeCourses active enrollments
 * @param studySeconds summed over the learner's lesson progress
 * @param quizzesPassed quizzes with at least one passed attempt
 * @param perfectAttempts attempts scored 100 %
 */
public record LearningTally(int activeCourses, int lessonsCompleted, int coursesCompleted, int quizzesPassed,
        int perfectAttempts, long studySeconds, int notes) {

    public static final LearningTally NOTHING = new LearningTally(0, 0, 0, 0, 0, 0, 0);
}
