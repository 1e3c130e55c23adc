package edu.sevenp.desktop.sync;

/** Told as an upload's bytes leave: how many so far, out of how many. Called on the uploading thread. */
@FunctionalInterface
public interface UploadProgress {

    UploadProgress NONE = (sent, total) -> { };

    void sent(long sent, long total);
}
