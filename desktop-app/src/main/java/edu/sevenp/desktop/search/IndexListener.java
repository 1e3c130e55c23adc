package edu.sevenp.desktop.search;

/**
 * Told of each change of the index's status. Called on the indexing thread, never the UI's: a view
 * model hands the status to its UI executor. Keep it quick; it must not call back into the service.
 */
@FunctionalInterface
public interface IndexListener {

    void statusChanged(IndexStatus status);
}
