package edu.sevenp.migrations.parity;

import java.util.Map;

/**
 * Every deliberate difference between the server's schema and the device's H2 mirror, with its
 * reason: the one place SchemaParityIT consults (and docs/schema-notes.md repeats).
 */
final class MirrorExceptions {

    /** Tables only a device has. */
    static final Map<String, String> LOCAL_ONLY_TABLES = Map.ofEntries(
            Map.entry("outbox", "the device's upload queue: each change with this device's sequence number (principles 2-4)"),
            Map.entry("sync_state", "where each pull stream stopped on this device (principle 5)"),
            Map.entry("media_cache", "which media files are on this device, verified by SHA-256 (principle 9)"),
            Map.entry("settings", "the profile's user id, the device id and the player's preferences"),
            Map.entry("course_packages", "which version of which course package this profile imported"),
            Map.entry("search_queue", "what the device's offline search index has yet to take in"),
            Map.entry("sync_parked", "pulled rows waiting for a row they refer to (a lesson, a quiz) to arrive on this device"),
            Map.entry("sync_reset_marks", "the rows of a stream being copied again after the tombstone horizon, to sweep those deleted"),
            Map.entry("course_downloads", "which server courses the learner removed from this device, or is downloading again"),
            Map.entry("statistics_cache", "the last course statistics the server gave this profile's instructor, to show offline with their date"));

    private static final String PRIVATE_PROFILE =
            "private to the server: the device keeps public profiles (name, avatar, bio) of instructors and its learner";
    private static final String SERVER_SEARCH =
            "the server's full-text document; the device searches with its own offline index";
    private static final String EDITING_DEVICE =
            "which device wrote the server's current version, for the merge rule; a device knows its own edits";
    private static final String PUBLISHED_VERSION =
            "which published version a course is at; the device records the version it holds in course_packages";
    private static final String MEDIA_DELIVERY =
            "the server's processing and delivery state; the device's copy is tracked in media_cache";

    /** Server columns of mirrored tables that the device does not hold, as table.column. */
    static final Map<String, String> SERVER_ONLY_COLUMNS = Map.ofEntries(
            Map.entry("users.email", PRIVATE_PROFILE),
            Map.entry("users.first_name", PRIVATE_PROFILE),
            Map.entry("users.last_name", PRIVATE_PROFILE),
            Map.entry("users.phone_encrypted", PRIVATE_PROFILE),
            Map.entry("users.date_of_birth_encrypted", PRIVATE_PROFILE),
            Map.entry("users.gender", PRIVATE_PROFILE),
            Map.entry("users.timezone", PRIVATE_PROFILE),
            Map.entry("users.language", PRIVATE_PROFILE),
            Map.entry("users.status", PRIVATE_PROFILE),
            Map.entry("users.email_verified", PRIVATE_PROFILE),
            Map.entry("users.phone_verified", PRIVATE_PROFILE),
            Map.entry("users.website_url", PRIVATE_PROFILE),
            Map.entry("users.linkedin_url", PRIVATE_PROFILE),
            Map.entry("users.twitter_url", PRIVATE_PROFILE),
            Map.entry("users.last_login_at", PRIVATE_PROFILE),
            Map.entry("courses.search_document", SERVER_SEARCH),
            Map.entry("course_lessons.search_document", SERVER_SEARCH),
            Map.entry("media_files.user_id", "who uploaded a file is the server's business"),
            Map.entry("media_files.processing_status", MEDIA_DELIVERY),
            Map.entry("media_files.processed_variants", MEDIA_DELIVERY),
            Map.entry("media_files.cdn_url", MEDIA_DELIVERY),
            Map.entry("media_files.cache_expires_at", MEDIA_DELIVERY),
            Map.entry("media_files.download_count", MEDIA_DELIVERY),
            Map.entry("courses.package_version", PUBLISHED_VERSION),
            Map.entry("courses.version_number", PUBLISHED_VERSION),
            Map.entry("user_notes.edited_by", EDITING_DEVICE),
            Map.entry("user_bookmarks.edited_by", EDITING_DEVICE));

    /** Device columns of mirrored tables that the server does not have, as table.column, each with its reason. */
    static final Map<String, String> DEVICE_ONLY_COLUMNS = Map.of(
            "courses.access_ended_at", "when this learner lost access to the course on this device: the content went,"
                    + " the outline stays for the learner's own notes and progress; the server decides access per request");

    private MirrorExceptions() {
    }
}
