package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.CourseId;
import edu.sevenp.model.CourseOutline;
import edu.sevenp.model.Lesson;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.SectionOutline;
import edu.sevenp.model.learning.Enrollment;
import edu.sevenp.model.learning.ProgressStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CourseServiceTest {

    private final TestClock clock = new TestClock(OffsetDateTime.parse("2025-03-03T09:00:00Z"));
    private final LocalStore store = LocalStore.openInMemory("course-service-" + UUID.randomUUID());
    private final StoreFixture fixture = new StoreFixture(store);
    private final FixtureCourse joins = fixture.course("Joins", 2, 2);
    private final FixtureCourse indexes = fixture.course("Indexes", 1, 1);
    private final CourseService courses = new CourseService(store.courses(), store.enrollments(), store.progress(),
            fixture.learner());
    private final ProgressService progress = new ProgressService(store.progress(), fixture.learner(), clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theLibraryListsEveryCourseWithTheLearnersEnrollment() {
        Enrollment enrolled = new EnrollmentService(store.enrollments(), fixture.learner(), clock).enroll(joins.id());

        assertThat(courses.library()).extracting(entry -> entry.course().id(), LibraryEntry::enrollment, LibraryEntry::progress)
                .containsExactly(
                        tuple(indexes.id(), Optional.empty(), new BigDecimal("0.00")),
                        tuple(joins.id(), Optional.of(enrolled), new BigDecimal("0.00")));
    }

    @Test
    void theOutlineShowsEachLessonsStatusAndTheCoursesProgress() {
        new LessonService(store.lessons(), store.notes(), store.bookmarks(), store.enrollments(), fixture.learner(), clock)
                .open(joins.lesson(0));
        progress.markComplete(joins.lesson(0), 60);
        progress.recordVisit(joins.lesson(2), 30, new BigDecimal("40"), 30);

        CourseProgressOutline outline = courses.outline(joins.id()).orElseThrow();

        assertThat(outline.statuses()).isEqualTo(Map.of(joins.lesson(0), ProgressStatus.COMPLETED,
                joins.lesson(2), ProgressStatus.IN_PROGRESS));
        assertThat(outline.status(joins.lesson(1))).isEqualTo(ProgressStatus.NOT_STARTED);
        assertThat(outline.completedLessons()).isEqualTo(1);
        assertThat(outline.progress()).isEqualTo(new BigDecimal("25.00"));
        assertThat(outline.outline().lessonsInOrder()).hasSize(4);
    }

    @Test
    void titlesAreThoseOfTheCoursesSectionsAndLessonsTheLibraryHas() {
        CourseOutline outline = courses.outline(joins.id()).orElseThrow().outline();
        SectionOutline second = outline.sections().get(1);
        Lesson first = outline.lessonsInOrder().get(0);
        CourseId unknown = CourseId.random();

        PlaceTitles titles = courses.titles(List.of(joins.id(), indexes.id(), unknown), List.of(second.section().id()),
                List.of(first.id(), new LessonId(UUID.randomUUID())));

        assertThat(titles).isEqualTo(new PlaceTitles(Map.of(joins.id(), "Joins", indexes.id(), "Indexes"),
                Map.of(second.section().id(), second.section().title()), Map.of(first.id(), first.title())));
        assertThat(courses.titles(List.of(), List.of(), List.of())).isEqualTo(new PlaceTitles(Map.of(), Map.of(), Map.of()));
    }

    @Test
    void aCourseNotEnrolledInShowsNoProgressAndAnUnknownCourseNoOutline() {
        assertThat(courses.outline(indexes.id()).orElseThrow().progress()).isEqualTo(new BigDecimal("0.00"));
        assertThat(courses.outline(CourseId.random())).isEmpty();
    }
}
