package edu.sevenp.desktop.store;

import static edu.sevenp.desktop.store.schema.Tables.COURSES;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_LESSONS;
import static edu.sevenp.desktop.store.schema.Tables.COURSE_SECTIONS;
import static edu.sevenp.desktop.store.schema.Tables.USERS;
import static edu.sevenp.desktop.store.schema.Tables.USER_NOTES;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

/**
 * Not a test: bulk data for the local-store benchmark (bench.LocalStoreBenchmark), written straight into
 * the store's tables in large batches. Text is drawn from a Zipf-distributed vocabulary, so common words have long
 * posting lists as in real prose.
 */
public final class StoreBenchmarkData {

    /** Ids of what was generated: lessons (with their course) for notes and queries. */
    public record Generated(List<UUID> courseIds, List<UUID[]> lessons, List<String> vocabulary) {
    }

    private final DSLContext dsl;
    private final Random random;
    private final List<String> vocabulary;
    private final double[] cumulative;

    public StoreBenchmarkData(LocalStore store, long seed, int vocabularySize) {
        this.dsl = store.dsl();
        this.random = new Random(seed);
        this.vocabulary = new ArrayList<>(vocabularySize);
        for (int i = 0; i < vocabularySize; i++) {
            vocabulary.add(word(i));
        }
        this.cumulative = new double[vocabularySize];
        double sum = 0;
        for (int i = 0; i < vocabularySize; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < vocabularySize; i++) {
            cumulative[i] /= sum;
        }
    }

    public Generated generate(int courses, int sectionsPerCourse, int lessonsPerSection, int notes, UUID userId) {
        UUID instructor = UUID.randomUUID();
        dsl.insertInto(USERS).set(USERS.ID, instructor).set(USERS.NAME, "Bench Instructor").execute();
        List<UUID> courseIds = new ArrayList<>();
        List<UUID[]> lessons = new ArrayList<>();
        for (int c = 0; c < courses; c += 100) {
            int upTo = Math.min(courses, c + 100);
            int first = c;
            dsl.transaction(configuration -> {
                DSLContext tx = configuration.dsl();
                BatchBindStep courseBatch = tx.batch(tx.insertInto(COURSES, COURSES.ID, COURSES.TITLE, COURSES.SLUG,
                        COURSES.INSTRUCTOR_ID).values((UUID) null, null, null, null));
                BatchBindStep sectionBatch = tx.batch(tx.insertInto(COURSE_SECTIONS, COURSE_SECTIONS.ID,
                        COURSE_SECTIONS.COURSE_ID, COURSE_SECTIONS.TITLE, COURSE_SECTIONS.ORDER_INDEX)
                        .values((UUID) null, null, null, null));
                BatchBindStep lessonBatch = tx.batch(tx.insertInto(COURSE_LESSONS, COURSE_LESSONS.ID,
                        COURSE_LESSONS.COURSE_ID, COURSE_LESSONS.SECTION_ID, COURSE_LESSONS.TITLE, COURSE_LESSONS.SLUG,
                        COURSE_LESSONS.CONTENT, COURSE_LESSONS.CONTENT_TYPE, COURSE_LESSONS.ORDER_INDEX)
                        .values((UUID) null, null, null, null, null, null, null, null));
                for (int i = first; i < upTo; i++) {
                    UUID course = UUID.randomUUID();
                    courseIds.add(course);
                    courseBatch.bind(course, title(4), "course-" + i, instructor);
                    for (int s = 1; s <= sectionsPerCourse; s++) {
                        UUID section = UUID.randomUUID();
                        sectionBatch.bind(section, course, title(3), s);
                        for (int l = 1; l <= lessonsPerSection; l++) {
                            UUID lesson = UUID.randomUUID();
                            lessons.add(new UUID[] {course, lesson});
                            lessonBatch.bind(lesson, course, section, title(4), "lesson-" + s + "-" + l, markdown(),
                                    "text", l);
                        }
                    }
                }
                courseBatch.execute();
                sectionBatch.execute();
                lessonBatch.execute();
            });
        }
        for (int n = 0; n < notes; n += 10_000) {
            int count = Math.min(10_000, notes - n);
            dsl.transaction(configuration -> {
                DSLContext tx = configuration.dsl();
                BatchBindStep noteBatch = tx.batch(tx.insertInto(USER_NOTES, USER_NOTES.ID, USER_NOTES.USER_ID,
                        USER_NOTES.LESSON_ID, USER_NOTES.COURSE_ID, USER_NOTES.CONTENT)
                        .values((UUID) null, null, null, null, null));
                for (int i = 0; i < count; i++) {
                    UUID[] lesson = lessons.get(random.nextInt(lessons.size()));
                    noteBatch.bind(UUID.randomUUID(), userId, lesson[1], lesson[0], sentence(10 + random.nextInt(50)));
                }
                noteBatch.execute();
            });
        }
        return new Generated(courseIds, lessons, vocabulary);
    }

    /** A word drawn with Zipf's law over the vocabulary. */
    public String zipfWord() {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return vocabulary.get(low);
    }

    private String title(int words) {
        return capitalised(sentence(2 + random.nextInt(words)));
    }

    /** A lesson body: a heading and three to five paragraphs, about 200 words. */
    public String markdown() {
        StringBuilder text = new StringBuilder("# ").append(title(4)).append("\n\n");
        int paragraphs = 3 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
            text.append(capitalised(sentence(20 + random.nextInt(25)))).append(". ")
                    .append(capitalised(sentence(10 + random.nextInt(15)))).append(".\n\n");
        }
        return text.toString();
    }

    private String sentence(int words) {
        return String.join(" ", repeat(words, i -> zipfWord()));
    }

    private static List<String> repeat(int count, IntFunction<String> word) {
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(word.apply(i));
        }
        return words;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Pronounceable, distinct, stemming-stable words: consonant-vowel syllables from the index. */
    private static String word(int index) {
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        StringBuilder word = new StringBuilder();
        int n = index + 30;
        do {
            word.append(consonants.charAt(n % consonants.length()));
            n /= consonants.length();
            word.append(vowels.charAt(n % vowels.length()));
            n /= vowels.length();
        } while (n > 0);
        return word.toString();
    }
}
