package edu.sevenp.desktop.sync;

import java.io.IOException;
import java.io.InputStream;

/**
 * A media download in progress: its bytes from {@link #start()} on, of a file of {@link #totalSize()} bytes.
 * The server may ignore a range and send the whole file, so {@code start} is where the bytes begin, not
 * where they were asked for. Close it.
 */
public interface MediaBody extends AutoCloseable {

    long start();

    long totalSize();

    InputStream stream();

    @Override
    void close() throws IOException;
}
