package edu.sevenp.desktop.store;

import edu.sevenp.model.learning.ProgressStatus;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A learner's change as the crash test compares it: printed by CrashingWriter once its transaction has
 * committed, and read back from the change's outbox entry after the kill (CrashConsistencyIT). Both
 * sides carry only what the outbox entry holds, so a reported change and its entry compare as whole
 * values.
 */
sealed interface CommittedChange {

    /** A note created or edited: its text afterwards. */
    record NoteSaved(UUID note, String content) implements CommittedChange {
        public NoteSaved {
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String line() {
            return "note\t" + note + "\t" + content;
        }
    }

    record NoteDeleted(UUID note) implements CommittedChange {
        public NoteDeleted {
            Objects.requireNonNull(note, "note");
        }

        @Override
        public String line() {
            return "deleted\t" + note;
        }
    }

    /** Progress recorded in a lesson: the status and percentage afterwards, and the seconds this write added. */
    record ProgressRecorded(UUID lesson, ProgressStatus status, BigDecimal percentage, int secondsSpent)
            implements CommittedChange {
        public ProgressRecorded {
            Objects.requireNonNull(lesson, "lesson");
            Objects.requireNonNull(status, "status");
            // The payload's JSON may drop trailing zeros; the column keeps two places.
            percentage = percentage.setScale(2);
        }

        @Override
        public String line() {
            return "progress\t" + lesson + "\t" + status.code() + "\t" + percentage.toPlainString() + "\t" + secondsSpent;
        }
    }

    /** One line, tab-separated (note texts never hold a tab or a line break). */
    String line();

    /** The change a line reports; empty for any other output of the child (a log line, say). */
    static Optional<CommittedChange> parse(String line) {
        String[] fields = line.split("\t", -1);
        return Optional.ofNullable(switch (fields[0]) {
            case "note" -> new NoteSaved(UUID.fromString(fields[1]), fields[2]);
            case "deleted" -> new NoteDeleted(UUID.fromString(fields[1]));
            case "progress" -> new ProgressRecorded(UUID.fromString(fields[1]), ProgressStatus.fromCode(fields[2]),
                    new BigDecimal(fields[3]), Integer.parseInt(fields[4]));
            default -> null;
        });
    }
}
