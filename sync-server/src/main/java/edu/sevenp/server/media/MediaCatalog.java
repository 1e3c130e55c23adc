package edu.sevenp.server.media;

import edu.sevenp.model.UserId;
import java.util.Optional;

/** Which media files a user may read (port; implemented in server.db through row-level security). */
public interface MediaCatalog {

    /** The file's MIME type when {@code user} may read a media file with this hash; empty otherwise. */
    Optional<String> readableType(UserId user, String sha256);
}
