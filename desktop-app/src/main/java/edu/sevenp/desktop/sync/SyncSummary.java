package edu.sevenp.desktop.sync;

import java.time.Duration;

/**
 * What one full sync did, for the headless {@code --sync} and the log.
 *
 * @param pushed changes the server answered (applied or answered before)
 * @param rejected changes the server refused for good in this sync
 * @param held changes kept here because their course is not on the server
 * @param pulledRows rows stored from the server
 * @param deletedRows rows removed because the server deleted them
 * @param parkedRows rows waiting for what they refer to
 * @param revokedCourses courses whose access ended
 * @param mediaFiles media files downloaded and verified
 * @param mediaBytes media bytes received
 * @param mediaFailed media files refused by the server or damaged on the way: tried again at the next sync
 * @param mediaProblem what kept media from being fetched, in plain words (no room on the disk, …), or null
 * @param clockOffset this device's clock minus the server's
 * @param sentBytes bytes sent, headers included
 * @param receivedBytes bytes received, headers included
 */
public record SyncSummary(int pushed, int rejected, int held, int pulledRows, int deletedRows, int parkedRows,
        int revokedCourses, int mediaFiles, long mediaBytes, int mediaFailed, String mediaProblem, Duration clockOffset, Duration elapsed, long sentBytes,
        long receivedBytes) {
}
