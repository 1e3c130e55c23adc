package edu.sevenp.desktop;

import edu.sevenp.desktop.institution.InstitutionConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncService;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.sync.SyncSummary;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code --sync [--json]}: one full sync of the profile (send what is queued, receive what changed, fetch
 * media), then what it did and what is left, in words or as one JSON object ({@link SyncReport}). The exit
 * code says how it ended ({@link ExitCode}); a script retries on {@link ExitCode#RETRY_LATER}.
 */
final class SyncCommand {

    /** A command syncs when it says so: the timer's next run is a day away, no push channel, no retries of its own. */
    static final SyncService.Schedule ONCE = new SyncService.Schedule(Duration.ofDays(1), Duration.ofDays(1),
            Duration.ofDays(1), Duration.ofDays(1), false);

    private SyncCommand() {
    }

    static int run(DesktopPaths paths, boolean json, PrintStream out, PrintStream err) {
        return run(paths, InstitutionConfig.none(), json, out, err);
    }

    /** Through the institution's proxies, trusting its certificates. */
    static int run(DesktopPaths paths, InstitutionConfig institution, boolean json, PrintStream out, PrintStream err) {
        Printer printer = new Printer(json, out, err);
        try (DesktopContext context = DesktopContext.open(paths, institution)) {
            SyncService sync = context.sync(ONCE);
            SyncStatus before = sync.status();
            if (before.account() == null) {
                String why = before.lastError() != null ? before.lastError()
                        : "This profile is not signed in to a sync server; sign in first: sevenp --sign-in <server URL> <email>";
                return printer.notSignedIn(why, before);
            }
            try {
                SyncSummary summary = await(sync.syncNow());
                return printer.synced(before.account(), summary, sync.status());
            } catch (RuntimeException failure) {
                return printer.failed(failure, sync.status());
            }
        } catch (RuntimeException failure) {
            return printer.failed(failure, null);
        }
    }

    /** The run's result; its failure thrown as it came (a {@link SyncFailure}, or a fault of this app). */
    static SyncSummary await(CompletableFuture<SyncSummary> run) {
        try {
            return run.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sync", e);
        }
    }

    /** What {@code --sync} prints without {@code --json}: what the sync did, then what is left, a line each. */
    static String inWords(SyncStatus.Account account, SyncSummary summary, SyncStatus after) {
        StringBuilder text = new StringBuilder();
        String newline = System.lineSeparator();
        text.append("Synced ").append(account.email()).append(" with ").append(account.server()).append(" in ")
                .append(String.format(Locale.ROOT, "%.2f s", summary.elapsed().toMillis() / 1000.0)).append('.').append(newline);
        text.append("Sent ").append(count(summary.pushed(), "change")).append(" (").append(summary.rejected())
                .append(" refused, ").append(summary.held()).append(" held back: their course is not on the server); received ")
                .append(count(summary.pulledRows(), "row")).append(" and ").append(count(summary.deletedRows(), "deletion"))
                .append(" (").append(summary.parkedRows()).append(" waiting for what they refer to); access ended to ")
                .append(count(summary.revokedCourses(), "course")).append('.').append(newline);
        text.append("Media: ").append(count(summary.mediaFiles(), "file")).append(", ").append(bytes(summary.mediaBytes()));
        if (summary.mediaFailed() > 0) {
            text.append(" (").append(summary.mediaFailed()).append(" not fetched: tried again at the next sync)");
        }
        text.append(". Clock offset: ").append(String.format(Locale.ROOT, "%+d ms", summary.clockOffset().toMillis()))
                .append(". Traffic: ").append(bytes(summary.sentBytes())).append(" sent, ")
                .append(bytes(summary.receivedBytes())).append(" received.").append(newline);
        if (summary.mediaProblem() != null) {
            text.append(summary.mediaProblem()).append(newline);
        }
        text.append("Waiting to be sent: ").append(count(after.pendingChanges(), "change")).append(" (and ")
                .append(after.heldChanges()).append(" held back); refused for good: ").append(after.rejectedChanges())
                .append("; conflict copies: ").append(after.conflictCopies()).append('.').append(newline);
        return text.toString();
    }

    /** "sent 3 changes, received 12 rows, 0 media files": the short form {@code --sign-in} prints. */
    static String briefly(SyncSummary summary) {
        return "sent " + count(summary.pushed(), "change") + ", received " + count(summary.pulledRows(), "row") + ", "
                + count(summary.mediaFiles(), "media file");
    }

    /** Writes the outcome in the form asked for and answers the exit code. */
    private static final class Printer {

        private final boolean json;
        private final PrintStream out;
        private final PrintStream err;

        Printer(boolean json, PrintStream out, PrintStream err) {
            this.json = json;
            this.out = out;
            this.err = err;
        }

        int synced(SyncStatus.Account account, SyncSummary summary, SyncStatus after) {
            if (json) {
                print(SyncReport.synced(account, summary, after));
            } else {
                out.print(inWords(account, summary, after));
            }
            return ExitCode.OK.code();
        }

        int notSignedIn(String why, SyncStatus status) {
            if (json) {
                print(SyncReport.failed("not_signed_in", ExitCode.NOT_SIGNED_IN, "not_signed_in", why, status));
            } else {
                err.println(why);
            }
            return ExitCode.NOT_SIGNED_IN.code();
        }

        int failed(RuntimeException failure, SyncStatus status) {
            ExitCode code = ExitCode.of(failure);
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            if (json) {
                print(SyncReport.failed("failed", code, error(failure, code), message, status));
            } else {
                err.println(message);
            }
            return code.code();
        }

        private void print(SyncReport report) {
            try {
                out.println(JsonMapperFactory.create().writeValueAsString(report));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the sync report cannot be written as JSON", e);
            }
        }

        /** The engine's kind of failure (unreachable, device_revoked, …), or the exit code's name. */
        private static String error(RuntimeException failure, ExitCode code) {
            if (failure instanceof SyncFailure sync) {
                return sync.kind().name().toLowerCase(Locale.ROOT);
            }
            return code.name().toLowerCase(Locale.ROOT);
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }
}
