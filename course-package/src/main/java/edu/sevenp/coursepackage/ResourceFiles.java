package edu.sevenp.coursepackage;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A file resource of a package is also a media file (media_files), whose id is made from the resource's id, so
 * that the player's import and the server's publish give it the same id.
 */
public final class ResourceFiles {

    private static final String NAMESPACE = "sevenp-course-package:resource-file:";

    private ResourceFiles() {
    }

    public static UUID mediaFileId(UUID resourceId) {
        return UUID.nameUUIDFromBytes((NAMESPACE + resourceId).getBytes(StandardCharsets.UTF_8));
    }
}
