package edu.sevenp.server.sync;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The version rule every edit of a note or bookmark follows (docs/sync-protocol.md, section 8): a conflict is
 * found by row versions, never by clocks; inside one, the later edit by server time wins.
 */
final class Conflicts {

    private Conflicts() {
    }

    /**
     * Whether an edit that started from {@code baseVersion} conflicts with the stored row: the row has moved on
     * from that version, and not by the editing device itself.
     */
    static boolean conflicts(Long baseVersion, long storedVersion, UUID storedEditedBy, UUID editingDevice) {
        boolean movedOn = baseVersion == null || baseVersion != storedVersion;
        boolean byAnotherDevice = storedEditedBy != null && !storedEditedBy.equals(editingDevice);
        return movedOn && byAnotherDevice;
    }

    /** Whether the incoming edit is the later one; on equal times the device id that sorts higher wins. */
    static boolean incomingWins(OffsetDateTime incomingEditedAt, UUID incomingDevice, OffsetDateTime storedEditedAt,
            UUID storedDevice) {
        if (storedEditedAt == null) {
            return true;
        }
        int byTime = incomingEditedAt.toInstant().compareTo(storedEditedAt.toInstant());
        if (byTime != 0) {
            return byTime > 0;
        }
        return storedDevice == null || incomingDevice.toString().compareTo(storedDevice.toString()) > 0;
    }
}
