package edu.sevenp.desktop.ui.preview;

import edu.sevenp.coursepackage.PackageProblem;
import edu.sevenp.desktop.library.ProblemWords;
import edu.sevenp.desktop.preview.PreviewLoad;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The preview banner's state: which package is previewed, whether what shows is up to date with its files, and what
 * is wrong with them when they cannot be read (each problem with its file and line). A package that breaks keeps the
 * last good course on screen: only a package that loads is handed on ({@code loaded}), to reload the player.
 */
public final class PreviewViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PreviewSource source;
    private final UiExecutors executors;
    private final Clock clock;
    private final ZoneId zone;
    private final Consumer<CourseId> loaded;
    private final Messages messages = Messages.of(PreviewViewModel.class);
    private final SimpleStringProperty heading = new SimpleStringProperty(this, "heading", "");
    private final SimpleStringProperty state = new SimpleStringProperty(this, "state", "");
    private final SimpleStringProperty problems = new SimpleStringProperty(this, "problems", "");
    private final SimpleBooleanProperty hasProblems = new SimpleBooleanProperty(this, "hasProblems", false);
    private final ReadinessViewModel readiness = new ReadinessViewModel();

    /** @param loaded told, on the UI thread, of each load that worked: the course now in the preview's store */
    public PreviewViewModel(PreviewSource source, UiExecutors executors, Clock clock, ZoneId zone,
            Consumer<CourseId> loaded) {
        this.source = Objects.requireNonNull(source, "source");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.loaded = Objects.requireNonNull(loaded, "loaded");
        heading.set(messages.format("banner.heading", shownName(source.location())));
    }

    /** Reads the package (again) into the preview's store; call it on the UI thread. */
    public void load() {
        state.set(messages.get("state.reading"));
        executors.load(source::load, this::show, failure -> showProblems(messages.format("problem.failed",
                String.valueOf(failure.getMessage())), List.of()));
        // After the load on the same single background thread: the report follows each reload, broken or not.
        executors.load(source::readiness, readiness::show,
                failure -> readiness.failed(String.valueOf(failure.getMessage())));
    }

    /** The readiness report of the files, made again after each load. */
    public ReadinessViewModel readiness() {
        return readiness;
    }

    /** The package's files changed: read it again. Any thread (the watch tells on its own). */
    public void changed() {
        executors.ui().execute(this::load);
    }

    /** The watch could not start: the preview still shows the package as it was read, and says it will not follow it. */
    public void notWatching(String why) {
        state.set(messages.format("state.notWatching", why));
    }

    private void show(PreviewLoad result) {
        if (result.course() != null) {
            problems.set("");
            hasProblems.set(false);
            state.set(messages.format("state.loaded", LocalTime.now(clock.withZone(zone)).format(TIME),
                    result.took().toMillis()));
            loaded.accept(result.course());
        } else if (result.failure() != null) {
            showProblems(messages.format("problem.failed", result.failure()), List.of());
        } else {
            showProblems(messages.format("problem.heading", result.problems().size()), result.problems());
        }
    }

    private void showProblems(String first, List<PackageProblem> found) {
        List<String> lines = new ArrayList<>();
        lines.add(first);
        // Like a compiler's error, file and line first (manifest.json:12: field: message), in the learner's language.
        ProblemWords words = ProblemWords.ofDefaultLocale();
        found.forEach(problem -> lines.add(words.line(problem)));
        String shown = String.join(System.lineSeparator(), lines);
        problems.set(shown);
        hasProblems.set(true);
        state.set(messages.get("state.keptLast"));
    }

    private static String shownName(Path location) {
        return location.toAbsolutePath().normalize().toString();
    }

    /** "Preview of /path/to/folder — nothing you do here is kept". */
    public ReadOnlyStringProperty headingProperty() {
        return heading;
    }

    /** Whether what shows is up to date with the files, and when it was last read. */
    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    /** The package's problems, one a line, or empty while it loads as it is. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems;
    }

    public ReadOnlyBooleanProperty hasProblemsProperty() {
        return hasProblems;
    }
}
