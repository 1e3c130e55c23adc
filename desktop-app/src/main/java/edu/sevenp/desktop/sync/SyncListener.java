package edu.sevenp.desktop.sync;

/** Told every change of the sync status, in order, on the engine's thread: hand it on, do not block. */
@FunctionalInterface
public interface SyncListener {

    void statusChanged(SyncStatus status);
}
