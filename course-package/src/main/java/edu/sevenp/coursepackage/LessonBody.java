package edu.sevenp.coursepackage;

import edu.sevenp.model.LessonFormat;
import java.util.Objects;

/** A lesson's body as read from its package: Markdown as written, or HTML already reduced to safe elements. */
public record LessonBody(String text, LessonFormat format) {

    public LessonBody {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
    }
}
