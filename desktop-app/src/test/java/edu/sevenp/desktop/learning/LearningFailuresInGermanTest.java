package edu.sevenp.desktop.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.sevenp.desktop.learning.InvalidInputException.Problem;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.StoreFixture;
import edu.sevenp.desktop.store.StoreFixture.FixtureCourse;
import edu.sevenp.desktop.testing.TestClock;
import edu.sevenp.model.LessonId;
import edu.sevenp.model.NoteId;
import edu.sevenp.model.QuizId;
import edu.sevenp.model.quiz.QuizMode;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The learning services refuse in the learner's language: the player sets the default locale to it before any service
 * is built, and the words are read from this package's bundle when a refusal is made.
 */
class LearningFailuresInGermanTest {

    private final TestClock clock = new TestClock(OffsetDateTime.parse("2025-03-03T09:00:00Z"));
    private Locale before;
    private LocalStore store;
    private StoreFixture fixture;
    private FixtureCourse course;

    @BeforeEach
    void german() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.GERMAN);
        store = LocalStore.openInMemory("german-" + UUID.randomUUID());
        fixture = new StoreFixture(store);
        course = fixture.course("Joins", 1, 1);
    }

    @AfterEach
    void restore() {
        store.close();
        Locale.setDefault(before);
    }

    @Test
    void anEmptyOrTooLongNoteIsRefusedInGerman() {
        NoteService notes = new NoteService(store.notes(), fixture.learner(), clock);

        assertThatThrownBy(() -> notes.create(course.lesson(0), " ", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem("content", "Eine Notiz darf nicht leer sein.")));
        assertThatThrownBy(() -> notes.create(course.lesson(0), "x".repeat(NoteService.MAX_LENGTH + 1), -1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem("content", "Eine Notiz darf höchstens 20.000 Zeichen lang sein; hier sind es 20.001."),
                        new Problem("timestampInVideo", "Eine Zeit im Video kann nicht negativ sein.")));
        assertThatThrownBy(() -> notes.edit(new NoteId(UUID.randomUUID()), "text", null))
                .hasMessage("Diese Notiz wurde gelöscht, daher wurde die Änderung nicht gespeichert.");
        assertThatThrownBy(() -> notes.create(new LessonId(UUID.randomUUID()), "text", null))
                .hasMessage("Diese Lektion ist nicht mehr in Ihrer Bibliothek, daher wurde die Notiz nicht gespeichert.");
    }

    @Test
    void aQuizRefusesAFurtherAttemptAndAClosedQuizInGerman() {
        QuizService quizzes = new QuizService(store.quizzes(), fixture.learner(), clock);
        QuizId exam = fixture.quiz(course, course.lesson(0), "Joins exam", QuizMode.GRADED, 1);
        quizzes.submit(exam, Map.of(), clock.now());

        assertThatThrownBy(() -> quizzes.submit(exam, Map.of(), clock.now()))
                .hasMessage("Sie haben Ihren einzigen Versuch bei „Joins exam“ verbraucht; weitere Versuche sind nicht"
                        + " erlaubt.");
        fixture.closeQuiz(exam);
        assertThatThrownBy(() -> quizzes.submit(exam, Map.of(), clock.now()))
                .hasMessage("„Joins exam“ ist geschlossen und nimmt keine Versuche mehr an.");
        assertThatThrownBy(() -> quizzes.quiz(new QuizId(UUID.randomUUID())))
                .hasMessage("Dieses Quiz ist nicht in Ihrer Bibliothek.");
    }

    @Test
    void aReviewBeforeCompletingAndABadRatingAreRefusedInGerman() {
        CompletionService completions = new CompletionService(store.completions(), fixture.learner(), clock);

        assertThatThrownBy(() -> completions.review(course.id(), 3, "Gut", null))
                .hasMessage("Sie können diesen Kurs bewerten, sobald Sie ihn abgeschlossen haben.");
        assertThatThrownBy(() -> completions.review(course.id(), 9, "x".repeat(CompletionService.MAX_REVIEW_LENGTH + 1),
                null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::message).containsExactly("Eine Bewertung hat 1 bis 5 Sterne.",
                                "Eine Bewertung darf höchstens 5.000 Zeichen lang sein; hier sind es 5.001."));
    }

    @Test
    void unknownLessonsAndCoursesAreNamedInGerman() {
        LearningServices learning = LearningServices.over(store, clock);
        EnrollmentService enrollments = new EnrollmentService(store.enrollments(), fixture.learner(), clock);

        assertThatThrownBy(() -> learning.lessons().open(new LessonId(UUID.randomUUID())))
                .hasMessage("Diese Lektion ist nicht in Ihrer Bibliothek.");
        assertThatThrownBy(() -> enrollments.drop(course.id()))
                .hasMessage("Sie sind in diesem Kurs nicht eingeschrieben.");
    }
}
