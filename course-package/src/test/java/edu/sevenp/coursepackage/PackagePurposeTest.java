package edu.sevenp.coursepackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import edu.sevenp.coursepackage.ManifestModel.QuestionEntry;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.model.json.JsonMapperFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a package to import it into a player and reading it to publish it to the server differ only
 * in graded quizzes' answer keys: refused on import, required for publishing (docs/course-package.md).
 */
class PackagePurposeTest {

    @TempDir
    Path temp;

    private final CoursePackageReader reader = new CoursePackageReader(JsonMapperFactory.createStrict());

    @Test
    void aPlainReadIsForImport() throws Exception {
        PackageFixture fixture = PackageFixture.course("Plain", 1, 1);

        try (CoursePackage read = reader.read(fixture.writeTo(temp.resolve("plain")))) {
            assertThat(read.purpose()).isEqualTo(PackagePurpose.IMPORT);
        }
    }

    @Test
    void publishingKeepsTheAnswerKeysOfGradedQuizzes() throws Exception {
        PackageFixture fixture = examWithAnswerKeys();

        try (CoursePackage published = reader.read(fixture.writeTo(temp.resolve("exam")), PackagePurpose.PUBLISH)) {
            assertThat(published.purpose()).isEqualTo(PackagePurpose.PUBLISH);
            assertThat(published.manifest().quizzes().get(0).questions())
                    .extracting(QuestionEntry::answer, QuestionEntry::explanation)
                    .containsExactly(
                            tuple(TextNode.valueOf("LEFT JOIN"), "A LEFT JOIN keeps every row of its left side."),
                            tuple(BooleanNode.FALSE, null),
                            tuple(TextNode.valueOf("HAVING"), null),
                            tuple(TextNode.valueOf("Normal forms remove redundancy."), null));
        }
    }

    @Test
    void importRefusesTheAnswerKeysPublishingKeeps() {
        List<String> problems = problems(examWithAnswerKeys(), PackagePurpose.IMPORT);

        assertThat(problems).extracting(PackagePurposeTest::withoutLine).containsExactlyInAnyOrder(
                "manifest.json: quizzes[0].questions[0].answer: " + noAnswerKey("answer"),
                "manifest.json: quizzes[0].questions[0].explanation: " + noAnswerKey("explanation"),
                "manifest.json: quizzes[0].questions[1].answer: " + noAnswerKey("answer"),
                "manifest.json: quizzes[0].questions[2].answer: " + noAnswerKey("answer"),
                "manifest.json: quizzes[0].questions[3].answer: " + noAnswerKey("answer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiple_choice", "true_false", "short_answer"})
    void publishingRefusesAGradedQuestionTheServerCouldNotGrade(String type) {
        PackageFixture fixture = PackageFixture.course("Keyless", 1, 1);
        ObjectNode quiz = fixture.addQuiz(fixture.lesson(0, 0), "Exam", "graded");
        switch (type) {
            case "multiple_choice" -> fixture.addChoiceQuestion(quiz, "Pick one", "A", "B");
            case "true_false" -> fixture.addTrueFalseQuestion(quiz, "Right?");
            default -> fixture.addShortAnswerQuestion(quiz, "Name it");
        }

        assertThat(problems(fixture, PackagePurpose.PUBLISH)).singleElement().asString().matches("manifest\\.json:\\d+:"
                + " sections\\[0]\\.lessons\\[0]\\.quizzes\\[0]\\.questions\\[0]\\.answer: the server cannot grade this"
                + " question without an answer; add answer");
    }

    @Test
    void publishingNeedsNoAnswerForAGradedEssay() throws Exception {
        PackageFixture fixture = PackageFixture.course("Essay exam", 1, 1);
        fixture.addEssayQuestion(fixture.addQuiz(null, "Exam", "graded"), "Explain normalisation.");

        try (CoursePackage published = reader.read(fixture.writeTo(temp.resolve("essay")), PackagePurpose.PUBLISH)) {
            assertThat(published.manifest().quizzes().get(0).questions().get(0).answer()).isNull();
        }
    }

    @Test
    void publishedAnswersFollowTheRulesOfPracticeAnswers() {
        PackageFixture fixture = PackageFixture.course("Wrong keys", 1, 1);
        ObjectNode quiz = fixture.addQuiz(null, "Exam", "graded");
        fixture.addChoiceQuestion(quiz, "Pick one", "A", "B").put("answer", "C");
        fixture.addTrueFalseQuestion(quiz, "Right?").put("answer", "yes");
        fixture.addShortAnswerQuestion(quiz, "Name it").putArray("answer");
        fixture.addEssayQuestion(quiz, "Explain.").put("explanation", " ");

        assertThat(problems(fixture, PackagePurpose.PUBLISH)).extracting(PackagePurposeTest::withoutLine)
                .containsExactlyInAnyOrder(
                        "manifest.json: quizzes[0].questions[0].answer: must be one of the options, was \"C\"",
                        "manifest.json: quizzes[0].questions[1].answer: must be true or false, was \"yes\"",
                        "manifest.json: quizzes[0].questions[2].answer: must list at least one accepted answer",
                        "manifest.json: quizzes[0].questions[3].explanation: must not be blank");
    }

    @Test
    void publishingKeepsTheRulesOfPracticeQuizzes() {
        PackageFixture fixture = PackageFixture.course("Keyless practice", 1, 1);
        fixture.addTrueFalseQuestion(fixture.addQuiz(null, "Practice", "practice"), "Right?").remove("answer");

        assertThat(problems(fixture, PackagePurpose.PUBLISH)).singleElement().asString().matches("manifest\\.json:\\d+:"
                + " quizzes\\[0]\\.questions\\[0]\\.answer: a practice quiz's true_false question needs an answer, so the"
                + " player can grade it");
    }

    /** A course whose graded final exam carries an answer for each question and an explanation for one. */
    private static PackageFixture examWithAnswerKeys() {
        PackageFixture fixture = PackageFixture.course("Final exam", 1, 1);
        ObjectNode quiz = fixture.addQuiz(null, "Final exam", "graded");
        fixture.addChoiceQuestion(quiz, "Which join keeps every left row?", "LEFT JOIN", "INNER JOIN")
                .put("answer", "LEFT JOIN").put("explanation", "A LEFT JOIN keeps every row of its left side.");
        fixture.addTrueFalseQuestion(quiz, "NULL = NULL is true.").put("answer", false);
        fixture.addShortAnswerQuestion(quiz, "Which clause filters groups?").put("answer", "HAVING");
        fixture.addEssayQuestion(quiz, "Explain normalisation.").put("answer", "Normal forms remove redundancy.");
        return fixture;
    }

    private static String noAnswerKey(String field) {
        return "a graded quiz carries no answer key: its answers and explanations stay on the server, which grades it"
                + " (ARCHITECTURE.md, principle 8); remove " + field + ", or make the quiz a practice quiz";
    }

    private static String withoutLine(String problem) {
        return problem.replaceFirst(":\\d+:", ":");
    }

    private List<String> problems(PackageFixture fixture, PackagePurpose purpose) {
        Path folder = fixture.writeTo(temp.resolve("pkg-" + UUID.randomUUID()));
        InvalidPackageException failure = catchThrowableOfType(InvalidPackageException.class,
                () -> reader.read(folder, purpose));
        assertThat(failure).as("the package should be rejected").isNotNull();
        return failure.problems().stream().map(PackageProblem::toString).toList();
    }
}
