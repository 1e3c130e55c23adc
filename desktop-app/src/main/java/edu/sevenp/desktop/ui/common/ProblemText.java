package edu.sevenp.desktop.ui.common;

import edu.sevenp.desktop.failure.ExplainedFailure;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure in words for the learner: what happened and what to do next, never an exception's class, a stack trace
 * or a database's words. A failure that explains itself ({@link ExplainedFailure}: the store's, the services', the
 * sync engine's) shows its message with its remedy; any other is a fault of the player, shown in general words that
 * point to the log. {@link #shown} also logs what the learner was told, naming the failure; its stack trace is logged
 * once, where it was caught ({@link UiExecutors#load} for background work), not again here.
 */
public final class ProblemText {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemText.class);
    /** How deep in the causes to look for a failure that explains itself. */
    private static final int MAX_DEPTH = 8;
    /**
     * Words no learner's message holds: an exception's or a package's name, an H2 error code ("[90030-224]"), a SQL
     * state or statement. A message with them was not written for the learner after all.
     */
    private static final Pattern TECHNICAL = Pattern.compile(
            "Exception|\\bjava\\.|\\bjavax\\.|\\borg\\.[a-z]+\\.|\\[\\d{5}-\\d+]|SQL ?[Ss]tate|SQL statement|\\n\\s*at ");

    private final Messages messages;

    public ProblemText(Locale locale) {
        this.messages = Messages.forPackage(ProblemText.class.getPackageName(), Objects.requireNonNull(locale, "locale"));
    }

    /** In the default locale (the learner's language, set before any window is built). */
    public static ProblemText ofDefaultLocale() {
        return new ProblemText(Locale.getDefault());
    }

    /** {@code failure} in words for the learner, with what to do next. */
    public String explain(Throwable failure) {
        return explain(failure, messages.get("failure.generic"));
    }

    /**
     * As {@link #explain(Throwable)}, saying {@code whatFailed} (a whole sentence from the caller's bundle, "The
     * library could not be read.") when the failure does not explain itself.
     */
    public String explain(Throwable failure, String whatFailed) {
        Objects.requireNonNull(whatFailed, "whatFailed");
        ExplainedFailure explained = explainedIn(failure);
        if (explained == null) {
            return whatFailed + " " + messages.get("failure.unexpected");
        }
        String message = explained.getMessage().strip();
        return explained.remedy() == ExplainedFailure.Remedy.NONE ? message
                : message + " " + messages.get("remedy." + explained.remedy().name());
    }

    /**
     * Only what happened, for a message that says what to do itself ("The dashboard could not be read: {0} Nothing is
     * lost; try again…"): the failure's own words, or "Something went wrong." for one that does not explain itself.
     */
    public String reason(Throwable failure) {
        ExplainedFailure explained = explainedIn(failure);
        return explained == null ? messages.get("failure.generic") : explained.getMessage().strip();
    }

    /** As {@link #reason(Throwable)}, and logs the words shown with the failure's name (not its stack trace). */
    public String shownReason(Throwable failure) {
        return logged(failure, reason(failure));
    }

    /** As {@link #explain(Throwable)}, and logs the words shown with the failure's name (not its stack trace). */
    public String shown(Throwable failure) {
        return logged(failure, explain(failure));
    }

    /** As {@link #explain(Throwable, String)}, and logs the words shown with the failure's name (not its stack trace). */
    public String shown(Throwable failure, String whatFailed) {
        return logged(failure, explain(failure, whatFailed));
    }

    private static String logged(Throwable failure, String text) {
        // The stack trace is in the log already, from where the failure was caught: once is enough to find it.
        LOG.warn("Shown to the learner: {} ({}: {})", text.replace('\n', ' '), failure.getClass().getSimpleName(),
                failure.getMessage());
        return text;
    }

    /** The failure in {@code failure}'s causes that explains itself in plain words, or null. */
    private static ExplainedFailure explainedIn(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof ExplainedFailure explained) {
                String message = explained.getMessage();
                return message == null || message.isBlank() || TECHNICAL.matcher(message).find() ? null : explained;
            }
            // A wrapper (CompletionException, a service's own) may carry the failure that says what happened.
            current = current.getCause();
        }
        return null;
    }
}
