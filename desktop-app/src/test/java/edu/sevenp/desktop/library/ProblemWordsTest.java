package edu.sevenp.desktop.library;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.coursepackage.CoursePackageReader;
import edu.sevenp.coursepackage.PackageProblem;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.coursepackage.problem.ProblemCode;
import edu.sevenp.coursepackage.testing.PackageFixture;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemWordsTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @TempDir
    Path temp;

    @Test
    void everyProblemCodeHasEnglishAndGermanWordsWithTheSameArguments() throws IOException {
        Properties german = new Properties();
        try (InputStream in = ProblemWords.class.getResourceAsStream("problems_de.properties")) {
            assertThat(in).isNotNull();
            german.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> wrong = new ArrayList<>();
        for (ProblemCode code : ProblemCode.values()) {
            String inGerman = german.getProperty(code.name(), "");
            if (code.english().isBlank() || inGerman.isBlank() || inGerman.equals(code.english())
                    || !arguments(inGerman).equals(arguments(code.english()))) {
                wrong.add(code + ": " + code.english() + " / " + inGerman);
            }
            // Both format: a pattern that MessageFormat refuses would fail here, not in front of a learner.
            PackageProblem problem = PackageProblem.of("manifest.json", "", 0, code, "a", "b", "c");
            new ProblemWords(Locale.GERMAN).message(problem);
            problem.message();
        }
        assertThat(wrong).as("problem codes without German words of their own, or with other arguments").isEmpty();
        assertThat(new TreeSet<>(german.stringPropertyNames())).as("German words for codes that do not exist")
                .isEqualTo(new TreeSet<>(Arrays.stream(ProblemCode.values()).map(Enum::name).toList()));
    }

    @Test
    void aBrokenPackagesProblemIsSaidInGermanAndInEnglishAsTheServerSaysIt() throws IOException {
        PackageFixture broken = PackageFixture.course("Broken Course", 1, 2);
        broken.removeFile(broken.lesson(0, 1).get("body").asText());
        broken.lesson(0, 0).put("slug", "Not A Slug");
        Path folder = broken.writeTo(temp.resolve("broken"));

        List<PackageProblem> problems = new CoursePackageReader(JsonMapperFactory.createStrict())
                .problems(folder, PackagePurpose.IMPORT);

        assertThat(problems).extracting(new ProblemWords(Locale.GERMAN)::message).containsExactlyInAnyOrder(
                "muss aus kleingeschriebenen, mit Bindestrichen verbundenen Wörtern bestehen, war „Not A Slug“",
                "nennt „lessons/lesson-1-2.md“, aber das ist keine Datei im Paket");
        assertThat(problems).extracting(new ProblemWords(Locale.ENGLISH)::line)
                .isEqualTo(problems.stream().map(PackageProblem::toString).toList())
                .anySatisfy(line -> assertThat(line).endsWith(
                        "sections[0].lessons[1].body: names \"lessons/lesson-1-2.md\", which is not a file in the package"));
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
