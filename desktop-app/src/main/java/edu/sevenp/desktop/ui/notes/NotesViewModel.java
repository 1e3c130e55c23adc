package edu.sevenp.desktop.ui.notes;

import edu.sevenp.desktop.learning.InvalidInputException;
import edu.sevenp.desktop.learning.NoteService;
import edu.sevenp.desktop.learning.NotesMarkdown;
import edu.sevenp.desktop.failure.ExplainedFailure.Remedy;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.ui.common.Feedback;
import edu.sevenp.desktop.ui.common.LessonOpener;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.PlainFailure;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.learning.Note;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notes panel: the learner's notes on the lesson shown (or on the whole course), newest first, and
 * the form that writes a note or edits one. A refused note keeps its text in the form, with the reason
 * beside it, so nothing the learner typed is lost.
 */
public final class NotesViewModel {

    private static final Comparator<Note> NEWEST_FIRST = Comparator.comparing(Note::createdAt).reversed()
            .thenComparing(note -> note.id().value());

    private final NoteService notes;
    private final LibraryService library;
    private final UiExecutors executors;
    private final Feedback feedback;
    private final LessonOpener opener;
    private final ZoneId zone;
    private final Messages messages = Messages.of(NotesViewModel.class);
    /** Lets a list load overtaken by a newer one (another lesson, the other scope) drop its result. */
    private final AtomicLong loads = new AtomicLong();

    private final ObservableList<NoteItem> items = FXCollections.observableArrayList();
    private final ObservableList<NoteItem> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final ObjectProperty<LessonRef> lesson = new SimpleObjectProperty<>(this, "lesson");
    private final BooleanProperty wholeCourse = new SimpleBooleanProperty(this, "wholeCourse", false);
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final StringProperty draftTime = new SimpleStringProperty(this, "draftTime", "");
    private final StringProperty formError = new SimpleStringProperty(this, "formError", "");
    private final ObjectProperty<Note> editing = new SimpleObjectProperty<>(this, "editing");
    private final ObjectProperty<NoteItem> pendingDelete = new SimpleObjectProperty<>(this, "pendingDelete");
    private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving", false);
    private final BooleanProperty videoLesson = new SimpleBooleanProperty(this, "videoLesson", false);
    /** A video time belongs to notes on a video; a note edited with one keeps showing it, whatever lesson is shown. */
    private final BooleanBinding timeShown = videoLesson.or(Bindings.createBooleanBinding(
            () -> editing.get() != null && editing.get().timestampInVideo() != null, editing));
    /** The shown course's title, as the last load found it (on the UI thread). */
    private String courseTitle = "";
    /** The second of the video shown, while a video lesson's video is ready. */
    private Supplier<Optional<Integer>> videoTime = Optional::empty;

    /** @param zone the learner's time zone, for the times notes were written */
    public NotesViewModel(NoteService notes, LibraryService library, UiExecutors executors, Feedback feedback,
            LessonOpener opener, ZoneId zone) {
        this.notes = Objects.requireNonNull(notes, "notes");
        this.library = Objects.requireNonNull(library, "library");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.zone = Objects.requireNonNull(zone, "zone");
        wholeCourse.addListener((property, old, now) -> reload());
        // The message is about what was typed; once the learner changes it, it no longer applies.
        draft.addListener((property, old, now) -> formError.set(""));
        // A new note on a video records the moment the learner starts writing it (the time stays editable).
        draft.addListener((property, old, now) -> {
            if ((old == null || old.isEmpty()) && now != null && !now.isEmpty()) {
                stampVideoTime();
            }
        });
        draftTime.addListener((property, old, now) -> formError.set(""));
    }

    /** Where new notes take their video time from: the second of the video shown, while one is ready. */
    public void useVideoTime(Supplier<Optional<Integer>> source) {
        this.videoTime = Objects.requireNonNull(source, "source");
    }

    /**
     * Puts the video's current time in the form of a new note, unless the learner already wrote one there; a note
     * being edited keeps its own. Ctrl+N calls it, and so does starting to write.
     */
    public void stampVideoTime() {
        if (editing.get() == null && draftTime.get().isBlank()) {
            videoTime.get().ifPresent(seconds -> draftTime.set(VideoTime.format(seconds)));
        }
    }

    /** Plays the note's lesson's video from the note's time (opening the lesson when another is shown). */
    public void playFrom(NoteItem item) {
        Note note = Objects.requireNonNull(item, "item").note();
        if (note.timestampInVideo() == null || note.fromRemovedLesson()) {
            open(item);
        } else {
            opener.openLessonAt(note.courseId(), note.lessonId(), note.timestampInVideo());
        }
    }

    /** The player shows {@code shown}: list its notes (or its course's). A draft in the form stays. */
    public void show(LessonRef shown) {
        lesson.set(Objects.requireNonNull(shown, "shown"));
        pendingDelete.set(null);
        reload();
    }

    /** Saves the form: a new note on the lesson shown, or the note being edited. */
    public void save() {
        LessonRef target = lesson.get();
        Note edited = editing.get();
        if (saving.get() || (target == null && edited == null)) {
            return;
        }
        Integer time;
        try {
            time = VideoTime.parse(draftTime.get(), messages);
        } catch (IllegalArgumentException e) {
            formError.set(e.getMessage());
            return;
        }
        String text = draft.get();
        saving.set(true);
        executors.load(() -> edited == null ? notes.create(target.lesson(), text, time) : notes.edit(edited.id(), text, time),
                saved -> {
                    saving.set(false);
                    // Clear only what was saved: text typed while the save was on its way stays in the form.
                    if (text.equals(draft.get())) {
                        clearForm();
                    }
                    feedback.status(messages.get(edited == null ? "status.saved" : "status.updated"));
                    reload();
                }, failure -> {
                    saving.set(false);
                    if (failure instanceof InvalidInputException invalid) {
                        formError.set(invalid.getMessage());
                    } else {
                        feedback.failure(failure);
                    }
                });
    }

    /** Puts {@code item} in the form for editing. */
    public void edit(NoteItem item) {
        Note note = Objects.requireNonNull(item, "item").note();
        editing.set(note);
        draft.set(note.content());
        draftTime.set(note.timestampInVideo() == null ? "" : VideoTime.format(note.timestampInVideo()));
        formError.set("");
    }

    /** Leaves editing (or clears a new note's form). */
    public void cancelEdit() {
        clearForm();
    }

    /** Asks the learner to confirm deleting {@code item}; nothing is deleted yet. */
    public void requestDelete(NoteItem item) {
        pendingDelete.set(Objects.requireNonNull(item, "item"));
    }

    public void cancelDelete() {
        pendingDelete.set(null);
    }

    /** Deletes the note the learner asked to delete. */
    public void confirmDelete() {
        NoteItem item = pendingDelete.get();
        if (item == null) {
            return;
        }
        pendingDelete.set(null);
        executors.load(() -> {
            notes.delete(item.note().id());
            return item;
        }, deleted -> {
            Note edited = editing.get();
            if (edited != null && edited.id().equals(deleted.note().id())) {
                clearForm();
            }
            feedback.status(messages.get("status.deleted"));
            reload();
        }, feedback::failure);
    }

    /** A file name to offer for {@link #exportCourse}: the course's title, made safe for any file system. */
    public String exportFileName() {
        // The title the last load read in the background: the UI thread reads no store.
        String safe = courseTitle.replaceAll("[\\/:*?\"<>|\\p{Cntrl}]+", " ").replaceAll("\\s+", " ").strip();
        return messages.format("export.fileName", safe.isEmpty() ? messages.get("export.untitled") : safe);
    }

    /**
     * Writes every note of the shown lesson's course to {@code target} as Markdown, in the background; the window's
     * status line says how many went where, or why they could not.
     */
    public void exportCourse(Path target) {
        LessonRef shown = lesson.get();
        Objects.requireNonNull(target, "target");
        if (shown == null) {
            return;
        }
        executors.load(() -> {
            CourseOutline outline = library.outline(shown.course()).orElseThrow(() ->
                    new PlainFailure(messages.get("export.courseGone")));
            List<Note> found = notes.forCourse(shown.course());
            String markdown = new NotesMarkdown(zone, Locale.getDefault()).render(outline, found);
            try {
                // A whole file or none: written beside the target, then moved over it.
                Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), ".notes-", ".md.part");
                Files.writeString(temporary, markdown, StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // The message says what to do (another folder); the file system's exception goes to the log.
                throw new PlainFailure(messages.format("export.failed", target, e.getMessage()), e, Remedy.NONE);
            }
            return found.size();
        }, exported -> feedback.status(messages.format("export.done", exported, target)),
                feedback::failure);
    }

    /** Shows the note's lesson in the player; a note from a removed lesson has none to show, and says so. */
    public void open(NoteItem item) {
        Note note = Objects.requireNonNull(item, "item").note();
        if (note.fromRemovedLesson()) {
            feedback.status(messages.get("item.removedLessonGone"));
            return;
        }
        opener.openLesson(note.courseId(), note.lessonId());
    }

    private void clearForm() {
        editing.set(null);
        draft.set("");
        draftTime.set("");
        formError.set("");
    }

    private void reload() {
        LessonRef shown = lesson.get();
        if (shown == null) {
            return;
        }
        long request = loads.incrementAndGet();
        boolean course = wholeCourse.get();
        executors.load(() -> load(shown, course), loaded -> {
            if (request == loads.get()) {
                items.setAll(loaded.items());
                courseTitle = loaded.courseTitle();
            }
        }, feedback::failure);
    }

    private record Loaded(String courseTitle, List<NoteItem> items) {
    }

    private Loaded load(LessonRef shown, boolean course) {
        Optional<CourseOutline> outline = library.outline(shown.course());
        Map<LessonId, String> titles = outline
                .map(found -> found.lessonsInOrder().stream().collect(Collectors.toMap(Lesson::id, Lesson::title)))
                .orElseGet(Map::of);
        List<Note> found = course ? notes.forCourse(shown.course()) : notes.forLesson(shown.lesson());
        Function<Note, NoteItem> item = note -> NoteItem.of(note,
                note.fromRemovedLesson() ? "" : titles.getOrDefault(note.lessonId(), ""), zone, messages);
        return new Loaded(outline.map(known -> known.course().title()).orElse(""),
                found.stream().sorted(NEWEST_FIRST).map(item).toList());
    }

    /** The notes listed, newest first. */
    public ObservableList<NoteItem> notes() {
        return readOnlyItems;
    }

    /** True to list every note in the course instead of the lesson's. */
    public BooleanProperty wholeCourseProperty() {
        return wholeCourse;
    }

    /** The note's text in the form. */
    public StringProperty draftProperty() {
        return draft;
    }

    /** The form's video time, as typed (m:ss or h:mm:ss; blank for none). */
    /** True while the lesson shown is a video lesson (the window binds it to the video's). */
    public BooleanProperty videoLessonProperty() {
        return videoLesson;
    }

    /** Whether the form offers a video time: on a video lesson, or while a note with a time is edited. */
    public BooleanBinding timeShownProperty() {
        return timeShown;
    }

    public StringProperty draftTimeProperty() {
        return draftTime;
    }

    /** Why the form was not saved; empty otherwise. */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError;
    }

    /** The note being edited; null while the form writes a new note. */
    public ReadOnlyObjectProperty<Note> editingProperty() {
        return editing;
    }

    /** The note waiting for the learner to confirm its deletion; null otherwise. */
    public ReadOnlyObjectProperty<NoteItem> pendingDeleteProperty() {
        return pendingDelete;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    /** The lesson the notes are about; null until the player shows one. */
    public ReadOnlyObjectProperty<LessonRef> lessonProperty() {
        return lesson;
    }
}
