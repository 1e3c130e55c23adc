package edu.sevenp.coursepackage;

import com.fasterxml.jackson.databind.JsonNode;
import edu.sevenp.coursepackage.problem.ProblemCode;
import java.util.List;
import java.util.Set;

/**
 * Checks a parsed manifest against docs/course-package.md and reports every problem it finds, not just
 * the first, each with its field and line. It looks at the manifest only; files are checked by
 * {@link CoursePackageReader}. This class checks the top level and hands each part to its rules:
 * {@link CourseRules}, {@link MediaRules} and {@link QuizRules}, all built on {@link JsonFields}.
 */
final class ManifestValidator {

    static final String MANIFEST = "manifest.json";

    /** The largest media or resource file a package may hold. */
    static final long MAX_FILE_BYTES = MediaRules.MAX_FILE_BYTES;

    private static final Set<String> ROOT_FIELDS = Set.of("format", "formatVersion", "course", "media", "sections",
            "resources", "quizzes");
    /** Fields that format 1 did not have: a format 1 manifest using them would confuse a format 1 player. */
    private static final Set<String> ROOT_FIELDS_SINCE_2 = Set.of("media", "resources", "quizzes");

    private ManifestValidator() {
    }

    static List<PackageProblem> validate(JsonNode root, JsonLocations locations, PackagePurpose purpose) {
        ManifestProblems problems = new ManifestProblems(locations);
        if (!root.isObject()) {
            problems.report("", ProblemCode.NOT_A_MANIFEST_OBJECT);
            return problems.list();
        }
        int formatVersion = formatVersionOf(root);
        JsonFields fields = new JsonFields(problems, formatVersion);
        MediaRules media = new MediaRules(problems, fields);
        QuizRules quizzes = new QuizRules(problems, fields, purpose);
        CourseRules course = new CourseRules(problems, fields, media, quizzes, formatVersion);

        fields.onlyKnownFields(root, "", ROOT_FIELDS, ROOT_FIELDS_SINCE_2);
        fields.requiredText(root, "", "format", 100).filter(format -> !format.equals(ManifestModel.FORMAT))
                .ifPresent(format -> problems.report("/format", ProblemCode.WRONG_FORMAT, ManifestModel.FORMAT,
                        format));
        fields.requiredInt(root, "", "formatVersion", 1).ifPresent(version -> {
            if (version > ManifestModel.FORMAT_VERSION) {
                problems.report("/formatVersion", ProblemCode.NEWER_FORMAT, version, ManifestModel.FORMAT_VERSION);
            }
        });
        JsonNode courseNode = root.get("course");
        if (courseNode == null || !courseNode.isObject()) {
            problems.report("/course", ProblemCode.REQUIRED_OBJECT);
        } else {
            course.checkCourse(courseNode);
        }
        // Media before sections: a lesson's video is looked up among the media entries.
        fields.optionalArray(root, "", "media").ifPresent(media::checkMedia);
        JsonNode sections = root.get("sections");
        if (sections == null || !sections.isArray() || sections.isEmpty()) {
            problems.report("/sections", ProblemCode.REQUIRED_NON_EMPTY_ARRAY);
        } else {
            course.checkSections(sections);
        }
        fields.optionalArray(root, "", "resources").ifPresent(list -> media.checkResources(list, "/resources"));
        fields.optionalArray(root, "", "quizzes").ifPresent(list -> quizzes.checkQuizzes(list, "/quizzes"));
        return problems.list();
    }

    /** The format version a manifest declares, or the newest when it declares none that this player reads. */
    static int formatVersionOf(JsonNode root) {
        JsonNode version = root.path("formatVersion");
        if (version.isIntegralNumber() && version.canConvertToInt() && version.intValue() >= 1
                && version.intValue() <= ManifestModel.FORMAT_VERSION) {
            return version.intValue();
        }
        return ManifestModel.FORMAT_VERSION;
    }
}
