package edu.sevenp.desktop.search;

/** What a search result is. */
public enum HitType {
    /** A lesson of a course: matched in its title or its text. */
    LESSON("lesson"),
    /** A quiz: matched in its title, description, questions or options (never its answers). */
    QUIZ("quiz"),
    /** One of the learner's notes. */
    NOTE("note");

    private final String code;

    HitType(String code) {
        this.code = code;
    }

    /** The value stored in the index. */
    String code() {
        return code;
    }

    static HitType of(String code) {
        for (HitType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown search document type " + code);
    }
}
