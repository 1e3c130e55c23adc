package edu.sevenp.desktop.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.sync.RejectedChange;
import edu.sevenp.desktop.sync.SyncProgress;
import edu.sevenp.desktop.sync.SyncStage;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.sync.SyncStatus.Activity;
import edu.sevenp.desktop.sync.SyncStatus.Connection;
import edu.sevenp.model.sync.SyncEntity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sync status in the learner's words: the indicator's line and tooltip, and what waits. */
class SyncTextsTest {

    private static final SyncStatus.Account ANA = new SyncStatus.Account("https://sync.example.org", "ana@example.org");
    private static final Instant NINE = Instant.parse("2026-12-05T09:00:00Z");

    private final SyncTexts texts = new SyncTexts(ZoneOffset.UTC, Locale.UK);

    @Test
    void aFreshProfileIsNotSignedIn() {
        SyncStatus fresh = SyncStatus.notSignedIn(0);

        assertThat(texts.indicator(fresh)).isEqualTo("Not signed in");
        assertThat(texts.tone(fresh)).isEqualTo(SyncTexts.Tone.OFF);
        assertThat(texts.tooltip(fresh)).isEqualTo("Last synced: never\nSync details (Ctrl+Shift+S)");
    }

    @Test
    void aSyncThatEndedWellIsUpToDateAndTheTooltipSaysWhenAndWhenNext() {
        SyncStatus done = status(Connection.ONLINE, Activity.IDLE, 0, NINE, null, NINE.plusSeconds(300));

        assertThat(texts.indicator(done)).isEqualTo("Up to date");
        assertThat(texts.tone(done)).isEqualTo(SyncTexts.Tone.OK);
        assertThat(texts.tooltip(done))
                .isEqualTo("Last synced: 5 Dec 2026, 09:00\nNext attempt: 5 Dec 2026, 09:05\nSync details (Ctrl+Shift+S)");
    }

    @Test
    void changesWrittenSinceTheLastSyncAreCountedAsWaiting() {
        assertThat(texts.indicator(status(Connection.ONLINE, Activity.IDLE, 1, NINE, null, null))).isEqualTo("1 change waiting");
        assertThat(texts.indicator(status(Connection.ONLINE, Activity.IDLE, 4, NINE, null, null))).isEqualTo("4 changes waiting");
    }

    @Test
    void anUnreachableServerIsOfflineWithWhatWaitsAndTheReasonInTheTooltip() {
        String reason = "The server could not be reached; nothing is lost and it will be tried again.";
        SyncStatus offline = status(Connection.OFFLINE, Activity.WAITING_TO_RETRY, 3, NINE, reason, NINE.plusSeconds(10));

        assertThat(texts.indicator(offline)).isEqualTo("Offline · 3 changes waiting");
        assertThat(texts.tone(offline)).isEqualTo(SyncTexts.Tone.WAITING);
        assertThat(texts.tooltip(offline)).contains("Next attempt: 5 Dec 2026, 09:00", reason);
    }

    @Test
    void aRunningSyncNamesItsStageAndHowFarItIs() {
        SyncStatus pushing = new SyncStatus(ANA, Connection.ONLINE, Activity.SYNCING, SyncStage.PUSH,
                SyncProgress.of(3, 10, SyncProgress.Unit.CHANGES), 10, 0, 0, 0, NINE, null, null);
        SyncStatus pulling = new SyncStatus(ANA, Connection.ONLINE, Activity.SYNCING, SyncStage.PULL,
                SyncProgress.of(1200, -1, SyncProgress.Unit.ROWS), 0, 0, 0, 0, NINE, null, null);
        SyncStatus contacting = new SyncStatus(ANA, Connection.UNKNOWN, Activity.SYNCING, SyncStage.CONTACT, null, 0, 0,
                0, 0, null, null, null);

        assertThat(texts.indicator(pushing)).isEqualTo("Syncing… (Sending your changes, 3 of 10 changes)");
        assertThat(texts.indicator(pulling)).isEqualTo("Syncing… (Receiving changes, 1,200 rows)");
        assertThat(texts.indicator(contacting)).isEqualTo("Syncing… (Contacting the server)");
        assertThat(texts.tone(pushing)).isEqualTo(SyncTexts.Tone.BUSY);
    }

    @Test
    void aFailureTheLearnerMustActOnNeedsAttention() {
        SyncStatus revoked = status(Connection.ONLINE, Activity.NEEDS_ATTENTION, 0, NINE, "Sign in again.", null);

        assertThat(texts.indicator(revoked)).isEqualTo("Needs attention");
        assertThat(texts.tone(revoked)).isEqualTo(SyncTexts.Tone.ATTENTION);
    }

    @Test
    void signedInButNotYetSyncedIsNotCalledUpToDate() {
        assertThat(texts.indicator(status(Connection.UNKNOWN, Activity.IDLE, 0, NINE, null, null))).isEqualTo("Waiting to sync");
    }

    @Test
    void pendingRowsByKindReadAsPlainWords() {
        assertThat(texts.pending(Map.of(SyncEntity.LESSON_PROGRESS, 3, SyncEntity.USER_NOTES, 2)))
                .isEqualTo("Waiting to be sent: 2 notes, progress in 3 lessons.");
        assertThat(texts.pending(Map.of(SyncEntity.USER_BOOKMARKS, 1, SyncEntity.QUIZ_ATTEMPTS, 1, SyncEntity.LESSON_PROGRESS, 1)))
                .isEqualTo("Waiting to be sent: 1 bookmark, progress in 1 lesson, 1 quiz attempt.");
        assertThat(texts.pending(Map.of())).isEqualTo("Nothing is waiting to be sent.");
    }

    @Test
    void heldChangesSayWhyTheyStayHereAndNothingWhenThereAreNone() {
        assertThat(texts.held(Map.of(SyncEntity.USER_NOTES, 1)))
                .startsWith("Kept on this computer: 1 note. Their course is not on this server");
        assertThat(texts.held(Map.of())).isEmpty();
    }

    @Test
    void aRefusedChangeSaysWhatToDoByItsCode() {
        assertThat(texts.advice("not_found")).isEqualTo(
                "Its lesson, quiz or course was removed from the server. Nothing to do: the change is out of date.");
        assertThat(texts.advice("not_entitled")).startsWith("The course is not open to your account now.");
        assertThat(texts.advice("something_new")).startsWith("The server did not accept it.");
    }

    @Test
    void theAccountLineNamesServerAndAddress() {
        assertThat(texts.account(status(Connection.ONLINE, Activity.IDLE, 0, NINE, null, null)))
                .isEqualTo("Signed in to https://sync.example.org as ana@example.org.");
        assertThat(texts.account(SyncStatus.notSignedIn(0))).startsWith("This profile works offline on this computer.");
    }

    @Test
    void inGermanTheWordsNumbersAndTimesAreGermanToo() {
        SyncTexts german = new SyncTexts(ZoneOffset.UTC, Locale.GERMANY);
        SyncStatus pulling = new SyncStatus(ANA, Connection.ONLINE, Activity.SYNCING, SyncStage.PULL,
                SyncProgress.of(1200, -1, SyncProgress.Unit.ROWS), 0, 0, 0, 0, NINE, null, null);
        SyncStatus done = status(Connection.ONLINE, Activity.IDLE, 0, NINE, null, NINE.plusSeconds(300));

        assertThat(german.indicator(pulling)).isEqualTo("Synchronisiert… (Änderungen werden empfangen, 1.200 Zeilen)");
        assertThat(german.indicator(status(Connection.ONLINE, Activity.IDLE, 1, NINE, null, null)))
                .isEqualTo("1 Änderung wartet");
        assertThat(german.tooltip(done))
                .isEqualTo("Zuletzt synchronisiert: 05.12.2026, 09:00\nNächster Versuch: 05.12.2026, 09:05\n"
                        + "Sync-Details (Strg+Umschalt+S)");
        assertThat(german.pending(Map.of(SyncEntity.USER_NOTES, 2, SyncEntity.LESSON_PROGRESS, 1)))
                .isEqualTo("Wartet auf das Senden: 2 Notizen, Fortschritt in 1 Lektion.");
    }

    private static SyncStatus status(Connection connection, Activity activity, int pending, Instant lastSuccess,
            String lastError, Instant nextAttempt) {
        return new SyncStatus(ANA, connection, activity, null, null, pending, 0, 0, 0, lastSuccess, lastError, nextAttempt);
    }

    @Test
    void aDeviceSaysWhatItRunsAndWhenItWasLastSeen() {
        java.time.OffsetDateTime seen = java.time.OffsetDateTime.parse("2026-12-05T08:30:00Z");

        assertThat(texts.device(new edu.sevenp.model.protocol.DeviceView(java.util.UUID.randomUUID(), "Lab PC 3", "Windows",
                "0.1.0", seen.minusDays(3), seen, null, false))).isEqualTo("Windows · app 0.1.0 · last seen 5 Dec 2026, 08:30");
        assertThat(texts.device(new edu.sevenp.model.protocol.DeviceView(java.util.UUID.randomUUID(), "Old", null, null,
                seen, seen, null, false))).isEqualTo("last seen 5 Dec 2026, 08:30");
    }

    @Test
    void aRefusedChangeGivesAKnownReasonInTheLearnersLanguageNotTheServersEnglish() {
        RejectedChange refused = new RejectedChange(SyncEntity.USER_NOTES, java.util.UUID.randomUUID(), "not_found",
                "the lesson 3f1c… does not exist");

        RejectedItem german = new SyncTexts(ZoneOffset.UTC, Locale.GERMANY).rejected(refused);

        assertThat(german.what()).isEqualTo("Eine Notiz");
        assertThat(german.reason()).isEqualTo("Das Geänderte gibt es auf dem Server nicht mehr (not_found)");
        assertThat(texts.rejected(refused).reason()).isEqualTo("What it changes is no longer on the server (not_found)");
    }

    @Test
    void aRefusedChangeWithACodeThisAppDoesNotKnowShowsTheServersWordsInOurFrame() {
        RejectedChange refused = new RejectedChange(SyncEntity.USER_NOTES, java.util.UUID.randomUUID(), "brand_new_rule",
                "a rule of a newer server");

        assertThat(new SyncTexts(ZoneOffset.UTC, Locale.GERMANY).rejected(refused).reason())
                .isEqualTo("Der Server sagt: a rule of a newer server (brand_new_rule)");
    }
}
