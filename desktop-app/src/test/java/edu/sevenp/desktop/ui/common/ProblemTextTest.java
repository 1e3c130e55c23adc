package edu.sevenp.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.failure.ExplainedFailure.Remedy;
import edu.sevenp.desktop.store.StoreException;
import edu.sevenp.desktop.store.StoreInUseException;
import edu.sevenp.desktop.sync.SyncFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProblemTextTest {

    private static final String TRY_AGAIN = "Try again; if it keeps happening, restart the player. The details are in"
            + " the log.";

    private final ProblemText english = new ProblemText(Locale.ENGLISH);

    @Test
    void aStoreFailureShowsItsMessageAndTryAgain() {
        String text = english.explain(new StoreException("Could not save the note; nothing was saved.",
                new SQLException("Table \"NOTE\" not found; SQL statement: insert into note ...", "42S02", 42102)));

        assertThat(text).isEqualTo("Could not save the note; nothing was saved. " + TRY_AGAIN);
    }

    @Test
    void aFailureWhoseMessageSaysWhatToDoIsShownAsItIs() {
        String text = english.explain(new StoreInUseException("The library x is open in another 7P player. Close the"
                + " other player (or choose another profile) and try again.", null));

        assertThat(text).isEqualTo("The library x is open in another 7P player. Close the other player (or choose another"
                + " profile) and try again.");
    }

    @Test
    void aSyncRefusalThatSaysWhatToDoIsShownAsItIs() {
        assertThat(english.explain(SyncFailure.of(SyncFailure.Kind.SIGNED_OUT, "Sign in again to sync.")))
                .isEqualTo("Sign in again to sync.");
    }

    @Test
    void anUnreachableServerSaysSoInItsOwnWords() {
        String text = english.explain(new SyncFailure(SyncFailure.Kind.UNREACHABLE, null, "Cannot reach the server"
                + " http://localhost:1: this computer seems to be offline, or the server is down. Your work is kept and"
                + " will be sent once it can be reached.", null, new java.net.ConnectException("Connection refused")));

        assertThat(text).startsWith("Cannot reach the server http://localhost:1: ").doesNotContain("Connection refused");
    }

    @Test
    void aBrokenPackageSaysToCheckThePackage() {
        String text = english.explain(new PlainFailure("The package has no manifest.json.", null, Remedy.CHECK_PACKAGE));

        assertThat(text).isEqualTo("The package has no manifest.json. Check that you chose the right file, or ask"
                + " whoever made the course package for a new one.");
    }

    @Test
    void anUnexpectedExceptionIsToldInGeneralWordsWithoutItsOwn() {
        String text = english.explain(new IllegalStateException("java.sql.SQLException: Connection is broken: "
                + "\"java.io.IOException: Stream closed\" [90067-224]"));

        assertThat(text).isEqualTo("Something went wrong. " + TRY_AGAIN);
    }

    @Test
    void anUnexpectedExceptionSaysWhatFailedWhenTheCallerKnows() {
        String text = english.explain(new NullPointerException(), "The library could not be read.");

        assertThat(text).isEqualTo("The library could not be read. " + TRY_AGAIN);
    }

    @Test
    void anExplainedFailureInsideAWrapperIsFound() {
        CompletionException wrapped = new CompletionException(new UncheckedIOException(new IOException("disk",
                new StoreException("Could not save the bookmark; nothing was saved."))));

        assertThat(english.explain(wrapped)).isEqualTo("Could not save the bookmark; nothing was saved. " + TRY_AGAIN);
    }

    @Test
    void anExplainedFailureWithTechnicalWordsIsNotShown() {
        String text = english.explain(new StoreException("Cannot open the library x: General error:"
                + " \"java.lang.IllegalStateException: File corrupted in chunk 12\" [50000-224]"));

        assertThat(text).isEqualTo("Something went wrong. " + TRY_AGAIN);
    }

    @Test
    void theReasonAloneLeavesTheNextStepToTheCaller() {
        assertThat(english.reason(new StoreException("A quiz in the library is damaged."))).isEqualTo(
                "A quiz in the library is damaged.");
        assertThat(english.reason(new ArithmeticException("/ by zero"))).isEqualTo("Something went wrong.");
    }

    @Test
    void germanLearnersReadGerman() {
        assertThat(new ProblemText(Locale.GERMAN).explain(new IllegalStateException("boom"))).isEqualTo(
                "Etwas ist schiefgegangen. Versuchen Sie es noch einmal; geschieht es wieder, starten Sie den Player neu."
                        + " Die Einzelheiten stehen im Protokoll.");
    }

    @Test
    void aBackgroundFailureShownToTheLearnerIsLoggedOnceWithItsStackTrace() {
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            UiExecutors.sameThread().load(() -> {
                throw new IllegalStateException("boom in the background");
            }, result -> { }, failure -> english.shown(failure));
        } finally {
            System.setErr(before);
        }

        String logged = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(logged.split("java.lang.IllegalStateException: boom in the background", -1))
                .as("the failure's stack trace, in the log:%n%s", logged).hasSize(2);
        assertThat(logged).contains("\tat ", "Shown to the learner: Something went wrong.");
    }
}
