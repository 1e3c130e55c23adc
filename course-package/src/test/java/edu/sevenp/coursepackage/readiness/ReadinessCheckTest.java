package edu.sevenp.coursepackage.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.model.json.JsonMapperFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each warning of the readiness report on a package crafted to have it, located by file, line and field. */
class ReadinessCheckTest {

    private static final String VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n";

    @TempDir
    Path temp;

    private final ReadinessCheck check = new ReadinessCheck(JsonMapperFactory.createStrict());

    @Test
    void aPlainValidPackageHasNothingToReport() throws IOException {
        ReadinessReport report = check(PackageFixture.course("Clean", 2, 2));

        assertThat(report.items()).isEmpty();
        assertThat(report.ready()).isTrue();
    }

    @Test
    void anEmptyLessonBodyIsAWarningAtTheManifestFieldThatNamesIt() throws IOException {
        PackageFixture fixture = PackageFixture.course("Empty body", 1, 2);
        fixture.file("lessons/lesson-1-2.md", " \n\n");

        ReadinessReport report = check(fixture);

        assertThat(report.items()).containsExactly(new ReadinessItem(Check.EMPTY_BODY, "manifest.json",
                line(fixture, "\"body\" : \"lessons/lesson-1-2.md\""), "sections[0].lessons[1].body",
                "names \"lessons/lesson-1-2.md\", which is empty: learners would see a blank lesson", lessonId(fixture, 0, 1)));
        assertThat(report.ready()).isTrue();
    }

    @Test
    void brokenInternalLinksAreWarningsOnTheirLineOfTheBody() throws IOException {
        PackageFixture fixture = PackageFixture.course("Links", 1, 2);
        fixture.file("lessons/lesson-1-1.md", """
                # Lesson 1.1

                ## Two words
                Next: [lesson two](lesson-1-2.md) and [its title](lesson-1-2.md#lesson-12).
                Up here: [two words](#two-words), out there: [the web](https://example.org/) and [mail](mailto:a@b.org).
                [gone](lesson-9-9.md)
                [no such heading](lesson-1-2.md#summary)
                [nowhere here](#nowhere)
                ```
                [in code](not-a-link.md)
                ```
                [ref]: ../outside/of/the/package.md
                """);

        ReadinessReport report = check(fixture);

        String file = "lessons/lesson-1-1.md";
        String field = "sections[0].lessons[0].body";
        Optional<UUID> lesson = lessonId(fixture, 0, 0);
        assertThat(report.items()).containsExactly(
                new ReadinessItem(Check.BROKEN_LINK, file, 6, field,
                        "links to \"lesson-9-9.md\", which is neither a lesson nor a file of the package", lesson),
                new ReadinessItem(Check.BROKEN_LINK, file, 7, field,
                        "links to \"lesson-1-2.md#summary\", but the lesson lessons/lesson-1-2.md has no heading or id"
                                + " \"summary\"", lesson),
                new ReadinessItem(Check.BROKEN_LINK, file, 8, field,
                        "links to \"#nowhere\", but this lesson has no heading or id \"nowhere\"", lesson),
                new ReadinessItem(Check.BROKEN_LINK, file, 12, field,
                        "links to \"../outside/of/the/package.md\", which is neither a lesson nor a file of the package",
                        lesson));
    }

    @Test
    void anHtmlBodysLinksAreCheckedToo() throws IOException {
        PackageFixture fixture = PackageFixture.course("Html", 1, 1);
        ObjectNode lesson = fixture.addLesson(fixture.section(0), "Html lesson", "");
        fixture.removeFile(lesson.get("body").asText());
        lesson.put("body", "lessons/page.html");
        fixture.file("lessons/page.html", "<h2 id=\"start\">Start</h2>\n<p><a href=\"#start\">up</a>\n"
                + "<a href=\"lesson-1-1.md#missing\">away</a></p>\n");

        ReadinessReport report = check(fixture);

        assertThat(report.items()).containsExactly(new ReadinessItem(Check.BROKEN_LINK, "lessons/page.html", 3,
                "sections[0].lessons[1].body", "links to \"lesson-1-1.md#missing\", but the lesson lessons/lesson-1-1.md"
                        + " has no heading or id \"missing\"", lessonId(fixture, 0, 1)));
    }

    @Test
    void mediaABodyShowsThatWouldNotReachThePlayerIsMissing() throws IOException {
        PackageFixture fixture = PackageFixture.course("Missing media", 1, 1);
        fixture.file("lessons/lesson-1-1.md", "# One\n\n![diagram](../media/diagram.png)\n\n[slides](../media/slides.pdf)\n");
        fixture.file("media/slides.pdf", "a PDF the manifest forgot");

        ReadinessReport report = check(fixture);

        Optional<UUID> lesson = lessonId(fixture, 0, 0);
        assertThat(report.items()).containsExactly(
                new ReadinessItem(Check.MEDIA_MISSING, "lessons/lesson-1-1.md", 3, "sections[0].lessons[0].body",
                        "shows \"../media/diagram.png\", which is not in the package", lesson),
                new ReadinessItem(Check.MEDIA_MISSING, "lessons/lesson-1-1.md", 5, "sections[0].lessons[0].body",
                        "links to \"../media/slides.pdf\": the file is in the folder, but the manifest's media and"
                                + " resources do not name it, so it never reaches the player", lesson));
    }

    @Test
    void mediaNothingUsesAndFilesTheManifestDoesNotNameAreUnreferenced() throws IOException {
        PackageFixture fixture = PackageFixture.course("Unused", 1, 1);
        fixture.addMedia("media/unused.png", bytes("not shown anywhere"), "image/png");
        ObjectNode linked = fixture.addMedia("media/linked.pdf", bytes("linked from the body"), "application/pdf");
        fixture.file("lessons/lesson-1-1.md", "# One\n\n[handout](../" + linked.get("file").asText() + ")\n");
        fixture.file("drafts/old-lesson.md", "an old draft");
        fixture.file("README.md", "Notes for the author");
        fixture.file(".DS_Store", "hidden");

        ReadinessReport report = check(fixture);

        assertThat(report.items()).containsExactly(
                new ReadinessItem(Check.MEDIA_UNREFERENCED, "manifest.json", line(fixture, "\"file\" : \"media/unused.png\"") - 2,
                        "media[0]", "\"media/unused.png\" is never used: no lesson plays it as its video, shows it as"
                                + " captions or links to it", Optional.empty()),
                new ReadinessItem(Check.MEDIA_UNREFERENCED, "drafts/old-lesson.md", 0, "", "is in the package, but the"
                        + " manifest does not name it: the import leaves it behind; name it in media or resources, or"
                        + " remove it", Optional.empty()));
    }

    @Test
    void aVideoWithoutCaptionsIsAWarningAndOneWithCaptionsIsNot() throws IOException {
        PackageFixture fixture = PackageFixture.course("Videos", 1, 2);
        fixture.video(fixture.lesson(0, 0), fixture.addMedia("media/one.mp4", bytes("video one"), "video/mp4"));
        fixture.video(fixture.lesson(0, 1), fixture.addMedia("media/two.mp4", bytes("video two"), "video/mp4"));
        fixture.addCaptions(fixture.lesson(0, 1), "media/two.en.vtt", VTT, "en", "English");

        ReadinessReport report = check(fixture);

        assertThat(report.items()).containsExactly(new ReadinessItem(Check.VIDEO_WITHOUT_CAPTIONS, "manifest.json",
                line(fixture, "\"video\" : \"" + fixture.lesson(0, 0).get("video").asText()), "sections[0].lessons[0].video",
                "the lesson's video has no captions: learners who cannot hear it, or watch without sound, miss what is"
                        + " said; add captions (a WebVTT file, format 3)", lessonId(fixture, 0, 0)));
    }

    @Test
    void questionsWithoutExplanationsAreWarningsWhereExplanationsBelong() throws IOException {
        PackageFixture fixture = PackageFixture.course("Quizzes", 1, 1);
        ObjectNode practice = fixture.addQuiz(fixture.lesson(0, 0), "Practice", "practice");
        fixture.addChoiceQuestion(practice, "Which?", "A", "B");
        ObjectNode unexplained = fixture.addTrueFalseQuestion(practice, "True?");
        fixture.addEssayQuestion(fixture.addQuiz(null, "Final", "graded"), "Explain.");

        ReadinessReport forImport = check(fixture);

        String message = "is missing: learners see whether they were right, but not why; add an explanation";
        assertThat(forImport.items()).containsExactly(new ReadinessItem(Check.QUESTION_WITHOUT_EXPLANATION,
                "manifest.json", line(fixture, "\"id\" : \"" + unexplained.get("id").asText()) - 1,
                "sections[0].lessons[0].quizzes[0].questions[1].explanation", message, lessonId(fixture, 0, 0)));
        // For publishing, the graded quiz's questions carry their keys and explanations too.
        assertThat(check.check(temp.resolve("quizzes"), PackagePurpose.PUBLISH).warnings())
                .extracting(ReadinessItem::field)
                .containsExactlyInAnyOrder("quizzes[0].questions[0].explanation",
                        "sections[0].lessons[0].quizzes[0].questions[1].explanation");
    }

    @Test
    void anAnswerKeyThatMatchesNoOptionIsAnErrorOfTheSharedRulesWithItsLessonAndLine() throws IOException {
        PackageFixture fixture = PackageFixture.course("Keys", 1, 1);
        ObjectNode question = fixture.addChoiceQuestion(fixture.addQuiz(fixture.lesson(0, 0), "Practice", "practice"),
                "Which?", "A", "B");
        question.put("answer", "C");

        ReadinessReport report = check(fixture);

        assertThat(report.ready()).isFalse();
        assertThat(report.errors()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("problem")
                .containsExactly(new ReadinessItem(Check.PACKAGE_RULE, "manifest.json",
                line(fixture, "\"answer\" : \"C\""), "sections[0].lessons[0].quizzes[0].questions[0].answer",
                "must be one of the options, was \"C\"", lessonId(fixture, 0, 0)));
    }

    @Test
    void aLessonWithoutADurationIsAWarning() throws IOException {
        PackageFixture fixture = PackageFixture.course("Durations", 1, 2);
        fixture.lesson(0, 1).remove("readingTimeMinutes");

        ReadinessReport report = check(fixture);

        assertThat(report.items()).containsExactly(new ReadinessItem(Check.LESSON_WITHOUT_DURATION, "manifest.json",
                line(fixture, "\"id\" : \"" + fixture.lesson(0, 1).get("id").asText()) - 1,
                "sections[0].lessons[1].readingTimeMinutes", "is missing: the course's length and a learner's time left"
                        + " leave this lesson out; add readingTimeMinutes", lessonId(fixture, 0, 1)));
    }

    @Test
    void aReadingTimeFarFromTheBodysLengthIsAWarningButANearOneIsNot() throws IOException {
        PackageFixture fixture = PackageFixture.course("Reading", 1, 3);
        fixture.file("lessons/lesson-1-1.md", "# Long\n\n" + "word ".repeat(3_000)); // 15 minutes at 200 words a minute
        fixture.file("lessons/lesson-1-2.md", "# Long too\n\n" + "word ".repeat(3_000));
        fixture.lesson(0, 1).put("readingTimeMinutes", 12); // 3 minutes off: within 5 minutes
        fixture.video(fixture.lesson(0, 2), fixture.addMedia("media/talk.mp4", bytes("twenty minutes"), "video/mp4"))
                .lesson(0, 2).put("readingTimeMinutes", 20);
        ((ObjectNode) fixture.manifest().get("media").get(0)).put("durationSeconds", 1_200);
        fixture.addCaptions(fixture.lesson(0, 2), "media/talk.vtt", VTT, "en", null);

        ReadinessReport report = check(fixture);

        assertThat(report.items()).containsExactly(new ReadinessItem(Check.READING_TIME_MISMATCH, "manifest.json",
                line(fixture, "\"readingTimeMinutes\" : 3"), "sections[0].lessons[0].readingTimeMinutes",
                "is 3, but the lesson takes about 15 minutes (3001 words at 200 a minute); fix readingTimeMinutes or the"
                        + " body", lessonId(fixture, 0, 0)));
    }

    @Test
    void imagesTooLargeInBytesOrPixelsAreWarnings() throws IOException {
        PackageFixture fixture = PackageFixture.course("Images", 1, 1);
        byte[] wide = png(4_001, 8);
        byte[] heavy = new byte[(2 << 20) + 1];
        new Random(7).nextBytes(heavy);
        fixture.addMedia("media/wide.png", wide, "image/png");
        fixture.addResourceFile(fixture.lesson(0, 0), "Poster", "resources/poster.jpg", heavy, "image/jpeg");
        fixture.addMedia("media/small.png", png(40, 30), "image/png");
        fixture.file("lessons/lesson-1-1.md", "# One\n\n[a](../media/wide.png) [b](../media/small.png)\n");

        ReadinessReport report = check(fixture);

        assertThat(report.items()).containsExactly(
                new ReadinessItem(Check.OVERSIZED_IMAGE, "manifest.json", line(fixture, "\"file\" : \"resources/poster.jpg\""),
                        "sections[0].lessons[0].resources[0].file", "\"resources/poster.jpg\" is 2.0 MiB (over 2 MiB):"
                                + " every learner downloads it; scale it down or compress it", lessonId(fixture, 0, 0)),
                new ReadinessItem(Check.OVERSIZED_IMAGE, "manifest.json", line(fixture, "\"file\" : \"media/wide.png\""),
                        "media[0].file", "\"media/wide.png\" is 4001 x 8 pixels (over 4000 on a side): every learner"
                                + " downloads it; scale it down or compress it", Optional.empty()));
    }

    @Test
    void aPackageWithErrorsStillGetsItsWarningsAndEachErrorItsLesson() throws IOException {
        PackageFixture fixture = PackageFixture.course("Broken", 1, 2);
        fixture.lesson(0, 1).put("order", 1);
        fixture.lesson(0, 0).remove("readingTimeMinutes");

        ReadinessReport report = check(fixture);

        assertThat(report.ready()).isFalse();
        assertThat(report.errors()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("problem")
                .containsExactly(new ReadinessItem(Check.PACKAGE_RULE, "manifest.json",
                line(fixture, "\"order\" : 1", 3), "sections[0].lessons[1].order",
                "duplicate lesson order 1 in this section (also used by lessons[0])", lessonId(fixture, 0, 1)));
        assertThat(report.warnings()).extracting(ReadinessItem::check).containsExactly(Check.LESSON_WITHOUT_DURATION);
    }

    @Test
    void aMissingPackageIsOneErrorWithNoTotals() throws IOException {
        ReadinessReport report = check.check(temp.resolve("nothing-here"), PackagePurpose.IMPORT);

        assertThat(report.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("problem")
                .containsExactly(new ReadinessItem(Check.PACKAGE_RULE, "nothing-here", 0, "",
                "does not exist; a course package is a folder or a .zip file", Optional.empty()));
        assertThat(report.totals()).isEqualTo(Totals.none());
    }

    @Test
    void totalsCountTheDownloadLessonsQuizzesAndHours() throws IOException {
        PackageFixture fixture = PackageFixture.course("Totals", 2, 2); // 4 lessons of 3 minutes
        fixture.lesson(1, 1).remove("readingTimeMinutes");
        fixture.file("lessons/lesson-2-2.md", "# Long\n\n" + "word ".repeat(1_199)); // 1,200 words: 6 minutes
        fixture.addEssayQuestion(fixture.addQuiz(null, "Final", "graded"), "Explain.");
        fixture.addChoiceQuestion(fixture.addQuiz(fixture.lesson(0, 0), "Check", "practice"), "Which?", "A", "B");
        fixture.addResourceFile(null, "Schema", "resources/schema.sql", bytes("CREATE TABLE t ();"), "application/sql");
        Path folder = fixture.writeTo(temp.resolve("totals"));
        long expectedBytes;
        try (Stream<Path> files = Files.walk(folder)) {
            expectedBytes = files.filter(Files::isRegularFile).mapToLong(ReadinessCheckTest::size).sum();
        }

        ReadinessReport report = check.check(zip(folder, temp.resolve("totals.zip")), PackagePurpose.IMPORT);

        assertThat(report.totals()).isEqualTo(new Totals(expectedBytes, 4, 2, (3 + 3 + 3 + 6) / 60.0));
        assertThat(report.warnings()).extracting(ReadinessItem::check).containsExactly(Check.LESSON_WITHOUT_DURATION);
    }

    private ReadinessReport check(PackageFixture fixture) throws IOException {
        String name = fixture.course().get("slug").asText();
        return check.check(fixture.writeTo(temp.resolve(name)), PackagePurpose.IMPORT);
    }

    /** The line of the first line of the manifest containing {@code text}. */
    private static int line(PackageFixture fixture, String text) {
        return line(fixture, text, 1);
    }

    /** The line of the {@code occurrence}th line of the manifest containing {@code text}. */
    private static int line(PackageFixture fixture, String text, int occurrence) {
        List<String> lines = fixture.manifestText().lines().toList();
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text) && ++seen == occurrence) {
                return i + 1;
            }
        }
        throw new AssertionError("the manifest has no line with " + text);
    }

    private static Optional<UUID> lessonId(PackageFixture fixture, int section, int lesson) {
        return Optional.of(UUID.fromString(fixture.lesson(section, lesson).get("id").asText()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path zip(Path folder, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return zip;
    }
}
