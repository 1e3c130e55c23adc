package edu.sevenp.coursepackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.model.json.JsonMapperFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest rules of formats 2 and 3: media, videos, captions, resources and quizzes (docs/course-package.md). */
class ManifestValidatorTest {

    @TempDir
    Path temp;

    private final CoursePackageReader reader = new CoursePackageReader(JsonMapperFactory.createStrict());

    @Test
    void aPackageWithMediaResourcesAndBothKindsOfQuizIsValid() throws Exception {
        PackageFixture fixture = PackageFixture.course("Complete", 1, 2);
        ObjectNode video = fixture.addMedia("media/intro.mp4", bytes("not really a video"), "video/mp4");
        fixture.video(fixture.lesson(0, 0), video);
        fixture.addResourceFile(null, "Schema", "resources/schema.sql", bytes("CREATE TABLE t (id INTEGER);"),
                "application/sql");
        fixture.addResourceLink(fixture.lesson(0, 1), "PostgreSQL manual", "https://www.postgresql.org/docs/");
        ObjectNode practice = fixture.addQuiz(fixture.lesson(0, 1), "Check yourself", "practice");
        fixture.addChoiceQuestion(practice, "Which keyword filters rows?", "WHERE", "ORDER BY");
        fixture.addTrueFalseQuestion(practice, "NULL = NULL is unknown.");
        ObjectNode graded = fixture.addQuiz(null, "Final exam", "graded");
        fixture.addChoiceQuestion(graded, "Which join keeps every left row?", "LEFT JOIN", "INNER JOIN");
        fixture.addEssayQuestion(graded, "Explain normalisation.");

        try (CoursePackage coursePackage = reader.read(fixture.writeTo(temp.resolve("complete")))) {
            assertThat(coursePackage.manifest().media()).hasSize(1);
            assertThat(coursePackage.manifest().resources()).hasSize(1);
            assertThat(coursePackage.manifest().quizzes()).hasSize(1);
            assertThat(coursePackage.manifest().lessons().get(1).quizzes()).hasSize(1);
            assertThat(coursePackage.manifest().lessons().get(0).video()).isEqualTo(UUID.fromString(video.get("id").asText()));
        }
    }

    @Test
    void anUnknownQuizModeIsRejected() {
        PackageFixture fixture = PackageFixture.course("Modes", 1, 1);
        ObjectNode quiz = fixture.addQuiz(null, "Exam", "exam");
        fixture.addEssayQuestion(quiz, "Why?");

        assertThat(problems(fixture)).singleElement().asString()
                .matches("manifest\\.json:\\d+: quizzes\\[0]\\.mode: must be graded or practice; was \"exam\"");
    }

    @Test
    void anUnknownQuestionTypeIsRejected() {
        PackageFixture fixture = PackageFixture.course("Types", 1, 1);
        ObjectNode quiz = fixture.addQuiz(null, "Exam", "graded");
        fixture.addEssayQuestion(quiz, "Match the pairs.").put("type", "matching");

        assertThat(problems(fixture)).singleElement().asString().matches("manifest\\.json:\\d+: quizzes\\[0]\\.questions\\[0]"
                + "\\.type: must be one of multiple_choice, true_false, short_answer, essay; was \"matching\"");
    }

    @Test
    void aGradedQuizCarryingAnAnswerKeyIsRejected() {
        PackageFixture fixture = PackageFixture.course("Leaky", 1, 1);
        ObjectNode quiz = fixture.addQuiz(null, "Exam", "graded");
        fixture.addChoiceQuestion(quiz, "Pick one", "A", "B").put("answer", "A");

        assertThat(problems(fixture)).singleElement().asString().matches("manifest\\.json:\\d+: quizzes\\[0]\\.questions\\[0]"
                + "\\.answer: a graded quiz carries no answer key: .*principle 8.*");
    }

    @Test
    void aGradedQuizCarryingAnExplanationIsRejected() {
        PackageFixture fixture = PackageFixture.course("Leaky explanation", 1, 1);
        ObjectNode quiz = fixture.addQuiz(fixture.lesson(0, 0), "Exam", "graded");
        fixture.addTrueFalseQuestion(quiz, "Right?").put("explanation", "It is true because...");

        assertThat(problems(fixture)).singleElement().asString()
                .contains("sections[0].lessons[0].quizzes[0].questions[0].explanation: a graded quiz carries no answer key");
    }

    @Test
    void aPracticeQuizWithoutAnAnswerForAnAutoGradedQuestionIsRejected() {
        PackageFixture fixture = PackageFixture.course("Keyless", 1, 1);
        ObjectNode quiz = fixture.addQuiz(null, "Practice", "practice");
        fixture.addTrueFalseQuestion(quiz, "Right?").remove("answer");
        fixture.addEssayQuestion(quiz, "Explain.");

        assertThat(problems(fixture)).singleElement().asString().matches("manifest\\.json:\\d+: quizzes\\[0]\\.questions\\[0]"
                + "\\.answer: a practice quiz's true_false question needs an answer, so the player can grade it");
    }

    @Test
    void aMultipleChoiceQuestionWithoutOptionsIsRejected() {
        PackageFixture fixture = PackageFixture.course("Optionless", 1, 1);
        ObjectNode quiz = fixture.addQuiz(null, "Exam", "graded");
        fixture.addChoiceQuestion(quiz, "Pick one", "A", "B").remove("options");

        assertThat(problems(fixture)).singleElement().asString().endsWith("quizzes[0].questions[0].options: a multiple_choice"
                + " question needs options: an array of at least 2 different choices");
    }

    @Test
    void aPracticeAnswerMustBeOneOfTheOptions() {
        PackageFixture fixture = PackageFixture.course("Off the list", 1, 1);
        ObjectNode quiz = fixture.addQuiz(null, "Practice", "practice");
        fixture.addChoiceQuestion(quiz, "Pick one", "A", "B").put("answer", "C");

        assertThat(problems(fixture)).singleElement().asString()
                .endsWith("quizzes[0].questions[0].answer: must be one of the options, was \"C\"");
    }

    @Test
    void aMultipleChoiceQuestionCannotRepeatAChoice() {
        PackageFixture fixture = PackageFixture.course("Repeated choice", 1, 1);
        ObjectNode quiz = fixture.addQuiz(null, "Exam", "graded");
        fixture.addChoiceQuestion(quiz, "Pick one", "A", "B", "A");

        assertThat(problems(fixture)).singleElement().asString()
                .endsWith("quizzes[0].questions[0].options[2]: repeats the choice \"A\"");
    }

    @Test
    void onlyMultipleChoiceQuestionsHaveOptions() {
        PackageFixture fixture = PackageFixture.course("Options", 1, 1);
        ObjectNode quiz = fixture.addQuiz(null, "Exam", "graded");
        fixture.addTrueFalseQuestion(quiz, "Right?").putArray("options").add("yes").add("no");

        assertThat(problems(fixture)).singleElement().asString().endsWith("quizzes[0].questions[0].options: only"
                + " multiple_choice questions have options; a true_false question has none");
    }

    @Test
    void duplicateQuestionOrderIsRejected() {
        PackageFixture fixture = PackageFixture.course("Orders", 1, 1);
        ObjectNode quiz = fixture.addQuiz(null, "Exam", "graded");
        fixture.addEssayQuestion(quiz, "One");
        fixture.addEssayQuestion(quiz, "Two").put("order", 1);

        assertThat(problems(fixture)).singleElement().asString()
                .endsWith("quizzes[0].questions[1].order: duplicate question order 1 in this quiz (also used by questions[0])");
    }

    @Test
    void quizNumbersAreCheckedAgainstTheirRanges() {
        PackageFixture fixture = PackageFixture.course("Numbers", 1, 1);
        ObjectNode quiz = fixture.addQuiz(null, "Exam", "graded");
        quiz.put("passingScore", 101);
        quiz.put("timeLimitMinutes", 0);
        quiz.put("attemptsAllowed", 0);
        fixture.addEssayQuestion(quiz, "Why?").put("points", 0.125);

        assertThat(problems(fixture)).containsExactlyInAnyOrder(
                "manifest.json:" + lineOf(fixture, "\"passingScore\" : 101") + ": quizzes[0].passingScore: must be from 0"
                        + " to 100, was 101",
                "manifest.json:" + lineOf(fixture, "\"timeLimitMinutes\" : 0") + ": quizzes[0].timeLimitMinutes: must be 1"
                        + " or more, was 0",
                "manifest.json:" + lineOf(fixture, "\"attemptsAllowed\" : 0") + ": quizzes[0].attemptsAllowed: must be 1"
                        + " or more, was 0",
                "manifest.json:" + lineOf(fixture, "\"points\" : 0.125") + ": quizzes[0].questions[0].points: must have at"
                        + " most two decimals, was 0.125");
    }

    @Test
    void aQuizNeedsQuestions() {
        PackageFixture fixture = PackageFixture.course("Empty quiz", 1, 1);
        fixture.addQuiz(null, "Exam", "graded");

        assertThat(problems(fixture)).singleElement().asString()
                .endsWith("quizzes[0].questions: is required and must be a non-empty array");
    }

    @Test
    void aResourceIsAFileOrAUrlNotBoth() {
        PackageFixture fixture = PackageFixture.course("Both", 1, 1);
        fixture.addResourceFile(null, "Schema", "resources/schema.sql", bytes("x"), "application/sql")
                .put("url", "https://example.org/schema.sql");

        assertThat(problems(fixture)).singleElement().asString()
                .endsWith("resources[0]: must have either a file (with sha256, size and mimeType) or a url, not both");
    }

    @Test
    void aResourceUrlMustBeHttps() {
        PackageFixture fixture = PackageFixture.course("Plain http", 1, 1);
        fixture.addResourceLink(fixture.lesson(0, 0), "Manual", "http://example.org/manual");

        assertThat(problems(fixture)).singleElement().asString().endsWith(
                "sections[0].lessons[0].resources[0].url: must be an https:// address, was \"http://example.org/manual\"");
    }

    @Test
    void aMediaEntryNeedsAWellFormedHashSizeAndType() {
        PackageFixture fixture = PackageFixture.course("Media fields", 1, 1);
        ObjectNode media = fixture.addMedia("media/a.mp4", bytes("video"), "video/mp4");
        media.put("sha256", "ABC");
        media.put("size", 0);
        media.put("mimeType", "video");

        assertThat(problems(fixture)).containsExactlyInAnyOrder(
                "manifest.json:" + lineOf(fixture, "\"sha256\" : \"ABC\"") + ": media[0].sha256: must be a SHA-256 as 64"
                        + " lower-case hexadecimal digits, was \"ABC\"",
                "manifest.json:" + lineOf(fixture, "\"size\" : 0") + ": media[0].size: must be from 1 to "
                        + ManifestValidator.MAX_FILE_BYTES + ", was 0",
                "manifest.json:" + lineOf(fixture, "\"mimeType\" : \"video\"") + ": media[0].mimeType: must be a MIME type"
                        + " such as video/mp4 or application/pdf, was \"video\"");
    }

    @Test
    void aLessonVideoMustNameAVideoInMedia() {
        PackageFixture fixture = PackageFixture.course("Videos", 1, 2);
        ObjectNode picture = fixture.addMedia("media/a.png", bytes("png"), "image/png");
        fixture.video(fixture.lesson(0, 0), picture);
        UUID unknown = UUID.randomUUID();
        fixture.lesson(0, 1).put("contentType", "video").put("video", unknown.toString());

        assertThat(problems(fixture)).containsExactlyInAnyOrder(
                "manifest.json:" + lineOf(fixture, "\"video\" : \"" + picture.get("id").asText()) + ": sections[0].lessons[0]"
                        + ".video: names " + picture.get("id").asText() + ", which is not a video (its mimeType is image/png)",
                "manifest.json:" + lineOf(fixture, "\"video\" : \"" + unknown) + ": sections[0].lessons[1].video: names "
                        + unknown + ", which is not the id of an entry in media");
    }

    @Test
    void aVideoLessonNeedsAVideo() {
        PackageFixture fixture = PackageFixture.course("No video", 1, 1);
        fixture.lesson(0, 0).put("contentType", "video");

        assertThat(problems(fixture)).singleElement().asString()
                .endsWith("sections[0].lessons[0].video: is required for a video lesson: the id of a video in media");
    }

    @Test
    void aVideoLessonMayHaveCaptionsInSeveralLanguages() throws Exception {
        PackageFixture fixture = PackageFixture.course("Captioned", 1, 1);
        ObjectNode video = fixture.addMedia("media/intro.mp4", bytes("not really a video"), "video/mp4");
        fixture.video(fixture.lesson(0, 0), video);
        ObjectNode english = fixture.addCaptions(fixture.lesson(0, 0), "media/intro.en.vtt", VTT, "en", "English");
        fixture.addCaptions(fixture.lesson(0, 0), "media/intro.pt.vtt", VTT, "pt-BR", null);

        try (CoursePackage coursePackage = reader.read(fixture.writeTo(temp.resolve("captioned")))) {
            assertThat(coursePackage.manifest().lessons().get(0).captions()).containsExactly(
                    new ManifestModel.CaptionEntry(UUID.fromString(english.get("id").asText()), "en", "English"),
                    new ManifestModel.CaptionEntry(coursePackage.manifest().media().get(2).id(), "pt-BR", null));
        }
    }

    @Test
    void captionsNameAWebVttFileInMediaInALanguageOfTheirOwn() {
        PackageFixture fixture = PackageFixture.course("Bad captions", 1, 2);
        ObjectNode video = fixture.addMedia("media/intro.mp4", bytes("video"), "video/mp4");
        fixture.video(fixture.lesson(0, 0), video);
        fixture.addCaptions(fixture.lesson(0, 0), "media/a.vtt", VTT, "en", "English");
        fixture.addCaptions(fixture.lesson(0, 0), "media/b.vtt", VTT, "en", "Also English");
        ObjectNode track = ((ArrayNode) fixture.lesson(0, 0).get("captions")).addObject();
        track.put("media", video.get("id").asText()).put("language", "English");
        fixture.addCaptions(fixture.lesson(0, 1), "media/c.vtt", VTT, "de", null);

        assertThat(problems(fixture)).extracting(problem -> problem.substring(problem.indexOf(": ") + 2)).containsExactlyInAnyOrder(
                "sections[0].lessons[0].captions[1].language: duplicate caption language en (also used by captions[0])",
                "sections[0].lessons[0].captions[2].media: names " + video.get("id").asText()
                        + ", which is not a WebVTT file (its mimeType is video/mp4, not text/vtt)",
                "sections[0].lessons[0].captions[2].language: must be a language code such as en or pt-BR, was \"English\"",
                "sections[0].lessons[1].captions: belong to a lesson's video; this lesson has no video");
    }

    @Test
    void aCaptionFileMustBeWebVttAndItsProblemsAreReportedOnTheirLines() {
        PackageFixture fixture = PackageFixture.course("Broken captions", 1, 1);
        fixture.video(fixture.lesson(0, 0), fixture.addMedia("media/intro.mp4", bytes("video"), "video/mp4"));
        fixture.addCaptions(fixture.lesson(0, 0), "media/intro.en.vtt",
                "WEBVTT\n\n00:01.000 --> 00:02.000\nFine\n\n00:05.000 --> 00:04.000\nBackwards\n", "en", null);

        assertThat(problems(fixture)).containsExactly(
                "media/intro.en.vtt:6: the cue ends (00:04.000) before it starts (00:05.000)");
    }

    @Test
    void captionsAreNewInFormatThree() {
        PackageFixture fixture = PackageFixture.course("Format two with captions", 1, 1);
        fixture.manifest().put("formatVersion", 2);
        fixture.video(fixture.lesson(0, 0), fixture.addMedia("media/intro.mp4", bytes("video"), "video/mp4"));
        fixture.addCaptions(fixture.lesson(0, 0), "media/intro.en.vtt", VTT, "en", null);

        assertThat(problems(fixture)).singleElement().asString().endsWith("sections[0].lessons[0].captions: is new in"
                + " format 3; set formatVersion to 3 (players that read only format 2 would refuse the package)");
    }

    @Test
    void aBodyMustBeMarkdownOrHtml() {
        PackageFixture fixture = PackageFixture.course("Text body", 1, 1);
        fixture.lesson(0, 0).put("body", "lessons/notes.txt");
        fixture.file("lessons/notes.txt", "plain text");

        assertThat(problems(fixture)).singleElement().asString().endsWith(
                "sections[0].lessons[0].body: must name a Markdown (.md) or HTML (.html) file, was \"lessons/notes.txt\"");
    }

    @Test
    void idsAreUniqueAcrossQuizzesQuestionsResourcesAndMedia() {
        PackageFixture fixture = PackageFixture.course("Shared ids", 1, 1);
        ObjectNode media = fixture.addMedia("media/a.mp4", bytes("video"), "video/mp4");
        ObjectNode quiz = fixture.addQuiz(null, "Exam", "graded");
        fixture.addEssayQuestion(quiz, "Why?").put("id", media.get("id").asText());

        assertThat(problems(fixture)).singleElement().asString().endsWith("quizzes[0].questions[0].id: the question id "
                + media.get("id").asText() + " is already used at media[0]");
    }

    @Test
    void formatOneStillReadsAndKnowsNoneOfFormatTwosFields() throws Exception {
        PackageFixture plain = PackageFixture.course("Old package", 1, 1);
        plain.manifest().put("formatVersion", 1);
        PackageFixture withQuiz = PackageFixture.course("Old package with quiz", 1, 1);
        withQuiz.manifest().put("formatVersion", 1);
        withQuiz.addEssayQuestion(withQuiz.addQuiz(null, "Exam", "graded"), "Why?");

        try (CoursePackage read = reader.read(plain.writeTo(temp.resolve("v1")))) {
            assertThat(read.manifest().formatVersion()).isEqualTo(1);
        }
        assertThat(problems(withQuiz)).singleElement().asString().endsWith("quizzes: is new in format 2; set formatVersion"
                + " to 2 (players that read only format 1 would refuse the package)");
    }

    @Test
    void everyQuizProblemIsReportedAtOnce() {
        PackageFixture fixture = PackageFixture.course("All at once", 1, 1);
        ObjectNode graded = fixture.addQuiz(null, "Exam", "graded");
        fixture.addChoiceQuestion(graded, "Pick", "A", "B").put("answer", "A");
        ObjectNode practice = fixture.addQuiz(fixture.lesson(0, 0), "Practice", "practice");
        ((ArrayNode) fixture.addChoiceQuestion(practice, "Pick", "A", "B").get("options")).removeAll();
        fixture.addTrueFalseQuestion(practice, "Right?").put("answer", "yes");

        assertThat(problems(fixture)).hasSize(3);
    }

    private List<String> problems(PackageFixture fixture) {
        Path folder = fixture.writeTo(temp.resolve("pkg-" + UUID.randomUUID()));
        InvalidPackageException failure = catchThrowableOfType(InvalidPackageException.class, () -> reader.read(folder));
        assertThat(failure).as("the package should be rejected").isNotNull();
        return failure.problems().stream().map(PackageProblem::toString).toList();
    }

    /** The line of the manifest as the fixture writes it (pretty-printed) that contains {@code text}. */
    private static int lineOf(PackageFixture fixture, String text) {
        List<String> lines = fixture.manifestText().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + text);
    }

    private static final String VTT = "WEBVTT\n\n00:00.500 --> 00:02.000\nHello.\n";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
