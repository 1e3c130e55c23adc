package edu.sevenp.desktop.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.content.LessonHtml;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.learning.ResumeService.LessonPlace;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.ui.common.LessonRef;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.learning.EnrollmentStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlayerViewModelTest {

    @TempDir
    Path temp;

    private LocalStore store;
    private CourseId course;
    private List<Lesson> lessons;

    @BeforeEach
    void installCourse() {
        store = LocalStore.openInMemory("player-" + UUID.randomUUID());
        course = store.importer().importPackage(PackageFixture.course("Player test", 2, 2).read(temp.resolve("p"))).courseId();
        lessons = store.courses().outline(course).orElseThrow().lessonsInOrder();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void startOpensTheCourseOnItsFirstLesson() {
        PlayerViewModel viewModel = viewModel(UiExecutors.sameThread());

        viewModel.start();

        assertThat(viewModel.courseTitleProperty().get()).isEqualTo("Player test");
        assertThat(viewModel.courseSummaryProperty().get()).isEqualTo("A course for tests.  2 sections · 4 lessons · about 12 min");
        assertThat(viewModel.currentLessonProperty().get()).isEqualTo(lessons.get(0).id());
        assertThat(viewModel.lessonTitleProperty().get()).isEqualTo("Lesson 1.1");
        assertThat(viewModel.lessonPageProperty().get()).contains("<p>Body of lesson 1.1.</p>");
        assertThat(viewModel.statusProperty().get()).isEqualTo("Lesson 1 of 4 · Section 1");
        assertThat(viewModel.hasPreviousProperty().get()).isFalse();
        assertThat(viewModel.hasNextProperty().get()).isTrue();
        assertThat(viewModel.loadingProperty().get()).isFalse();
    }

    @Test
    void nextAndPreviousCrossSectionBoundaries() {
        PlayerViewModel viewModel = viewModel(UiExecutors.sameThread());
        viewModel.start();

        viewModel.next();
        viewModel.next();

        assertThat(viewModel.lessonTitleProperty().get()).isEqualTo("Lesson 2.1");
        assertThat(viewModel.statusProperty().get()).isEqualTo("Lesson 3 of 4 · Section 2");
        viewModel.previous();
        assertThat(viewModel.lessonTitleProperty().get()).isEqualTo("Lesson 1.2");
    }

    @Test
    void theLastLessonHasNoNext() {
        PlayerViewModel viewModel = viewModel(UiExecutors.sameThread());
        viewModel.start();

        viewModel.showLesson(lessons.get(3).id());
        viewModel.next();

        assertThat(viewModel.lessonTitleProperty().get()).isEqualTo("Lesson 2.2");
        assertThat(viewModel.hasNextProperty().get()).isFalse();
    }

    @Test
    void aSlowLessonOvertakenByANewerSelectionIsDropped() {
        QueuedExecutor background = new QueuedExecutor();
        PlayerViewModel viewModel = viewModel(new UiExecutors(background, Runnable::run));
        viewModel.start();
        background.runAll();

        viewModel.showLesson(lessons.get(1).id());
        viewModel.showLesson(lessons.get(2).id());
        background.runNewestFirst();

        assertThat(viewModel.lessonTitleProperty().get()).isEqualTo("Lesson 2.1");
        assertThat(viewModel.currentLessonProperty().get()).isEqualTo(lessons.get(2).id());
    }

    @Test
    void aStartWhileTheFirstPageIsStillReadAheadWaitsForThatReadAndReadsNothingTwice() {
        QueuedExecutor background = new QueuedExecutor();
        PlayerViewModel viewModel = viewModel(new UiExecutors(background, Runnable::run));

        viewModel.prepare();
        viewModel.prepare();
        viewModel.start();
        assertThat(viewModel.shownLessonProperty().get()).as("nothing shown before the read").isNull();
        background.runOne(); // the read ahead
        background.runOne(); // start's wait for it

        assertThat(background.isEmpty()).as("one read, whatever the number of calls").isTrue();
        assertThat(viewModel.shownLessonProperty().get()).isEqualTo(new LessonRef(course, lessons.get(0).id()));
        assertThat(viewModel.shownPageProperty().get().markdown()).isNotBlank();
        assertThat(viewModel.started()).isCompleted();
    }

    @Test
    void aFirstPageReadAheadIsShownByStartItselfWithoutAnotherStep() {
        QueuedExecutor background = new QueuedExecutor();
        PlayerViewModel viewModel = viewModel(new UiExecutors(background, Runnable::run));
        viewModel.prepare();
        background.runAll();

        viewModel.start();

        assertThat(background.isEmpty()).isTrue();
        assertThat(viewModel.shownLessonProperty().get()).isEqualTo(new LessonRef(course, lessons.get(0).id()));
        assertThat(viewModel.started()).isCompleted();
    }

    @Test
    void aReadAheadThatFoundNoCourseIsReadAgainByStart() {
        try (LocalStore empty = LocalStore.openInMemory("later-" + UUID.randomUUID())) {
            LearningServices learning = LearningServices.over(empty, Clock.systemUTC());
            QueuedExecutor background = new QueuedExecutor();
            PlayerViewModel viewModel = new PlayerViewModel(new LibraryService(empty.courses()), learning.lessons(),
                    learning.resume(), new LessonHtml(), new UiExecutors(background, Runnable::run), null);
            viewModel.prepare();
            background.runAll();
            // A preview's first load: the course arrives between the read ahead and the start.
            CourseId arrived = empty.importer().importPackage(PackageFixture.course("Arrived", 1, 1)
                    .read(temp.resolve("arrived"))).courseId();

            viewModel.start();
            background.runAll();

            assertThat(viewModel.courseTitleProperty().get()).isEqualTo("Arrived");
            assertThat(viewModel.shownLessonProperty().get().course()).isEqualTo(arrived);
            assertThat(viewModel.started()).isCompleted();
        }
    }

    @Test
    void startReadsTheCourseAndItsFirstPageInOneBackgroundStepAndThenSaysItHasStarted() {
        QueuedExecutor background = new QueuedExecutor();
        PlayerViewModel viewModel = viewModel(new UiExecutors(background, Runnable::run));

        viewModel.start();
        assertThat(viewModel.started()).isNotCompleted();
        background.runOne();

        assertThat(background.isEmpty()).isTrue();
        assertThat(viewModel.shownLessonProperty().get()).isEqualTo(new LessonRef(course, lessons.get(0).id()));
        assertThat(viewModel.started()).isCompleted();
    }

    @Test
    void anEmptyLibrarySaysHowToImport() {
        try (LocalStore empty = LocalStore.openInMemory("empty-" + UUID.randomUUID())) {
            LearningServices learning = LearningServices.over(empty, Clock.systemUTC());
            PlayerViewModel viewModel = new PlayerViewModel(new LibraryService(empty.courses()), learning.lessons(),
                    learning.resume(), new LessonHtml(), UiExecutors.sameThread(), null);

            viewModel.start();

            assertThat(viewModel.statusProperty().get()).startsWith("Your library is empty. Import a course package");
            assertThat(viewModel.started()).isCompleted();
        }
    }

    @Test
    void aFailureIsShownNotSwallowed() {
        PlayerViewModel viewModel = viewModel(UiExecutors.sameThread());
        viewModel.start();
        store.close();

        viewModel.showLesson(lessons.get(1).id());

        assertThat(viewModel.errorProperty().get()).isNotEmpty();
        assertThat(viewModel.statusProperty().get()).startsWith("Something went wrong: ");
        assertThat(viewModel.loadingProperty().get()).isFalse();
    }

    @Test
    void openingALessonEnrollsTheLearnerAndAnnouncesTheShownLesson() {
        PlayerViewModel viewModel = viewModel(UiExecutors.sameThread());

        viewModel.start();

        assertThat(store.enrollments().find(store.identity().userId(), course)).get()
                .extracting(enrollment -> enrollment.status()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(viewModel.shownLessonProperty().get()).isEqualTo(new LessonRef(course, lessons.get(0).id()));
    }

    @Test
    void openLessonSwitchesToTheLessonsCourse() {
        CourseId other = store.importer().importPackage(PackageFixture.course("Other course", 1, 2).read(temp.resolve("o")))
                .courseId();
        Lesson second = store.courses().outline(other).orElseThrow().lessonsInOrder().get(1);
        PlayerViewModel viewModel = viewModel(UiExecutors.sameThread());
        viewModel.start();

        viewModel.openLesson(other, second.id());

        assertThat(viewModel.courseTitleProperty().get()).isEqualTo("Other course");
        assertThat(viewModel.shownLessonProperty().get()).isEqualTo(new LessonRef(other, second.id()));
        assertThat(viewModel.lessonTitleProperty().get()).isEqualTo("Lesson 1.2");
        assertThat(viewModel.hasNextProperty().get()).isFalse();
    }

    @Test
    void openLessonWithinTheOpenCourseOnlyMovesTheLesson() {
        PlayerViewModel viewModel = viewModel(UiExecutors.sameThread());
        viewModel.start();

        viewModel.openLesson(course, lessons.get(2).id());

        assertThat(viewModel.courseTitleProperty().get()).isEqualTo("Player test");
        assertThat(viewModel.statusProperty().get()).isEqualTo("Lesson 3 of 4 · Section 2");
    }

    @Test
    void openCourseStartsANewCourseOnItsFirstLessonAndReturnsToTheLessonLastShown() {
        CourseId other = store.importer().importPackage(PackageFixture.course("Other course", 1, 2).read(temp.resolve("o")))
                .courseId();
        Lesson otherFirst = store.courses().outline(other).orElseThrow().lessonsInOrder().get(0);
        PlayerViewModel viewModel = viewModel(UiExecutors.sameThread());
        viewModel.start();
        viewModel.showLesson(lessons.get(2).id());

        viewModel.openCourse(other);
        LessonRef inOther = viewModel.shownLessonProperty().get();
        viewModel.openCourse(course);

        assertThat(List.of(inOther, viewModel.shownLessonProperty().get()))
                .containsExactly(new LessonRef(other, otherFirst.id()), new LessonRef(course, lessons.get(2).id()));
    }

    @Test
    void startReopensOnTheLessonShownLast() {
        PlayerViewModel before = viewModel(UiExecutors.sameThread());
        before.start();
        before.showLesson(lessons.get(2).id());

        PlayerViewModel after = viewModel(UiExecutors.sameThread());
        after.start();

        assertThat(after.shownLessonProperty().get()).isEqualTo(new LessonRef(course, lessons.get(2).id()));
        assertThat(after.lessonTitleProperty().get()).isEqualTo("Lesson 2.1");
    }

    @Test
    void aLastLessonNoLongerInTheLibraryFallsBackToThePreferredCourse() {
        learning().resume().lessonShown(new LessonPlace(CourseId.random(), new LessonId(UUID.randomUUID())));
        PlayerViewModel viewModel = viewModel(UiExecutors.sameThread());

        viewModel.start();

        assertThat(viewModel.shownLessonProperty().get()).isEqualTo(new LessonRef(course, lessons.get(0).id()));
    }

    @Test
    void aLessonReopensWithTheReadingPositionItWasLeftAt() {
        PlayerViewModel viewModel = viewModel(UiExecutors.sameThread());
        viewModel.start();
        viewModel.readingPositionLeft(lessons.get(0).id(), 0.4);
        viewModel.readingPositionLeft(lessons.get(1).id(), 1.7);

        viewModel.showLesson(lessons.get(1).id());
        assertThat(viewModel.shownPageProperty().get().readingPosition()).isEqualTo(1.0);
        viewModel.showLesson(lessons.get(0).id());

        assertThat(viewModel.shownPageProperty().get().readingPosition()).isEqualTo(0.4);
        assertThat(viewModel.shownPageProperty().get().html()).isEqualTo(viewModel.lessonPageProperty().get());
    }

    @Test
    void aLessonWithAnEmptyBodySaysSo() {
        PackageFixture fixture = PackageFixture.course("Unwritten", 1, 1);
        fixture.addLesson(fixture.section(0), "Nothing here yet", "  \n");
        CourseId unwritten = store.importer().importPackage(fixture.read(temp.resolve("u"))).courseId();
        Lesson empty = store.courses().outline(unwritten).orElseThrow().lessonsInOrder().get(1);
        PlayerViewModel viewModel = viewModel(UiExecutors.sameThread());

        viewModel.openLesson(unwritten, empty.id());

        assertThat(viewModel.lessonTitleProperty().get()).isEqualTo("Nothing here yet");
        assertThat(viewModel.lessonPageProperty().get()).contains("<p class=\"notice\">This lesson has no text yet.</p>");
    }

    private LearningServices learning() {
        return LearningServices.over(store, Clock.systemUTC());
    }

    private PlayerViewModel viewModel(UiExecutors executors) {
        LearningServices learning = learning();
        return new PlayerViewModel(new LibraryService(store.courses()), learning.lessons(), learning.resume(),
                new LessonHtml(), executors, course);
    }

    /** Holds background work until the test runs it, in the order the test chooses. */
    private static final class QueuedExecutor implements Executor {
        private final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            queue.addLast(command);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.removeFirst().run();
            }
        }

        void runOne() {
            queue.removeFirst().run();
        }

        boolean isEmpty() {
            return queue.isEmpty();
        }

        void runNewestFirst() {
            while (!queue.isEmpty()) {
                queue.removeLast().run();
            }
        }
    }
}
