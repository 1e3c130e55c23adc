package edu.sevenp.desktop.sync.media;

import java.io.IOException;

/** This computer could not read or write the media folder (full, read-only, gone): no retry of the network helps. */
final class DiskProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DiskProblem(IOException cause) {
        super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
    }
}
