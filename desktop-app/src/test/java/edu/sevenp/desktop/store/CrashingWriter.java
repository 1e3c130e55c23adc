package edu.sevenp.desktop.store;

import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.learning.NoteService;
import edu.sevenp.desktop.learning.ProgressService;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.learning.LessonProgress;
import edu.sevenp.model.learning.Note;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Child-JVM main for CrashConsistencyIT: {@code <profile> <round> <lesson id>...}. Writes notes and
 * progress through the learning services in an endless loop, printing each change after the call
 * returned (its transaction committed), until the parent kills it. Prints READY first.
 *
 * <p>A cycle of six steps: create a note, record a visit, edit the newest note, create a note, record a
 * visit, then complete a lesson or (every other cycle) delete the oldest note this round made.
 */
public final class CrashingWriter {

    private final NoteService notes;
    private final ProgressService progress;
    private final int round;
    private final List<LessonId> lessons;
    private final PrintStream out;
    /** This round's notes, oldest first: edits take the newest, deletes the oldest. */
    private final Deque<NoteId> written = new ArrayDeque<>();

    CrashingWriter(LearningServices services, int round, List<LessonId> lessons, PrintStream out) {
        this.notes = services.notes();
        this.progress = services.progress();
        this.round = round;
        this.lessons = List.copyOf(lessons);
        this.out = Objects.requireNonNull(out, "out");
    }

    public static void main(String[] args) {
        List<LessonId> lessons = Arrays.stream(args, 2, args.length).map(UUID::fromString).map(LessonId::new).toList();
        // Never closed: the process ends by SIGKILL.
        LocalStore store = LocalStore.openFile(Path.of(args[0]), "default");
        new CrashingWriter(LearningServices.over(store, Clock.systemUTC()), Integer.parseInt(args[1]), lessons, System.out)
                .run();
    }

    void run() {
        report("READY");
        for (int step = 0; ; step++) {
            report(step(step).line());
        }
    }

    private CommittedChange step(int step) {
        LessonId lesson = lessons.get(step % lessons.size());
        return switch (step % 6) {
            case 0, 3 -> created(notes.create(lesson, text(step, "written"), step % 2 == 0 ? step : null));
            case 1, 4 -> recorded(progress.recordVisit(lesson, step, BigDecimal.valueOf(step % 101), 1 + step % 5)
                    .progress(), 1 + step % 5);
            case 2 -> saved(notes.edit(written.getLast(), text(step, "edited"), null));
            default -> step % 12 == 5 ? deleted(written.removeFirst())
                    : recorded(progress.markComplete(lesson, 2).progress(), 2);
        };
    }

    private CommittedChange created(Note note) {
        written.addLast(note.id());
        return saved(note);
    }

    private static CommittedChange saved(Note note) {
        return new CommittedChange.NoteSaved(note.id().value(), note.content());
    }

    private CommittedChange deleted(NoteId note) {
        notes.delete(note);
        return new CommittedChange.NoteDeleted(note.value());
    }

    private static CommittedChange recorded(LessonProgress after, int secondsSpent) {
        return new CommittedChange.ProgressRecorded(after.lessonId().value(), after.status(), after.percentage(),
                secondsSpent);
    }

    private String text(int step, String what) {
        return "Round " + round + ", step " + step + ": " + what + ".";
    }

    private void report(String line) {
        out.println(line);
        out.flush();
    }
}
