package edu.sevenp.desktop.ui.common;

/**
 * Where a panel reports to the learner outside its own area: the window's status line and error banner.
 * Validation problems stay inline in the panel; this is for outcomes and failures of the store.
 */
public interface Feedback {

    /** A short outcome, e.g. "Note saved." */
    void status(String message);

    /** A failed action; the message is shown as it is, so services write it for the learner. */
    void failure(RuntimeException e);
}
