package edu.sevenp.desktop.profiles;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a profile may be called. The name is the profile's folder ({@code profiles/<name>}) and what {@code --profile}
 * takes, so it is kept to what every file system stores the same way: 1 to 40 lower-case letters, digits, - or _,
 * starting with a letter or digit.
 */
public final class ProfileNames {

    public static final int MAX_LENGTH = 40;
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHERS = Pattern.compile("[^a-z0-9_-]+");

    private ProfileNames() {
    }

    /** What is wrong with a name, for words of the caller's choosing. */
    public enum Problem { BLANK, TOO_LONG, CHARACTERS }

    /** What is wrong with {@code name}; empty when it can name a profile. */
    public static Optional<Problem> check(String name) {
        if (valid(name)) {
            return Optional.empty();
        }
        if (name == null || name.isBlank()) {
            return Optional.of(Problem.BLANK);
        }
        return Optional.of(name.length() > MAX_LENGTH ? Problem.TOO_LONG : Problem.CHARACTERS);
    }

    public static boolean valid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Why {@code name} cannot name a profile, in words for the learner (with a name that can); empty when it can. */
    public static Optional<String> problem(String name) {
        return check(name).map(problem -> switch (problem) {
            case BLANK -> "Enter a name for the profile.";
            case TOO_LONG -> "A profile name is at most " + MAX_LENGTH + " characters; this one has " + name.length() + ".";
            case CHARACTERS -> {
                String rule = "A profile name uses lower-case letters, digits, - and _ only, and starts with a letter or digit.";
                yield suggestion(name).map(better -> rule + " Try \u201c" + better + "\u201d.").orElse(rule);
            }
        });
    }

    /**
     * The nearest valid name to what was typed: "Ana Lima" becomes "ana-lima", "José" becomes "jose". Empty when
     * nothing usable is left.
     */
    public static Optional<String> suggestion(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String plain = MARKS.matcher(Normalizer.normalize(typed.strip(), Normalizer.Form.NFD)).replaceAll("");
        String name = OTHERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-");
        name = name.replaceAll("^[-_]+", "");
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH);
        }
        name = name.replaceAll("-+$", "");
        return valid(name) ? Optional.of(name) : Optional.empty();
    }
}
