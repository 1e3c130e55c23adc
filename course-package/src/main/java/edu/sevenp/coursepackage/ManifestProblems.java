package edu.sevenp.coursepackage;

import edu.sevenp.coursepackage.problem.ProblemCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in {@code manifest.json}, each reported at the JSON pointer of its field
 * ({@code /sections/0/title}) and turned into a {@link PackageProblem} with the field's name and line.
 */
final class ManifestProblems {

    private final JsonLocations locations;
    private final List<PackageProblem> problems = new ArrayList<>();

    ManifestProblems(JsonLocations locations) {
        this.locations = locations;
    }

    void report(String pointer, ProblemCode code, Object... arguments) {
        problems.add(PackageProblem.of(ManifestValidator.MANIFEST, field(pointer), locations.lineOf(pointer), code,
                arguments));
    }

    List<PackageProblem> list() {
        return List.copyOf(problems);
    }

    /** {@code /sections/0/lessons/2/order} reads as {@code sections[0].lessons[2].order}. */
    static String field(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                field.append('[').append(part).append(']');
            } else {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return field.toString();
    }
}
