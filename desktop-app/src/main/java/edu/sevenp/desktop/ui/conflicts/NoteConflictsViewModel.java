package edu.sevenp.desktop.ui.conflicts;

import edu.sevenp.desktop.learning.NoteService;
import edu.sevenp.desktop.learning.ConflictingNote;
import edu.sevenp.desktop.ui.common.FailureTold;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.common.ProblemText;
import java.text.MessageFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Conflicting notes side by side: the note now and the version that lost, and what the learner keeps. Reads and
 * writes run in the background; {@code onSettled} runs on the UI thread after each settled conflict (the sync panel
 * counts again).
 */
public final class NoteConflictsViewModel {

    static final String BUNDLE = "edu.sevenp.desktop.ui.conflicts.messages";

    private final NoteService notes;
    private final UiExecutors executors;
    private final ZoneId zone;
    private final Locale locale;
    private final ResourceBundle texts;
    private final DateTimeFormatter times;
    private final Runnable onSettled;
    private final ObservableList<ConflictItem> conflicts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final FailureTold failures = new FailureTold();
    private final BooleanBinding messageIsFailure = failures.shownBy(message);

    public NoteConflictsViewModel(NoteService notes, UiExecutors executors, ZoneId zone, Locale locale,
            Runnable onSettled) {
        this.notes = Objects.requireNonNull(notes, "notes");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.texts = ResourceBundle.getBundle(BUNDLE, locale);
        this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        this.onSettled = Objects.requireNonNull(onSettled, "onSettled");
    }

    /** Reads the conflicts again. */
    public void refresh() {
        message.set("");
        reload();
    }

    private void reload() {
        executors.load(() -> notes.conflicts().stream().map(this::item).toList(), this::show, this::fail);
    }

    /** Keeps what the learner chose of {@code item}, then reads the rest again. */
    public void settle(ConflictItem item, ConflictingNote.Choice resolution) {
        Objects.requireNonNull(item, "item");
        executors.load(() -> {
            notes.resolve(item.copy(), resolution);
            return notes.conflicts().stream().map(this::item).toList();
        }, remaining -> {
            message.set(text("settled"));
            show(remaining);
            onSettled.run();
        }, failure -> {
            fail(failure);
            // Settled elsewhere meanwhile, say: show what is left, keeping the message.
            reload();
        });
    }

    private ConflictItem item(ConflictingNote conflict) {
        return new ConflictItem(conflict.copy().id(), text("lesson", conflict.lessonTitle()),
                conflict.original().map(note -> text("current", time(note.updatedAt()))).orElse(text("current.gone")),
                conflict.original().map(note -> note.content()).orElse(null),
                text("copy", time(conflict.copy().updatedAt())), conflict.copy().content());
    }

    private void show(List<ConflictItem> items) {
        conflicts.setAll(items);
        if (items.isEmpty()) {
            message.set(text("empty"));
        }
    }

    private void fail(RuntimeException failure) {
        String reason = ProblemText.ofDefaultLocale().shownReason(failure);
        message.set(failures.mark(text("failed", sentence(reason))));
    }

    private String time(OffsetDateTime at) {
        return times.format(at.atZoneSameInstant(zone));
    }

    public String text(String key, Object... arguments) {
        return new MessageFormat(texts.getString(key), locale).format(arguments);
    }

    public ObservableList<ConflictItem> conflicts() {
        return conflicts;
    }

    /** True while {@link #messageProperty()} says why a choice could not be kept (not "Settled"). */
    public BooleanBinding messageIsFailureProperty() {
        return messageIsFailure;
    }

    /** What happened last ("Settled…", a failure), or that nothing is left; empty while there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A failure's message as a sentence: messages written for the learner end with a full stop already. */
    private static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }
}
