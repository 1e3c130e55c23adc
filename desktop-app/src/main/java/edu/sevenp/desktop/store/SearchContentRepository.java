package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_QUIZZES;
import static edu.sevenp.desktop.store.schema.Tables.QUIZ_QUESTIONS;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.json.JsonMapperFactory;
import java.util.ArrayList;
import edu.sevenp.model.LessonFormat;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * What the offline search index reads: the searchable text of lessons, quizzes and notes. Quizzes
 * are read without their answer keys and explanations (the columns are never selected), so the index
 * cannot leak them, not even those of practice quizzes that the device holds.
 */
public final class SearchContentRepository {

    private static final ObjectMapper JSON_MAPPER = JsonMapperFactory.create();

    /**
     * A lesson's title and body.
     *
     * @param body the body as stored, Markdown or HTML as {@code format} says
     */
    public record LessonText(UUID lessonId, UUID courseId, UUID sectionId, String title, String body, LessonFormat format) {
    }

    /**
     * A quiz's public text: title, description, question texts and the option texts the learner picks
     * from. {@code lessonId} is null for a quiz of the whole course.
     */
    public record QuizText(UUID quizId, UUID courseId, UUID lessonId, String title, String description,
                           List<String> questions, List<String> options) {

        public QuizText {
            questions = List.copyOf(questions);
            options = List.copyOf(options);
        }
    }

    /** A note of the learner's, with the title of the lesson it belongs to. */
    public record NoteText(UUID noteId, UUID courseId, UUID lessonId, String lessonTitle, String content) {
    }

    private final DSLContext dsl;

    SearchContentRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** Every lesson of the given courses. */
    public List<LessonText> lessonsOf(Collection<UUID> courseIds) {
        return dsl.select(COURSE_LESSONS.ID, COURSE_LESSONS.COURSE_ID, COURSE_LESSONS.SECTION_ID, COURSE_LESSONS.TITLE,
                        COURSE_LESSONS.CONTENT, COURSE_LESSONS.CONTENT_FORMAT)
                .from(COURSE_LESSONS)
                .where(COURSE_LESSONS.COURSE_ID.in(courseIds))
                .orderBy(COURSE_LESSONS.COURSE_ID, COURSE_LESSONS.SECTION_ID, COURSE_LESSONS.ORDER_INDEX)
                .fetch(row -> new LessonText(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5() == null ? "" : row.value5(), LessonFormat.fromCode(row.value6())));
    }

    /** Every active quiz of the given courses, with its questions in order (never their answers). */
    public List<QuizText> quizzesOf(Collection<UUID> courseIds) {
        var quizzes = dsl.select(COURSE_QUIZZES.ID, COURSE_QUIZZES.COURSE_ID, COURSE_QUIZZES.LESSON_ID,
                        COURSE_QUIZZES.TITLE, COURSE_QUIZZES.DESCRIPTION)
                .from(COURSE_QUIZZES)
                .where(COURSE_QUIZZES.COURSE_ID.in(courseIds), COURSE_QUIZZES.IS_ACTIVE.isTrue())
                .orderBy(COURSE_QUIZZES.COURSE_ID, COURSE_QUIZZES.ID)
                .fetch();
        if (quizzes.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Record3<UUID, String, JSON>>> questions = new LinkedHashMap<>();
        dsl.select(QUIZ_QUESTIONS.QUIZ_ID, QUIZ_QUESTIONS.QUESTION_TEXT, QUIZ_QUESTIONS.OPTIONS)
                .from(QUIZ_QUESTIONS)
                .where(QUIZ_QUESTIONS.QUIZ_ID.in(quizzes.map(quiz -> quiz.value1())))
                .orderBy(QUIZ_QUESTIONS.QUIZ_ID, QUIZ_QUESTIONS.ORDER_INDEX)
                .forEach(row -> questions.computeIfAbsent(row.value1(), id -> new ArrayList<>()).add(row));
        return quizzes.map(quiz -> {
            List<String> texts = new ArrayList<>();
            List<String> options = new ArrayList<>();
            for (Record3<UUID, String, JSON> question : questions.getOrDefault(quiz.value1(), List.of())) {
                texts.add(question.value2());
                options.addAll(optionTexts(question.value3()));
            }
            return new QuizText(quiz.value1(), quiz.value2(), quiz.value3(), quiz.value4(),
                    quiz.value5() == null ? "" : quiz.value5(), texts, options);
        });
    }

    /** The notes on lessons of the given courses. */
    public List<NoteText> notesOf(Collection<UUID> courseIds) {
        return notesWhere(USER_NOTES.COURSE_ID.in(courseIds));
    }

    /** The notes with the given ids that still exist. */
    public List<NoteText> notes(Collection<UUID> noteIds) {
        return notesWhere(USER_NOTES.ID.in(noteIds));
    }

    private List<NoteText> notesWhere(Condition condition) {
        // A note from a removed lesson (no lesson) is still found, under the title its lesson had.
        return dsl.select(USER_NOTES.ID, USER_NOTES.COURSE_ID, USER_NOTES.LESSON_ID,
                        DSL.coalesce(COURSE_LESSONS.TITLE, USER_NOTES.REMOVED_LESSON_TITLE), USER_NOTES.CONTENT)
                .from(USER_NOTES)
                .leftJoin(COURSE_LESSONS).on(COURSE_LESSONS.ID.eq(USER_NOTES.LESSON_ID))
                .where(condition)
                .orderBy(USER_NOTES.ID)
                .fetch(row -> new NoteText(row.value1(), row.value2(), row.value3(), row.value4(), row.value5()));
    }

    /**
     * The texts a learner chooses from: the strings of an options array, or the {@code text} (else
     * {@code label}) of its objects. Anything else an option object carries (a correctness flag,
     * feedback) is left out on purpose.
     */
    private static List<String> optionTexts(JSON options) {
        if (options == null) {
            return List.of();
        }
        JsonNode tree;
        try {
            tree = JSON_MAPPER.readTree(options.data());
        } catch (JsonProcessingException e) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        if (tree != null && tree.isArray()) {
            for (JsonNode option : tree) {
                if (option.isTextual()) {
                    texts.add(option.asText());
                } else if (option.isObject()) {
                    JsonNode text = option.hasNonNull("text") ? option.get("text") : option.get("label");
                    if (text != null && text.isTextual()) {
                        texts.add(text.asText());
                    }
                }
            }
        }
        return texts;
    }
}
