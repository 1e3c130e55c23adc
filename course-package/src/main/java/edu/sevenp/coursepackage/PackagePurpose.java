package edu.sevenp.coursepackage;

/**
 * What a course package is read for. The rules differ only where graded quizzes' answer keys may be:
 * they never reach a learner's player, and the server needs them to grade (ARCHITECTURE.md, principle 8).
 */
public enum PackagePurpose {

    /**
     * A player imports the package into a learner's library: a graded quiz carrying an {@code answer} or
     * an {@code explanation} is an error.
     */
    IMPORT,

    /**
     * An instructor publishes the package to the server, which keeps graded quizzes' answer keys to
     * itself and grades attempts: a graded {@code multiple_choice}, {@code true_false} or
     * {@code short_answer} question must carry its {@code answer}, and any graded question may carry an
     * {@code explanation}. Answers follow the rules of practice answers.
     */
    PUBLISH
}
