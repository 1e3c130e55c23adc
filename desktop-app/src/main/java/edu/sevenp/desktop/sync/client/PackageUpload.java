package edu.sevenp.desktop.sync.client;

import edu.sevenp.desktop.sync.Cancellation;
import edu.sevenp.desktop.sync.UploadProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A course package's {@code .zip} as a request body: streamed from its file in parts (never held in memory), each part
 * told to the progress listener as it is written, and stopped between parts once cancelled. It can be written again
 * (a request repeated after a token refresh starts from the first byte).
 */
final class PackageUpload extends RequestBody {

    static final MediaType ZIP = MediaType.get("application/zip");
    /** Small enough that progress moves visibly on a slow line, large enough to cost nothing on a fast one. */
    static final int PART = 64 * 1024;

    private final Path zip;
    private final long size;
    private final UploadProgress progress;
    private final Cancellation cancellation;

    PackageUpload(Path zip, UploadProgress progress, Cancellation cancellation) throws IOException {
        this.zip = Objects.requireNonNull(zip, "zip");
        this.size = Files.size(zip);
        this.progress = Objects.requireNonNull(progress, "progress");
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
    }

    @Override
    public MediaType contentType() {
        return ZIP;
    }

    @Override
    public long contentLength() {
        return size;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        byte[] part = new byte[PART];
        long sent = 0;
        progress.sent(0, size);
        try (InputStream in = Files.newInputStream(zip)) {
            for (int read; (read = in.read(part)) >= 0; ) {
                if (cancellation.cancelled()) {
                    throw new InterruptedIOException("the upload was cancelled");
                }
                sink.write(part, 0, read);
                sent += read;
                progress.sent(sent, size);
            }
        }
    }
}
