package edu.sevenp.desktop.search;

import edu.sevenp.coursepackage.html.SafeHtml;
import edu.sevenp.desktop.store.SearchContentRepository.LessonText;
import edu.sevenp.desktop.store.SearchContentRepository.NoteText;
import edu.sevenp.desktop.store.SearchContentRepository.QuizText;
import edu.sevenp.model.LessonFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;

/** Turns lessons, quizzes and notes into index documents. */
final class SearchDocuments {

    private final MarkdownText markdown = new MarkdownText();

    Document lesson(LessonText lesson) {
        Document document = common(HitType.LESSON, lesson.lessonId(), lesson.courseId(), lesson.lessonId(), lesson.title());
        document.add(new StringField(IndexFields.SECTION, lesson.sectionId().toString(), Field.Store.YES));
        document.add(new Field(IndexFields.TITLE, lesson.title(), IndexFields.TEXT));
        String text = lesson.format() == LessonFormat.HTML ? SafeHtml.plainText(lesson.body()) : markdown.plainText(lesson.body());
        document.add(new Field(IndexFields.BODY, text, IndexFields.TEXT));
        return document;
    }

    /** Title, description, questions and options; a quiz's answers never reach this class. */
    Document quiz(QuizText quiz) {
        Document document = common(HitType.QUIZ, quiz.quizId(), quiz.courseId(), quiz.lessonId(), quiz.title());
        document.add(new Field(IndexFields.TITLE, quiz.title(), IndexFields.TEXT));
        List<String> lines = new ArrayList<>();
        if (!quiz.description().isBlank()) {
            lines.add(quiz.description().strip());
        }
        lines.addAll(quiz.questions());
        lines.addAll(quiz.options());
        document.add(new Field(IndexFields.BODY, String.join("\n", lines), IndexFields.TEXT));
        return document;
    }

    /** A note is found by its own words only; its lesson's title is shown, not searched. */
    Document note(NoteText note) {
        Document document = common(HitType.NOTE, note.noteId(), note.courseId(), note.lessonId(), note.lessonTitle());
        document.add(new Field(IndexFields.BODY, note.content(), IndexFields.TEXT));
        return document;
    }

    static Term key(HitType type, UUID id) {
        return new Term(IndexFields.KEY, type.code() + ":" + id);
    }

    /** Every document of a course: its lessons, its quizzes and the notes on it. */
    static Term course(UUID courseId) {
        return new Term(IndexFields.COURSE, courseId.toString());
    }

    private static Document common(HitType type, UUID id, UUID courseId, UUID lessonId, String displayTitle) {
        Document document = new Document();
        document.add(new StringField(IndexFields.KEY, key(type, id).text(), Field.Store.NO));
        document.add(new StringField(IndexFields.TYPE, type.code(), Field.Store.YES));
        document.add(new StringField(IndexFields.ID, id.toString(), Field.Store.YES));
        document.add(new StringField(IndexFields.COURSE, courseId.toString(), Field.Store.YES));
        if (lessonId != null) {
            document.add(new StringField(IndexFields.LESSON, lessonId.toString(), Field.Store.YES));
        }
        document.add(new StoredField(IndexFields.DISPLAY_TITLE, displayTitle));
        return document;
    }
}
