package edu.sevenp.server.sync;

import edu.sevenp.model.protocol.rows.CourseRow;
import edu.sevenp.model.protocol.rows.LessonRow;
import edu.sevenp.model.protocol.rows.NoteRow;
import edu.sevenp.model.protocol.rows.QuestionRow;
import edu.sevenp.model.protocol.rows.QuizAttemptRow;
import edu.sevenp.model.protocol.rows.SyncRow;

/**
 * About how many bytes a row takes on the wire, to keep an answer near its byte budget without writing every
 * row twice: a fixed share for names, ids and times, plus the texts that can be long.
 */
final class RowSize {

    private static final int FIXED = 400;

    private RowSize() {
    }

    static long of(SyncRow row) {
        if (row instanceof LessonRow lesson) {
            return FIXED + length(lesson.content()) + length(lesson.title());
        }
        if (row instanceof NoteRow note) {
            return FIXED + length(note.content());
        }
        if (row instanceof CourseRow course) {
            return 2 * FIXED + length(course.description()) + length(course.shortDescription());
        }
        if (row instanceof QuestionRow question) {
            return FIXED + length(question.questionText()) + length(question.explanation())
                    + (question.options() == null ? 0 : question.options().toString().length());
        }
        if (row instanceof QuizAttemptRow attempt) {
            return FIXED + (attempt.responses() == null ? 0 : attempt.responses().toString().length());
        }
        return FIXED;
    }

    /** A tombstone: entity and id. */
    static long ofDelete() {
        return 100;
    }

    private static int length(String text) {
        // Worst case for UTF-8 of the BMP: three bytes a character; JSON escaping adds little for text.
        return text == null ? 0 : text.length() * 3 / 2;
    }
}
