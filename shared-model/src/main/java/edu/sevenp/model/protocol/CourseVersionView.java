package edu.sevenp.model.protocol;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One published version of a course ({@code GET /courses/{id}/versions}). */
public record CourseVersionView(int versionNumber, String packageVersion, OffsetDateTime publishedAt, UUID publishedBy,
        String summary) {
}
