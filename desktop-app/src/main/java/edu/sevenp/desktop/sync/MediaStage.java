package edu.sevenp.desktop.sync;

import java.util.function.Consumer;

/** The last stage of a sync: the media files the synced courses use and this device lacks. */
public interface MediaStage {

    /** Downloads what is missing, reporting progress in bytes and files; returns what it fetched. */
    Fetched fetch(SyncApi api, Consumer<SyncProgress> progress);

    /**
     * @param files files downloaded and verified
     * @param bytes bytes received
     * @param failed files refused by the server or damaged on the way, tried again at the next sync
     * @param problem what kept files from being fetched (no space left, say), in plain words, or null
     */
    record Fetched(int files, long bytes, int failed, String problem) {
    }
}
