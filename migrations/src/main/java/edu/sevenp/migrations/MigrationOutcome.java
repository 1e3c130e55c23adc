package edu.sevenp.migrations;

/**
 * What a migration run did.
 *
 * @param schemaVersion the version of the newest applied migration, for example {@code "3"}
 * @param appliedNow how many migrations this run applied (0 when the schema was already current)
 */
public record MigrationOutcome(Target target, String schemaVersion, int appliedNow) {
}
