package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.library.CoursePackageFolder;
import edu.sevenp.desktop.ui.common.Messages;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the window says about the institution's setup (docs/institution-config.md): each problem of its configuration
 * files, with file and line, and each course package of its folder that could not be imported. The player started
 * anyway, with the defaults where an entry was wrong; the details are in the log. The learner may dismiss it.
 */
public final class InstitutionNotices {

    private final Messages messages = Messages.of(InstitutionNotices.class);
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final BooleanProperty dismissed = new SimpleBooleanProperty(this, "dismissed", false);
    private final BooleanBinding showing = Bindings.isNotEmpty(lines).and(dismissed.not());

    /** @param configProblems the configuration's problems, one line each ({@code file:line: what is wrong}) */
    public InstitutionNotices(List<String> configProblems) {
        lines.addAll(Objects.requireNonNull(configProblems, "configProblems"));
    }

    /** Nothing to say. */
    public static InstitutionNotices none() {
        return new InstitutionNotices(List.of());
    }

    /** A profile opened and the institution's course folder was read: its failures join the banner (each once). */
    public void coursesImported(List<CoursePackageFolder.Failure> failures) {
        for (CoursePackageFolder.Failure failure : failures) {
            String line = messages.format("institution.courseFailed", failure.location().toString(),
                    failure.message().lines().findFirst().orElse(""));
            if (!lines.contains(line)) {
                lines.add(line);
            }
        }
        if (!failures.isEmpty()) {
            dismissed.set(false);
        }
    }

    /** The learner has read it: the banner goes (until a new problem comes). */
    public void dismiss() {
        dismissed.set(true);
    }

    public String heading() {
        return messages.get("institution.heading");
    }

    /** The problems, one a line. */
    public ObservableList<String> lines() {
        return readOnlyLines;
    }

    /** True while there is something to say and it was not dismissed. */
    public BooleanBinding showingProperty() {
        return showing;
    }
}
