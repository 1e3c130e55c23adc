package edu.sevenp.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.sync.SyncSummary;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncCommandTest {

    private static final SyncStatus.Account ANA = new SyncStatus.Account("https://sync.example.org", "ana@example.org");

    @Test
    void theSummaryInWordsSaysWhatWasDoneAndWhatIsLeft() {
        SyncSummary summary = new SyncSummary(3, 1, 2, 12, 1, 0, 0, 4, 5_242_880, 1, "Not enough room on the disk.",
                Duration.ofMillis(-12), Duration.ofMillis(640), 4211, 5_261_330);
        SyncStatus after = new SyncStatus(ANA, SyncStatus.Connection.ONLINE, SyncStatus.Activity.IDLE, null, null, 0, 2, 1, 1,
                Instant.parse("2026-12-05T09:00:00Z"), null, null);

        assertThat(SyncCommand.inWords(ANA, summary, after).lines()).containsExactly(
                "Synced ana@example.org with https://sync.example.org in 0.64 s.",
                "Sent 3 changes (1 refused, 2 held back: their course is not on the server); received 12 rows and 1 deletion"
                        + " (0 waiting for what they refer to); access ended to 0 courses.",
                "Media: 4 files, 5.0 MB (1 not fetched: tried again at the next sync). Clock offset: -12 ms. Traffic: 4.1 KB"
                        + " sent, 5.0 MB received.",
                "Not enough room on the disk.",
                "Waiting to be sent: 0 changes (and 2 held back); refused for good: 1; conflict copies: 1.");
    }

    @Test
    void theShortFormIsWhatSignInPrints() {
        SyncSummary summary = new SyncSummary(1, 0, 0, 1, 0, 0, 0, 0, 0, 0, null, Duration.ZERO, Duration.ZERO, 0, 0);

        assertThat(SyncCommand.briefly(summary)).isEqualTo("sent 1 change, received 1 row, 0 media files");
    }
}
