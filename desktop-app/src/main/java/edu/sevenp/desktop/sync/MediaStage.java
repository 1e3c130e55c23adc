package edu.sevenp.desktop.sync;

import java.util.function.Consumer;

/** The last stage of a sync: the media files the synced courses use and this device lacks. */
public interface MediaStage {

    /** Downloads what is missing, reporting progress in bytes and files; returns what it fetched. */
    Fetched fetch(SyncApi api, Consumer<SyncProgress> progress);

    /** @param problem what kept files from being fetched (no space left, say), or null */
    record Fetched(int files, long bytes, int failed, String problem) {
    }
}
