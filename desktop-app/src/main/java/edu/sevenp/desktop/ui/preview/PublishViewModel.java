package edu.sevenp.desktop.ui.preview;

import edu.sevenp.coursepackage.ManifestModel;
import edu.sevenp.coursepackage.readiness.ReadinessItem;
import edu.sevenp.desktop.publish.Publisher;
import edu.sevenp.desktop.sync.Cancellation;
import edu.sevenp.desktop.sync.PublishVerdict;
import edu.sevenp.desktop.sync.SyncFailure;
import edu.sevenp.desktop.sync.SyncStatus;
import edu.sevenp.desktop.ui.common.ByteSizes;
import edu.sevenp.desktop.ui.common.Messages;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.protocol.PackageProblemView;
import edu.sevenp.model.protocol.PublishResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing the previewed package (issue 11), step by step: the server's rules checked here first (a package with
 * errors is not sent), whether the account may publish asked of the server, a confirmation naming the course, its
 * version and the server, then the upload with its progress (cancellable), and the server's verdict in the readiness
 * report's form: a summary and one line per item, each server problem with its file and field. Use it on the JavaFX
 * thread; the work runs on the executors' background.
 */
public final class PublishViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PublishViewModel.class);

    /** Where publishing is. */
    public enum Step {
        /** Nothing asked: the panel is hidden. */
        IDLE,
        CHECKING,
        /** Waiting for the instructor to confirm (or not). */
        CONFIRM,
        PACKING,
        UPLOADING,
        /** Everything sent; the server is checking the package. */
        WAITING,
        ACCEPTED,
        /** Not sent, or refused by the server: the lines say why. */
        REFUSED,
        /** The server could not be asked (offline, not signed in) or the upload was cancelled: nothing changed. */
        NOT_PUBLISHED;

        /** Work is under way. */
        public boolean busy() {
            return this == CHECKING || this == PACKING || this == UPLOADING || this == WAITING;
        }
    }

    /** One line of the verdict; {@code error} lines are what the server (or the check) refused. */
    public record Line(boolean error, String text) {

        @Override
        public String toString() {
            return text;
        }
    }

    private final Publisher publisher;
    private final Path location;
    private final UiExecutors executors;
    private final Messages messages = Messages.of(PublishViewModel.class);
    private final ByteSizes sizes = ByteSizes.inDefaultLocale();
    private final SimpleObjectProperty<Step> step = new SimpleObjectProperty<>(this, "step", Step.IDLE);
    private final SimpleStringProperty status = new SimpleStringProperty(this, "status", "");
    private final SimpleStringProperty question = new SimpleStringProperty(this, "question", "");
    private final SimpleStringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final SimpleStringProperty sent = new SimpleStringProperty(this, "sent", "");
    private final SimpleDoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final BooleanBinding shown = Bindings.createBooleanBinding(() -> step.get() != Step.IDLE, step);
    /** Each publication started counts up: answers of an earlier one (closed meanwhile) are not shown. */
    private int run;
    private Cancellation cancellation = new Cancellation();
    private ManifestModel.Headline headline;
    private SyncStatus.Account account;

    /**
     * @param location the package previewed (a folder or a {@code .zip})
     * @param executors background work (checking, asking the server, uploading) and the JavaFX thread
     */
    public PublishViewModel(Publisher publisher, Path location, UiExecutors executors) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.location = Objects.requireNonNull(location, "location");
        this.executors = Objects.requireNonNull(executors, "executors");
    }

    /** Starts publishing: the check first. While one is under way this only shows it again. */
    public void publish() {
        if (step.get().busy()) {
            return;
        }
        int current = ++run;
        lines.clear();
        question.set("");
        progress.set(0);
        sent.set("");
        summary.set("");
        step.set(Step.CHECKING);
        status.set(messages.get("publish.checking"));
        inBackground(current, () -> {
            try {
                return publisher.check(location);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }, this::checked);
    }

    private void checked(Publisher.Check check) {
        List<ReadinessItem> errors = check.report().errors();
        if (!errors.isEmpty()) {
            lines.setAll(errors.stream().map(item -> errorLine(item.toString())).toList());
            finish(Step.REFUSED, messages.format("publish.notReady", errors.size()));
            return;
        }
        Optional<SyncStatus.Account> signedIn = publisher.account();
        if (signedIn.isEmpty()) {
            finish(Step.NOT_PUBLISHED, messages.get(publisher.hasProfile() ? "publish.notSignedIn" : "publish.noProfile"));
            return;
        }
        headline = check.headline().orElseThrow();
        account = signedIn.get();
        status.set(messages.format("publish.asking", account.server(), account.email()));
        inBackground(run, publisher::mayPublish, refusal -> {
            if (refusal.isPresent()) {
                refused(refusal.get());
                return;
            }
            question.set(messages.format("publish.question", headline.title(), headline.version(), account.server(),
                    account.email()));
            status.set("");
            step.set(Step.CONFIRM);
        });
    }

    /** The instructor confirmed: packs the folder (when it is one) and sends it. */
    public void confirm() {
        if (step.get() != Step.CONFIRM) {
            return;
        }
        int current = run;
        Cancellation stop = new Cancellation();
        cancellation = stop;
        step.set(Step.PACKING);
        status.set(messages.get("publish.packing"));
        Progress told = new Progress(current);
        String what = summary.get();
        inBackground(current, () -> {
            try {
                return publisher.publish(location, what, told::sent, stop);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }, this::verdict);
    }

    /**
     * Cancels: up to the confirmation, nothing has happened and the panel closes; during the upload it stops, and
     * nothing is published (unless the server had already taken the whole package).
     */
    public void cancel() {
        if (step.get() == Step.CONFIRM || step.get() == Step.CHECKING) {
            close();
            return;
        }
        cancellation.cancel();
    }

    /** Hides the panel; an upload under way is cancelled first. */
    public void close() {
        cancellation.cancel();
        run++;
        step.set(Step.IDLE);
    }

    private void verdict(PublishVerdict verdict) {
        if (verdict instanceof PublishVerdict.Accepted accepted) {
            accepted(accepted.result());
        } else {
            refused((PublishVerdict.Refused) verdict);
        }
    }

    private void accepted(PublishResult result) {
        List<Line> said = new ArrayList<>();
        said.add(new Line(false, messages.format("publish.accepted.contents", result.lessons(), result.quizzes(),
                result.mediaFiles(), sizes.readable(result.mediaBytes()), sizes.readable(result.newMediaBytes()))));
        PublishResult.Removed removed = result.removed() == null ? PublishResult.Removed.NONE : result.removed();
        if (result.versionNumber() == 1) {
            said.add(new Line(false, messages.get("publish.accepted.first")));
        } else if (removed.equals(PublishResult.Removed.NONE)) {
            said.add(new Line(false, messages.get("publish.accepted.nothingRemoved")));
        } else {
            said.add(new Line(false, messages.format("publish.accepted.removed", removed.sections(), removed.lessons(),
                    removed.quizzes(), removed.questions(), removed.resources())));
        }
        if (!summary.get().isBlank()) {
            said.add(new Line(false, messages.format("publish.accepted.summary", summary.get().strip())));
        }
        lines.setAll(said);
        finish(Step.ACCEPTED, messages.format("publish.accepted", headline.title(), result.packageVersion(),
                result.versionNumber(), account.server()));
    }

    private void refused(PublishVerdict.Refused refusal) {
        List<Line> said = new ArrayList<>();
        for (PackageProblemView problem : refusal.problems()) {
            said.add(errorLine(problem.file() + (problem.line() > 0 ? ":" + problem.line() : "")
                    + (problem.field() == null || problem.field().isEmpty() ? "" : " " + problem.field()) + " \u2014 "
                    + problem.message()));
        }
        // The role is the account's, not the package's: the sentence says all (the pre-check asked another endpoint).
        if (said.isEmpty() && !refusal.roleRequired()) {
            said.add(errorLine(messages.format("publish.server", refusal.message())
                    + refusal.field().map(field -> " (" + field + ")").orElse("")));
        }
        lines.setAll(said);
        String words = switch (refusal.code()) {
            case "role_required" -> messages.format("publish.refused.role", account.email(), account.server());
            case "not_your_course" -> messages.format("publish.refused.notYourCourse", account.server());
            case "version_not_newer" -> messages.format("publish.refused.version", headline.version(), account.server());
            case "invalid_package" -> messages.format("publish.refused.invalid", refusal.problems().size());
            default -> messages.format("publish.refused.other", refusal.code());
        };
        finish(Step.REFUSED, words);
    }

    private void failed(RuntimeException failure) {
        if (failure instanceof CancellationException) {
            finish(Step.NOT_PUBLISHED, messages.get("publish.cancelled"));
            return;
        }
        String server = account == null ? "" : account.server();
        String words;
        if (failure instanceof SyncFailure sync) {
            words = switch (sync.kind()) {
                case SIGNED_OUT -> messages.get(publisher.hasProfile() ? "publish.notSignedIn" : "publish.noProfile");
                case UNREACHABLE -> messages.format("publish.offline", server);
                case NETWORK -> messages.format("publish.brokeOff", server);
                case SERVER_BUSY -> messages.format("publish.busy", server);
                default -> messages.format("publish.failed", sync.getMessage());
            };
        } else {
            words = messages.format("publish.failed", String.valueOf(failure.getMessage()));
        }
        finish(Step.NOT_PUBLISHED, words);
    }

    private void finish(Step end, String words) {
        status.set(words);
        step.set(end);
    }

    private Line errorLine(String text) {
        return new Line(true, messages.get("publish.error") + " " + text);
    }

    /** Runs {@code work} in the background; its answer or failure reaches the UI unless publishing moved on. */
    private <T> void inBackground(int current, java.util.function.Supplier<T> work, Consumer<T> then) {
        executors.background().execute(() -> {
            T answer;
            try {
                answer = work.get();
            } catch (SyncFailure | CancellationException e) {
                LOG.info("Not published: {}", e.getMessage());
                executors.ui().execute(() -> ifCurrent(current, () -> failed(e)));
                return;
            } catch (RuntimeException e) {
                LOG.error("Publishing {} failed", location, e);
                executors.ui().execute(() -> ifCurrent(current, () -> failed(e)));
                return;
            }
            executors.ui().execute(() -> ifCurrent(current, () -> then.accept(answer)));
        });
    }

    private void ifCurrent(int current, Runnable action) {
        if (current == run) {
            action.run();
        }
    }

    /** The upload's bytes, told from the uploading thread, reach the UI at most one update at a time. */
    private final class Progress {

        private final int current;
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong total = new AtomicLong();
        private final AtomicBoolean queued = new AtomicBoolean();

        Progress(int current) {
            this.current = current;
        }

        void sent(long now, long of) {
            bytes.set(now);
            total.set(of);
            if (queued.compareAndSet(false, true)) {
                executors.ui().execute(() -> {
                    queued.set(false);
                    ifCurrent(current, this::show);
                });
            }
        }

        private void show() {
            if (!step.get().busy()) {
                return;
            }
            long now = bytes.get();
            long of = total.get();
            double fraction = of == 0 ? 1 : (double) now / of;
            progress.set(fraction);
            sent.set(messages.format("publish.bytes", sizes.readable(now), sizes.readable(of), fraction));
            if (now >= of) {
                step.set(Step.WAITING);
                status.set(messages.get("publish.waiting"));
            } else if (step.get() != Step.UPLOADING) {
                step.set(Step.UPLOADING);
                status.set(messages.format("publish.uploading", account.server()));
            }
        }
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step;
    }

    /** Shown while publishing is under way or has something to say. */
    public BooleanBinding shownProperty() {
        return shown;
    }

    /** What is happening, or the verdict in a sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The confirmation's question: the course, its version, the server and the account. */
    public ReadOnlyStringProperty questionProperty() {
        return question;
    }

    /** What changed, in the instructor's words, kept with the version (optional). */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** The upload's share sent, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** "1.2 MB of 3.4 MB sent (35 %)". */
    public ReadOnlyStringProperty sentProperty() {
        return sent;
    }

    /** The verdict's items: the errors that stopped it, or what the server published. */
    public ObservableList<Line> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }
}
