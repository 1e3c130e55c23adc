package edu.sevenp.desktop.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.PackageProblem;
import edu.sevenp.coursepackage.problem.ProblemCode;
import edu.sevenp.coursepackage.readiness.Check;
import edu.sevenp.coursepackage.readiness.ReadinessItem;
import edu.sevenp.coursepackage.readiness.ReadinessReport;
import edu.sevenp.coursepackage.readiness.Severity;
import edu.sevenp.coursepackage.readiness.Totals;
import edu.sevenp.model.LessonId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadinessViewModelTest {

    private static final UUID LESSON = UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-901234567890");

    @Test
    void listsErrorsBeforeWarningsEachAsFileLineFieldAndMessageWithItsLessonAndTheTotals() {
        ReadinessViewModel model = new ReadinessViewModel();
        ReadinessItem warning = new ReadinessItem(Check.EMPTY_BODY, "manifest.json", 66, "sections[0].lessons[0].body",
                "names \"lessons/01-why.md\", which is empty", Optional.of(LESSON));
        ReadinessItem error = new ReadinessItem(Check.PACKAGE_RULE, "manifest.json", 12, "course.title",
                "must not be blank", Optional.empty());
        model.show(new ReadinessReport("/tmp/course", List.of(warning, error), new Totals(2_500_000, 7, 2, 1.26)));

        assertThat(model.lines()).extracting(ReadinessViewModel.Line::severity)
                .containsExactly(Severity.ERROR, Severity.WARNING);
        assertThat(model.lines()).extracting(ReadinessViewModel.Line::text).containsExactly(
                "Error: manifest.json:12 course.title \u2014 must not be blank",
                "Warning: manifest.json:66 sections[0].lessons[0].body \u2014 names \"lessons/01-why.md\", which is empty");
        assertThat(model.lines()).extracting(ReadinessViewModel.Line::lesson)
                .containsExactly(Optional.empty(), Optional.of(LessonId.of(LESSON)));
        assertThat(model.summaryProperty().get()).startsWith("1 error, 1 warning.");
        assertThat(model.totalsProperty().get())
                .isEqualTo("Totals: 2.5 MB to download, 7 lessons, 2 quizzes, about 1.3 hours");
    }

    @Test
    void aCleanReportSaysSoAndAFailedCheckListsNothing() {
        ReadinessViewModel model = new ReadinessViewModel();
        model.show(new ReadinessReport("/tmp/course", List.of(), new Totals(1_000, 2, 1, 0.1)));
        assertThat(model.lines()).isEmpty();
        assertThat(model.summaryProperty().get()).startsWith("No errors, no warnings.");

        model.show(new ReadinessReport("/tmp/course", List.of(new ReadinessItem(Check.PACKAGE_RULE, "manifest.json", 0,
                "", "is missing", Optional.empty())), Totals.none()));
        model.failed("the folder is gone");
        assertThat(model.lines()).isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("The course could not be checked: the folder is gone");
        assertThat(model.totalsProperty().get()).isEmpty();
    }

    @Test
    void aGermanLearnerReadsAnErrorFromThePackageRulesInGerman() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            ReadinessViewModel model = new ReadinessViewModel();
            PackageProblem blank = PackageProblem.of("manifest.json", "course.title", 12, ProblemCode.BLANK);
            model.show(new ReadinessReport("/tmp/course", List.of(new ReadinessItem(Check.PACKAGE_RULE, "manifest.json",
                    12, "course.title", blank.message(), Optional.empty(), Optional.of(blank))), Totals.none()));

            assertThat(model.lines()).extracting(ReadinessViewModel.Line::text)
                    .containsExactly("Fehler: manifest.json:12 course.title \u2014 darf nicht leer sein");
        } finally {
            Locale.setDefault(before);
        }
    }
}
