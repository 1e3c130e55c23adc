package edu.sevenp.desktop.ui.sync;

/**
 * A refused change as the sync panel lists it.
 *
 * @param what the kind of change ("A note")
 * @param reason the server's words and its code
 * @param advice what the learner can do
 */
public record RejectedItem(String what, String reason, String advice) {
}
