package edu.sevenp.coursepackage;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.coursepackage.problem.ProblemCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The manifest's rules for files and links: the {@code media} entries and every {@code resources} list
 * (the course's and each lesson's). Whether the files are there and match is checked by {@link PackageFiles}.
 */
final class MediaRules {

    /** The largest media or resource file a package may hold. */
    static final long MAX_FILE_BYTES = 10L << 30;

    private static final Pattern MIME_TYPE = Pattern.compile("[a-z]+/[a-z0-9][a-z0-9.+-]*");
    private static final Set<String> MEDIA_FIELDS = Set.of("id", "file", "sha256", "size", "mimeType", "width", "height",
            "durationSeconds");
    private static final Set<String> RESOURCE_FIELDS = Set.of("id", "title", "description", "file", "sha256", "size",
            "mimeType", "url");

    private final ManifestProblems problems;
    private final JsonFields fields;
    /** Media id to MIME type ("" when the entry's own type is wrong), for lessons' videos. */
    private final Map<UUID, String> mediaTypes = new HashMap<>();

    MediaRules(ManifestProblems problems, JsonFields fields) {
        this.problems = problems;
        this.fields = fields;
    }

    void checkMedia(JsonNode media) {
        for (int i = 0; i < media.size(); i++) {
            JsonNode entry = media.get(i);
            String at = "/media/" + i;
            if (!entry.isObject()) {
                problems.report(at, ProblemCode.NOT_AN_OBJECT);
                continue;
            }
            fields.onlyKnownFields(entry, at, MEDIA_FIELDS, Set.of());
            Optional<UUID> id = fields.uniqueId(entry, at, "media");
            fields.requiredText(entry, at, "file", 500);
            requiredSha256(entry, at);
            fields.requiredLong(entry, at, "size", 1, MAX_FILE_BYTES);
            Optional<String> mimeType = requiredMimeType(entry, at, 100);
            fields.optionalInt(entry, at, "width", 1);
            fields.optionalInt(entry, at, "height", 1);
            fields.optionalInt(entry, at, "durationSeconds", 0);
            id.ifPresent(mediaId -> mediaTypes.put(mediaId, mimeType.orElse("")));
        }
    }

    /**
     * The MIME type of the media entry {@code mediaId}, once {@link #checkMedia} has run: empty when
     * there is no such entry, "" when the entry's own type is wrong (already reported).
     */
    Optional<String> mimeTypeOf(UUID mediaId) {
        return Optional.ofNullable(mediaTypes.get(mediaId));
    }

    void checkResources(JsonNode resources, String listAt) {
        for (int i = 0; i < resources.size(); i++) {
            JsonNode resource = resources.get(i);
            String at = listAt + "/" + i;
            if (!resource.isObject()) {
                problems.report(at, ProblemCode.NOT_AN_OBJECT);
                continue;
            }
            fields.onlyKnownFields(resource, at, RESOURCE_FIELDS, Set.of());
            fields.uniqueId(resource, at, "resource");
            fields.requiredText(resource, at, "title", 200);
            fields.optionalText(resource, at, "description", 5_000);
            boolean file = JsonFields.present(resource, "file");
            boolean url = JsonFields.present(resource, "url");
            if (file == url) {
                problems.report(at, file ? ProblemCode.FILE_OR_URL_BOTH : ProblemCode.FILE_OR_URL_NEITHER);
            }
            if (file) {
                fields.requiredText(resource, at, "file", 500);
                requiredSha256(resource, at);
                fields.requiredLong(resource, at, "size", 1, MAX_FILE_BYTES);
                requiredMimeType(resource, at, 50);
            } else {
                for (String name : List.of("sha256", "size", "mimeType")) {
                    if (JsonFields.present(resource, name)) {
                        problems.report(at + "/" + name, ProblemCode.FILE_FIELD_ON_URL);
                    }
                }
            }
            if (url) {
                fields.requiredText(resource, at, "url", 2_000).filter(address -> !isHttps(address))
                        .ifPresent(address -> problems.report(at + "/url", ProblemCode.NOT_HTTPS, address));
            }
        }
    }

    private void requiredSha256(JsonNode node, String at) {
        fields.requiredText(node, at, "sha256", 64 + 10).filter(hash -> !ContentHash.isSha256(hash))
                .ifPresent(hash -> problems.report(at + "/sha256", ProblemCode.BAD_SHA256, hash));
    }

    private Optional<String> requiredMimeType(JsonNode node, String at, int maxLength) {
        return fields.requiredText(node, at, "mimeType", maxLength).filter(type -> {
            if (!MIME_TYPE.matcher(type).matches()) {
                problems.report(at + "/mimeType", ProblemCode.BAD_MIME_TYPE, type);
                return false;
            }
            return true;
        });
    }

    private static boolean isHttps(String address) {
        try {
            URI uri = new URI(address);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
