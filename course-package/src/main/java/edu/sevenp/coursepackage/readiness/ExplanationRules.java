package edu.sevenp.coursepackage.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.coursepackage.readiness.PackageContents.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Questions without an explanation, which learners would see after answering. Practice quizzes always carry theirs;
 * graded quizzes only in a package for publishing (a package for import may not hold them, so none is missed there).
 */
final class ExplanationRules implements ReadinessRule {

    private final PackagePurpose purpose;

    ExplanationRules(PackagePurpose purpose) {
        this.purpose = Objects.requireNonNull(purpose, "purpose");
    }

    @Override
    public List<ReadinessItem> check(PackageContents contents) {
        List<ReadinessItem> items = new ArrayList<>();
        for (Entry quiz : contents.quizzes()) {
            String mode = quiz.node().path("mode").asText("");
            if (!mode.equals("practice") && !(mode.equals("graded") && purpose == PackagePurpose.PUBLISH)) {
                continue;
            }
            JsonNode questions = quiz.node().path("questions");
            for (int i = 0; i < questions.size(); i++) {
                if (questions.get(i).isObject() && PackageContents.textOf(questions.get(i).path("explanation")).isEmpty()) {
                    String pointer = quiz.pointer() + "/questions/" + i;
                    items.add(contents.item(Check.QUESTION_WITHOUT_EXPLANATION, pointer + "/explanation", "is missing:"
                            + " learners see whether they were right, but not why; add an explanation",
                            contents.lessonAt(pointer).flatMap(PackageContents.Lesson::id)));
                }
            }
        }
        return items;
    }
}
