package edu.sevenp.desktop.ui.common;

/**
 * Asked before the learner leaves what they are doing (opening another lesson or course, closing the window),
 * so that work they would lose, such as a graded quiz attempt in progress, is not lost without a question.
 */
@FunctionalInterface
public interface LeaveGuard {

    /** Lets everything go. */
    LeaveGuard NONE = leave -> true;

    /**
     * @param leave what leaving does, run later if the learner first has to confirm
     * @return true when the caller may leave now; false when the guard asks the learner first, and runs
     *     {@code leave} once they confirm (never when they choose to stay)
     */
    boolean mayLeave(Runnable leave);
}
