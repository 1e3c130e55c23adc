package edu.sevenp.desktop.ui;

import edu.sevenp.desktop.profiles.LocalProfiles;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.ProblemLog;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.profiles.ProfileTexts;
import edu.sevenp.desktop.ui.profiles.ProfilesViewModel;
import edu.sevenp.desktop.ui.settings.FolderOpener;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window shows before and between players: the profile screen, then the chosen profile opening in the
 * background while the window already shows, then the player, or why the profile could not open. The player can
 * hand the window back (the learner signed out and removed the profile's data): the profile closes and the profile
 * screen shows again. A failure is logged once, with its stack trace, and explained to the learner in words of the
 * launcher's choosing (it knows about profiles and options; the window does not).
 */
public final class StartupViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StartupViewModel.class);

    /** Where the window stands. */
    public enum Phase { CHOOSING, OPENING, OPENED, FAILED }

    /** Opens a profile for the window; the launcher's, so that this package never opens a store. */
    @FunctionalInterface
    public interface ProfileOpener {
        PlayerServices open(String profile) throws Exception;
    }

    private final ProfileOpener opener;
    private final BiFunction<Throwable, String, String> explain;
    private final UiExecutors executors;
    private final ProfilesViewModel profiles;
    private final String requested;
    private final AtomicBoolean started = new AtomicBoolean();
    /** The last opening: the services open now, or null when none is (the profile screen shows). */
    private volatile CompletableFuture<PlayerServices> opened = CompletableFuture.completedFuture(null);
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.OPENING);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper profile = new ReadOnlyStringWrapper();
    private final String logFileText;
    private final ProblemLog problemLog;
    private final InstitutionNotices notices;

    /**
     * @param opener opens a profile; runs on {@code executors.background()}
     * @param explain turns a failure to open a profile into a message for the learner
     * @param logFile where the details of a failure go
     * @param profiles the profiles of the data folder, for the profile screen
     * @param requested the profile named on the command line, opened without the profile screen; null for none
     * @param firstName the name the profile screen offers for a first profile (the computer account's, made valid)
     */
    public StartupViewModel(ProfileOpener opener, BiFunction<Throwable, String, String> explain, Path logFile,
            UiExecutors executors, LocalProfiles profiles, String requested, String firstName) {
        this(opener, explain, new ProblemLog(Objects.requireNonNull(logFile, "logFile"), FolderOpener.system()::open),
                executors, profiles, requested, firstName);
    }

    /** As above, with the log and how "Open log" opens it (a test records the call). */
    public StartupViewModel(ProfileOpener opener, BiFunction<Throwable, String, String> explain, ProblemLog problemLog,
            UiExecutors executors, LocalProfiles profiles, String requested, String firstName) {
        this(opener, explain, problemLog, executors, profiles, requested, firstName, InstitutionNotices.none());
    }

    /** As above, with what the window says about the institution's setup (docs/institution-config.md). */
    public StartupViewModel(ProfileOpener opener, BiFunction<Throwable, String, String> explain, ProblemLog problemLog,
            UiExecutors executors, LocalProfiles profiles, String requested, String firstName, InstitutionNotices notices) {
        this.notices = Objects.requireNonNull(notices, "notices");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.explain = Objects.requireNonNull(explain, "explain");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.profiles = new ProfilesViewModel(profiles, executors, this::open, firstName,
                new ProfileTexts(Locale.getDefault()));
        this.requested = requested;
        this.problemLog = Objects.requireNonNull(problemLog, "problemLog");
        this.logFileText = problemLog.logFile().map(file -> Messages.of(StartupViewModel.class).format("startup.logFile",
                file.toString())).orElse("");
    }

    /** Opens the profile named on the command line, or shows the profile screen (once); returns at once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        if (requested != null) {
            open(requested);
        } else {
            showProfiles(null);
        }
    }

    /** The profile named on the command line, opened without the profile screen; null for none. */
    public String requestedProfile() {
        return requested;
    }

    /** Opens {@code name} in the background (from the profile screen); the phase says how it went. Call on the UI thread. */
    public void open(String name) {
        Objects.requireNonNull(name, "name");
        if (phase.get() == Phase.OPENED || phase.get() == Phase.OPENING && !opened.isDone()) {
            return;
        }
        started.set(true);
        CompletableFuture<PlayerServices> opening = new CompletableFuture<>();
        opened = opening;
        profile.set(name);
        problem.set("");
        phase.set(Phase.OPENING);
        executors.background().execute(() -> {
            try {
                opening.complete(opener.open(name));
            } catch (Exception | LinkageError e) {
                LOG.error("Opening profile {} failed", name, e);
                opening.completeExceptionally(e);
            }
            // After the learner closed the window, there may be no UI thread left to tell.
            opening.whenComplete((services, failure) -> executors.ui().execute(() -> {
                if (failure != null) {
                    problem.set(explain.apply(failure, name));
                    phase.set(Phase.FAILED);
                } else {
                    profiles.remember(name);
                    notices.coursesImported(services.institutionCourses());
                    phase.set(Phase.OPENED);
                }
            }));
        });
    }

    /** After a failed opening: the profile screen again, to choose another profile. */
    public void backToProfiles() {
        if (phase.get() == Phase.FAILED) {
            showProfiles(profile.get());
        }
    }

    /**
     * The player handed the window back; its window has closed (its last writes are queued on the background
     * executor). Closes the profile after those writes, then shows the profile screen, saying {@code message}.
     *
     * @param remove whether to remove the profile from this computer once closed (the learner asked, signing out)
     */
    public void leave(boolean remove, String message) {
        if (phase.get() != Phase.OPENED) {
            return;
        }
        PlayerServices services = opened.join();
        String left = profile.get();
        executors.background().execute(() -> {
            try {
                services.close();
            } catch (RuntimeException e) {
                LOG.error("Closing profile {} failed", left, e);
            }
        });
        opened = CompletableFuture.completedFuture(null);
        profile.set(null);
        phase.set(Phase.CHOOSING);
        if (remove) {
            // Queued after the closing: the folder is no longer open when it goes. The list follows the removal.
            profiles.removeNow(left, message);
        } else {
            profiles.refresh(left);
            profiles.say(message);
        }
    }

    private void showProfiles(String preferred) {
        opened = CompletableFuture.completedFuture(null);
        profile.set(null);
        problem.set("");
        phase.set(Phase.CHOOSING);
        profiles.refresh(preferred);
    }

    /**
     * The window could not be shown: gives up before opening anything. An opening already started runs to its end
     * instead, so that what it opens can be closed.
     */
    public void abandon() {
        started.set(true);
    }

    /**
     * The last opening: completes with the services open now (null when none is: the profile screen shows), or
     * exceptionally with why the profile could not open.
     */
    public CompletableFuture<PlayerServices> opened() {
        return opened;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Why the profile could not be opened, for the learner; empty until then. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The profile opening, open or that failed to open; null while the profile screen shows. */
    public ReadOnlyStringProperty profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ProfilesViewModel profiles() {
        return profiles;
    }

    public String logFileText() {
        return logFileText;
    }

    /** What the window says about the institution's setup, over the profile screen and the player. */
    public InstitutionNotices notices() {
        return notices;
    }

    /** The log the failure's details went to, which the failure's "Open log" opens. */
    public ProblemLog problemLog() {
        return problemLog;
    }
}
