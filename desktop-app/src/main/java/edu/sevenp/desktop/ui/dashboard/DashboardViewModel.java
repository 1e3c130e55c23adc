package edu.sevenp.desktop.ui.dashboard;

import edu.sevenp.desktop.learning.DashboardService;
import edu.sevenp.desktop.learning.HomeOverview;
import edu.sevenp.desktop.learning.RecommendationFeed;
import edu.sevenp.desktop.learning.RecommendedCourse;
import edu.sevenp.desktop.ui.common.FailureTold;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.desktop.ui.common.ProblemText;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.learning.Dashboard;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard: courses in progress, totals, achievements (the server's and the player's own milestones) and
 * recommendations (the server's when it answers, else ranked here). Everything is read in the background; the
 * properties change on the UI thread.
 */
public final class DashboardViewModel {

    private final DashboardService dashboard;
    private final RecommendationFeed server;
    private final UiExecutors executors;
    private final Clock clock;
    private final DashboardTexts texts;
    private final Consumer<CourseId> onOpenCourse;
    private final AtomicLong refreshes = new AtomicLong();

    private final ObservableList<ActiveCourseRow> active = FXCollections.observableArrayList();
    private final ObservableList<AchievementTile> achievements = FXCollections.observableArrayList();
    private final ObservableList<RecommendationRow> recommendations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper activeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper completedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lessonsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper studiedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper activeEmptyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recommendationsSource = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recommendationsEmptyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final FailureTold failures = new FailureTold();
    private final BooleanBinding statusIsFailure = failures.shownBy(status);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    /**
     * @param server the server's recommendations ({@link RecommendationFeed#NONE} without a server)
     * @param onOpenCourse called on the UI thread when the learner opens a course
     */
    public DashboardViewModel(DashboardService dashboard, RecommendationFeed server, UiExecutors executors, Clock clock,
            DashboardTexts texts, Consumer<CourseId> onOpenCourse) {
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
        this.server = Objects.requireNonNull(server, "server");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.onOpenCourse = Objects.requireNonNull(onOpenCourse, "onOpenCourse");
    }

    /** Reads everything again; a later refresh wins over an earlier one still running. */
    public void refresh() {
        long request = refreshes.incrementAndGet();
        loading.set(true);
        status.set(texts.text("loading"));
        executors.load(() -> dashboard.overview(server, clock.instant()), overview -> {
            if (request == refreshes.get()) {
                show(overview);
            }
        }, failure -> {
            if (request == refreshes.get()) {
                loading.set(false);
                String reason = ProblemText.ofDefaultLocale().shownReason(failure);
                status.set(failures.mark(texts.text("error", sentence(reason))));
            }
        });
    }

    /** Opens a course in progress; nothing when none is chosen. */
    public void open(ActiveCourseRow row) {
        if (row != null) {
            onOpenCourse.accept(row.course());
        }
    }

    /** Opens a recommended course when its content is on this computer; nothing otherwise. */
    public void open(RecommendationRow row) {
        if (row != null && row.openable()) {
            onOpenCourse.accept(row.course());
        }
    }

    private void show(HomeOverview overview) {
        loading.set(false);
        status.set("");
        activeText.set(texts.text("stat.active", overview.totals().activeCourses()));
        completedText.set(texts.text("stat.completed", overview.totals().coursesCompleted()));
        lessonsText.set(texts.text("stat.lessons", overview.totals().lessonsCompleted()));
        studiedText.set(texts.text("stat.studied", texts.duration(overview.totals().studySeconds())));
        active.setAll(overview.dashboard().activeEnrollments().stream().map(this::row).toList());
        activeEmptyText.set(active.isEmpty() ? texts.text("continue.empty") : "");
        achievements.setAll(tiles(overview));
        recommendations.setAll(overview.recommendations().stream().map(this::row).toList());
        recommendationsSource.set(texts.text(overview.recommendationsFromServer() ? "recommended.server" : "recommended.local"));
        recommendationsEmptyText.set(!recommendations.isEmpty() ? ""
                : texts.text(overview.recommendationsFromServer() ? "recommended.empty.server" : "recommended.empty.local"));
    }

    private ActiveCourseRow row(Dashboard.ActiveEnrollment enrollment) {
        String detail = enrollment.lastAccessed() == null
                ? texts.text("continue.detail.new", enrollment.progress())
                : texts.text("continue.detail", enrollment.progress(), day(enrollment.lastAccessed()
                        .atZoneSameInstant(clock.getZone()).toLocalDate()));
        return new ActiveCourseRow(enrollment.course().id(), enrollment.course().title(),
                enrollment.progress().doubleValue() / 100, detail);
    }

    private RecommendationRow row(RecommendedCourse course) {
        String level = texts.difficulty(course.difficulty());
        return new RecommendationRow(course.id(), course.title(), course.shortDescription(),
                texts.text(course.onThisComputer() ? "recommended.here" : "recommended.elsewhere", level),
                course.onThisComputer());
    }

    /** The server's awards first (newest first), then the player's milestones, earned ones first. */
    private List<AchievementTile> tiles(HomeOverview overview) {
        List<AchievementTile> tiles = new ArrayList<>();
        for (Dashboard.Achievement awarded : overview.dashboard().achievements()) {
            tiles.add(new AchievementTile(awarded.title(), awarded.description(), texts.text("achievements.awarded",
                    day(awarded.earnedAt().atZoneSameInstant(clock.getZone()).toLocalDate())), true));
        }
        overview.milestones().forEach(milestone -> tiles.add(new AchievementTile(texts.milestoneTitle(milestone),
                texts.milestoneDescription(milestone), texts.milestoneStatus(milestone), milestone.earned())));
        return tiles;
    }

    private String day(LocalDate date) {
        return texts.date(date);
    }

    public ObservableList<ActiveCourseRow> active() {
        return active;
    }

    public ObservableList<AchievementTile> achievements() {
        return achievements;
    }

    public ObservableList<RecommendationRow> recommendations() {
        return recommendations;
    }

    public ReadOnlyStringProperty activeTextProperty() {
        return activeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty completedTextProperty() {
        return completedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lessonsTextProperty() {
        return lessonsText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty studiedTextProperty() {
        return studiedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activeEmptyTextProperty() {
        return activeEmptyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty recommendationsSourceProperty() {
        return recommendationsSource.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty recommendationsEmptyTextProperty() {
        return recommendationsEmptyText.getReadOnlyProperty();
    }

    /** "Reading…", or what went wrong; empty once shown. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while {@link #statusProperty()} says why the dashboard could not be read (not "Reading…"). */
    public BooleanBinding statusIsFailureProperty() {
        return statusIsFailure;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** A failure's message as a sentence: messages written for the learner end with a full stop already. */
    private static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }
}
