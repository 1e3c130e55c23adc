package edu.sevenp.coursepackage;

import edu.sevenp.model.LessonFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A lesson's body as read from its package: Markdown as written, or HTML already reduced to safe elements. */
public record LessonBody(String text, LessonFormat format) {

    public LessonBody {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
    }

    /** The format a body path names by its extension (format 2); empty when it names neither. */
    static Optional<LessonFormat> formatOf(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md")) {
            return Optional.of(LessonFormat.MARKDOWN);
        }
        if (lower.endsWith(".html")) {
            return Optional.of(LessonFormat.HTML);
        }
        return Optional.empty();
    }
}
