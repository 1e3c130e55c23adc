package edu.sevenp.desktop.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.desktop.content.LessonHtml;
import edu.sevenp.desktop.learning.LearningServices;
import edu.sevenp.desktop.library.LibraryService;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.ui.common.UiExecutors;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.Lesson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A previewed package changed on disk and stored again at the same version: the player shows it in place. */
class PlayerViewModelReloadTest {

    @TempDir
    Path temp;

    private final PackageFixture fixture = PackageFixture.course("Reload test", 1, 3);
    private LocalStore store;
    private CourseId course;
    private List<Lesson> lessons;
    private PlayerViewModel viewModel;

    @BeforeEach
    void openOnTheSecondLesson() {
        store = LocalStore.openInMemory("reload-" + UUID.randomUUID());
        course = store.importer().importPackage(fixture.read(temp.resolve("before"))).courseId();
        lessons = store.courses().outline(course).orElseThrow().lessonsInOrder();
        LearningServices learning = LearningServices.over(store, Clock.systemUTC());
        viewModel = new PlayerViewModel(new LibraryService(store.courses()), learning.lessons(), learning.resume(),
                new LessonHtml(), UiExecutors.sameThread(), course);
        viewModel.start();
        viewModel.showLesson(lessons.get(1).id());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theLessonShownComesBackWithItsNewTextWhereItWasRead() {
        fixture.file(fixture.lesson(0, 1).get("body").asText(), "# Lesson 1.2\n\nRewritten while previewed.\n");
        fixture.lesson(0, 1).put("title", "Lesson 1.2, renamed");
        store.importer().replacePackage(fixture.read(temp.resolve("after")));

        viewModel.reload(course, 0.4);

        assertThat(viewModel.currentLessonProperty().get()).isEqualTo(lessons.get(1).id());
        assertThat(viewModel.lessonPageProperty().get()).contains("Rewritten while previewed.")
                .doesNotContain("Body of lesson 1.2.");
        assertThat(viewModel.lessonTitleProperty().get()).isEqualTo("Lesson 1.2, renamed");
        assertThat(viewModel.shownPageProperty().get().readingPosition()).isEqualTo(0.4);
        assertThat(viewModel.statusProperty().get()).isEqualTo("Lesson 2 of 3 · Section 1");
    }

    @Test
    void aLessonRemovedFromThePackageGivesWayToTheFirstFromItsTop() {
        viewModel.showLesson(lessons.get(2).id());
        ((ArrayNode) fixture.section(0).get("lessons")).remove(2);
        store.importer().replacePackage(fixture.read(temp.resolve("after")));

        viewModel.reload(course, 0.7);

        assertThat(viewModel.currentLessonProperty().get()).isEqualTo(lessons.get(0).id());
        assertThat(viewModel.shownPageProperty().get().readingPosition()).isZero();
        assertThat(viewModel.outlineProperty().get().lessonsInOrder()).hasSize(2);
        assertThat(viewModel.hasNextProperty().get()).isTrue();
    }

    @Test
    void anotherCourseInThePackageOpensOnItsFirstLesson() {
        PackageFixture other = PackageFixture.course("Another course", 1, 2);
        CourseId otherCourse = store.importer().importPackage(other.read(temp.resolve("other"))).courseId();

        viewModel.reload(otherCourse, 0.5);

        assertThat(viewModel.courseTitleProperty().get()).isEqualTo("Another course");
        assertThat(viewModel.lessonTitleProperty().get()).isEqualTo("Lesson 1.1");
    }
}
