package edu.sevenp.model.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The server tables a learner's changes are applied to; the outbox's entity column holds the code. */
public enum SyncEntity {
    USER_NOTES,
    USER_BOOKMARKS,
    LESSON_PROGRESS,
    ENROLLMENTS,
    COURSE_COMPLETIONS,
    QUIZ_ATTEMPTS;

    /** The word stored in the database and sent over the wire. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SyncEntity fromCode(String code) {
        for (SyncEntity value : values()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown sync entity '" + code + "'"
                + "; expected one of user_notes, user_bookmarks, lesson_progress, enrollments, course_completions, quiz_attempts");
    }
}
