package edu.sevenp.server.media;

import edu.sevenp.server.auth.Caller;
import edu.sevenp.server.problem.ApiProblem;
import edu.sevenp.server.problem.ProblemKind;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Serving media (docs/sync-protocol.md, section 10): a file by its SHA-256, only to users entitled to a course
 * that uses it (or to a preview lesson's video). The store knows whether the file exists; the database, through
 * row-level security, whether this user may have it.
 */
public final class MediaService {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** A file a user may download. */
    public record Download(MediaStore.StoredFile file, String mimeType, String sha256) {
    }

    private final MediaStore store;
    private final MediaCatalog catalog;

    public MediaService(MediaStore store, MediaCatalog catalog) {
        this.store = Objects.requireNonNull(store, "store");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    public Download download(Caller caller, String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw ApiProblem.invalidParameter("sha256", "sha256 must be 64 lower-case hexadecimal digits");
        }
        MediaStore.StoredFile file = store.find(sha256)
                .orElseThrow(() -> ApiProblem.notFound("The server has no media file " + sha256 + "."));
        String type = catalog.readableType(caller.user(), sha256).orElseThrow(() -> ApiProblem.of(ProblemKind.FORBIDDEN,
                "not_entitled", "This file belongs to a course that is not open to you."));
        return new Download(file, type, sha256);
    }
}
