package edu.sevenp.desktop.library;

import edu.sevenp.coursepackage.PackageProblem;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A course package's problems in the learner's language, for the import dialog and the preview: each
 * {@link edu.sevenp.coursepackage.problem.ProblemCode} has a translation in the {@code problems} bundle beside this class
 * (German in {@code problems_de.properties}), keyed by the code's name. English, and any language without a bundle,
 * says the code's own English words, the same as the server and {@code --validate}, so there is one English text.
 */
public final class ProblemWords {

    private static final String BUNDLE = ProblemWords.class.getPackageName() + ".problems";

    private final Locale locale;
    private final ResourceBundle words;

    public ProblemWords(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        // No fallback to the default locale: English asked for while the default is German is the (empty) base bundle.
        this.words = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** In the default locale: the learner's language, set before any service or window is built. */
    public static ProblemWords ofDefaultLocale() {
        return new ProblemWords(Locale.getDefault());
    }

    /** What is wrong: {@code darf nicht leer sein}. */
    public String message(PackageProblem problem) {
        String key = problem.code().name();
        String pattern = words.containsKey(key) ? words.getString(key) : problem.code().english();
        return problem.format(pattern, locale);
    }

    /** As {@link PackageProblem#toString()}, in these words: {@code manifest.json:12: sections[0].title: …}. */
    public String line(PackageProblem problem) {
        return problem.file() + (problem.line() > 0 ? ":" + problem.line() : "") + ": "
                + (problem.field().isEmpty() ? "" : problem.field() + ": ") + message(problem);
    }
}
