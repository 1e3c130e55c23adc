package edu.sevenp.server.health;

/**
 * Where the reads that may use the read replica (pulls, catalog reads) were served since start-up, for
 * {@code GET /health} (docs/operations.md, "Scale-out").
 *
 * @param replica served by the replica
 * @param primaryReplicaBehind served by the primary because the replica had not replayed the primary's position
 *     when the read began (after a short wait)
 * @param primaryReplicaDown served by the primary because the replica did not answer
 */
public record ReadCounts(long replica, long primaryReplicaBehind, long primaryReplicaDown) {
}
