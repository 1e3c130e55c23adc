package edu.sevenp.server.http;

import edu.sevenp.server.media.ByteRange;
import edu.sevenp.server.media.MediaService;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.ProblemKind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * {@code GET} and {@code HEAD /api/v1/media/{sha256}} (docs/sync-protocol.md, section 10): one byte range or the
 * whole file, an ETag that is the hash itself, and 304 for a client that already has it.
 */
final class MediaRoutes {

    private final MediaService media;

    MediaRoutes(MediaService media) {
        this.media = Objects.requireNonNull(media, "media");
    }

    void register(RoutesConfig routes) {
        routes.get(ProtocolGate.PREFIX + "/media/{sha256}", context -> serve(context, true));
        routes.head(ProtocolGate.PREFIX + "/media/{sha256}", context -> serve(context, false));
    }

    private void serve(Context context, boolean withBody) {
        MediaService.Download download = media.download(Callers.required(context), context.pathParam("sha256"));
        String etag = "\"" + download.sha256() + "\"";
        long size = download.file().size();
        context.disableCompression();
        context.header("ETag", etag);
        context.header("Accept-Ranges", "bytes");
        context.header("Cache-Control", "private, max-age=31536000, immutable");
        String ifNoneMatch = context.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains(etag))) {
            context.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        String ifRange = context.header("If-Range");
        String range = ifRange == null || ifRange.strip().equals(etag) ? context.header("Range") : null;
        ByteRange.Request request = ByteRange.parse(range, size);
        if (request instanceof ByteRange.Unsatisfiable) {
            context.header("Content-Range", "bytes */" + size);
            throw ApiProblem.of(ProblemKind.RANGE_NOT_SATISFIABLE, "range_not_satisfiable",
                    "The range " + range + " lies outside the file of " + size + " bytes.");
        }
        long first = ByteRange.of(request).map(ByteRange::first).orElse(0L);
        long length = ByteRange.of(request).map(ByteRange::length).orElse(size);
        ByteRange.of(request).ifPresent(part -> {
            context.status(HttpStatus.PARTIAL_CONTENT);
            context.header("Content-Range", "bytes " + part.first() + "-" + part.last() + "/" + size);
        });
        context.contentType(download.mimeType());
        context.header("Content-Length", Long.toString(length));
        if (withBody) {
            context.result(slice(download.file().path(), first, length));
        }
    }

    private static InputStream slice(java.nio.file.Path file, long first, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(first);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the media file " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** At most {@code remaining} bytes of a stream, closing it at the end. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
