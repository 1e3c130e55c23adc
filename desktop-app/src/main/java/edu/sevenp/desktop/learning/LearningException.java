package edu.sevenp.desktop.learning;

import edu.sevenp.desktop.failure.ExplainedFailure;
import edu.sevenp.desktop.failure.FailureWords;

/**
 * A request the learning services refused, with a message written for the learner, to show as it is.
 * Nothing was written when one is thrown: the UI keeps what the learner entered, so nothing is lost.
 * (A failure of the store itself is a {@link edu.sevenp.desktop.store.StoreException}.)
 */
public abstract class LearningException extends RuntimeException implements ExplainedFailure {

    private static final long serialVersionUID = 1L;

    /** The learner's words, in the bundle of this package (read in the default locale when a refusal is made). */
    static final FailureWords WORDS = FailureWords.of(LearningException.class);

    protected LearningException(String message) {
        super(message);
    }
}
