package edu.sevenp.server.http;

import edu.sevenp.model.protocol.PublishResult;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.ProblemKind;
import edu.sevenp.server.publish.PublishService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Publishing (docs/sync-protocol.md, section 11): the zip streams to a temporary file within its size limit, then
 * the use case checks and stores it. The temporary file is removed however it ends.
 */
final class PublishRoutes {

    private final PublishService publish;
    private final long maxPackageBytes;
    private final Path uploads;

    PublishRoutes(PublishService publish, long maxPackageBytes, Path uploads) {
        this.publish = Objects.requireNonNull(publish, "publish");
        this.maxPackageBytes = maxPackageBytes;
        this.uploads = Objects.requireNonNull(uploads, "uploads");
    }

    void register(RoutesConfig routes) {
        routes.post(ProtocolGate.PREFIX + "/courses/publish", this::publishPackage);
        routes.get(ProtocolGate.PREFIX + "/courses/{id}/versions", context ->
                context.json(publish.versions(Callers.required(context), Params.uuid(context, "id"))));
    }

    private void publishPackage(Context context) throws IOException {
        var caller = Callers.required(context);
        String type = context.contentType() == null ? "" : context.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/zip") && !type.startsWith("application/octet-stream")) {
            throw ApiProblem.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Send the course package as a .zip with Content-Type: application/zip.");
        }
        if (context.contentLength() > maxPackageBytes) {
            throw tooLarge();
        }
        boolean dryRun = Params.bool(context, "dryRun").orElse(false);
        String summary = Params.text(context, "summary", 500).orElse(null);
        Files.createDirectories(uploads);
        Path upload = Files.createTempFile(uploads, "package-", ".zip");
        try {
            copyAtMost(context, upload);
            PublishResult result = publish.publish(caller, upload, dryRun, summary);
            context.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED).json(result);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    private void copyAtMost(Context context, Path upload) {
        try (InputStream in = context.bodyInputStream(); OutputStream out = Files.newOutputStream(upload)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read; (read = in.read(buffer)) >= 0; ) {
                total += read;
                if (total > maxPackageBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, read);
            }
            if (total == 0) {
                throw ApiProblem.of(ProblemKind.BAD_REQUEST, "missing_field", "The request has no course package in its body.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The upload broke off: " + e.getMessage(), e);
        }
    }

    private ApiProblem tooLarge() {
        return ApiProblem.of(ProblemKind.PAYLOAD_TOO_LARGE, "payload_too_large", "A course package may be at most "
                + maxPackageBytes / (1024 * 1024) + " MiB (SEVENP_MAX_PACKAGE_MB).");
    }
}
