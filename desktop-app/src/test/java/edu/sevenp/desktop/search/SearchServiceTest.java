package edu.sevenp.desktop.search;

import static edu.sevenp.desktop.search.TestLibrary.found;
import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.search.TestLibrary.Course;
import edu.sevenp.desktop.search.TestLibrary.Found;
import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.SearchQueue;
import edu.sevenp.desktop.store.SearchableWrites;
import edu.sevenp.desktop.store.SearchableWrites.Question;
import edu.sevenp.model.LessonId;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SearchServiceTest {

    @TempDir
    Path temp;

    private final LocalStore store = LocalStore.openInMemory("search-" + UUID.randomUUID());
    private final SearchableWrites writes = new SearchableWrites(store);
    private TestLibrary library;
    private Course databases;
    private SearchService search;

    @BeforeEach
    void importAndOpen() {
        library = new TestLibrary(store, temp);
        databases = library.add("Relational databases",
                "Joins", "A join combines rows from two tables. An inner join keeps matching rows only.",
                "Inner matching", "An inner join keeps the rows that match.",
                "Transactions", "Commit or roll back as one unit.",
                "Locks", "Locks protect transactions from each other, and transactions wait for locks.",
                "Keys", "Every table has a primary key; see [the manual](https://example.com/keys-manual).\n\n"
                        + "```sql\nSELECT name FROM students\n```\n",
                "Windowing functions", "Rank rows within a partition.");
        search = SearchService.open(store, Runnable::run, status -> { });
    }

    @AfterEach
    void close() {
        search.close();
        store.close();
    }

    @Test
    void anHtmlLessonIsFoundByItsWordsNotItsMarkup() {
        writes.rewriteLessonAsHtml(databases.uuid(), databases.lesson(2).value(),
                "<p>Every <strong>isolation</strong> level trades safety for speed.</p>");

        assertThat(found(search.search("isolation", 10))).containsExactly(databases.lessonHit(2));
        assertThat(search.search("strong", 10).hits()).isEmpty();
    }

    @Test
    void findsLessonsByTitleWords() {
        assertThat(found(search.search("windowing", 10))).containsExactly(databases.lessonHit(5));
    }

    @Test
    void findsLessonsByBodyWords() {
        assertThat(found(search.search("partition", 10))).containsExactly(databases.lessonHit(5));
    }

    @Test
    void aTitleMatchRanksAboveABodyMatch() {
        // "Locks" says "transactions" twice in its text; "Transactions" has the word only in its title.
        assertThat(found(search.search("transactions", 10))).containsExactly(databases.lessonHit(2), databases.lessonHit(3));
    }

    @Test
    void stemmingFindsTheSingularForThePlural() {
        // "Inner matching" says only "join"; "Joins" has it in its title and text.
        assertThat(found(search.search("joins", 10))).containsExactlyInAnyOrder(databases.lessonHit(0), databases.lessonHit(1));
    }

    @Test
    void everyWordMustMatch() {
        assertThat(found(search.search("join combines", 10))).containsExactly(databases.lessonHit(0));
    }

    @Test
    void quotedWordsMatchAsAPhrase() {
        assertThat(found(search.search("\"primary key\"", 10))).containsExactly(databases.lessonHit(4));
        assertThat(found(search.search("\"key primary\"", 10))).isEmpty();
    }

    @Test
    void aTrailingStarMatchesWordsThatStartSo() {
        assertThat(found(search.search("partit*", 10))).containsExactly(databases.lessonHit(5));
    }

    @Test
    void snippetsMarkTheMatchedWords() {
        SearchHit hit = search.search("combines", 10).hits().get(0);

        assertThat(hit.snippet().marked())
                .isEqualTo("A join «combines» rows from two tables. An inner join keeps matching rows only.");
        assertThat(hit.snippet()).isEqualTo(new Snippet(
                "A join combines rows from two tables. An inner join keeps matching rows only.",
                List.of(new Snippet.Mark(7, 15))));
    }

    @Test
    void aResultCarriesItsIdsAndTitle() {
        SearchHit hit = search.search("partition", 10).hits().get(0);

        assertThat(hit).usingRecursiveComparison().ignoringFields("score").isEqualTo(new SearchHit(HitType.LESSON,
                databases.lesson(5).value(), databases.id(), databases.lesson(5), databases.section(), "Windowing functions",
                new Snippet("Rank rows within a partition.", List.of(new Snippet.Mark(19, 28))), 0f));
        assertThat(hit.score()).isPositive();
    }

    @Test
    void markdownIsIndexedAsTextWithoutLinkTargets() {
        assertThat(found(search.search("manual", 10))).containsExactly(databases.lessonHit(4));
        assertThat(found(search.search("students", 10))).containsExactly(databases.lessonHit(4));
        assertThat(found(search.search("https", 10))).isEmpty();
        assertThat(found(search.search("example.com", 10))).isEmpty();
    }

    @Test
    void quizTitlesQuestionsAndOptionsAreFound() {
        UUID quiz = writes.addQuiz(databases.uuid(), databases.lesson(0).value(), "graded", "Check your joins",
                "Five minutes on combining tables.",
                List.of(Question.multipleChoice("Which join keeps unmatched rows of the left table?",
                        "[\"inner\", \"left outer\", {\"text\": \"cartesian\", \"correct\": false}]")));
        Found quizHit = new Found(HitType.QUIZ, quiz, "Check your joins");

        assertThat(found(search.search("check", 10))).containsExactly(quizHit);
        assertThat(found(search.search("unmatched", 10))).containsExactly(quizHit);
        assertThat(found(search.search("cartesian", 10))).containsExactly(quizHit);
        assertThat(found(search.search("five minutes", 10))).containsExactly(quizHit);
        assertThat(search.search("unmatched", 10).hits().get(0).lesson()).isEqualTo(databases.lesson(0));
    }

    @Test
    void answersAndExplanationsOfPracticeQuizzesAreNotFound() {
        writes.addQuiz(databases.uuid(), null, "practice", "Practice round", "",
                List.of(new Question("Which fish is the model organism of the lab?", "short_answer", null, null, null)
                        .withKey("\"zebrafish\"", "Transparent embryos make it ideal."),
                        Question.multipleChoice("Pick a key type", "[\"surrogate\", \"natural\"]")
                                .withKey("\"surrogate\"", "Generated values never change.")));

        assertThat(found(search.search("organism", 10))).extracting(Found::type).containsExactly(HitType.QUIZ);
        assertThat(found(search.search("zebrafish", 10))).isEmpty();
        assertThat(found(search.search("embryos", 10))).isEmpty();
        assertThat(found(search.search("generated", 10))).isEmpty();
    }

    @Test
    void aNoteIsFoundRightAfterItIsWritten() {
        UUID note = writes.writeNote(databases.uuid(), databases.lesson(1).value(), "Ask about the aardvark example");

        SearchResults results = search.search("aardvark", 10);

        assertThat(found(results)).containsExactly(new Found(HitType.NOTE, note, "Inner matching"));
        assertThat(results.complete()).isTrue();
        assertThat(results.hits().get(0).lesson()).isEqualTo(databases.lesson(1));
        assertThat(results.hits().get(0).snippet().marked()).isEqualTo("Ask about the «aardvark» example");
    }

    @Test
    void anEditedNoteIsFoundByItsNewWordsAndNotItsOld() {
        UUID note = writes.writeNote(databases.uuid(), databases.lesson(1).value(), "aardvark");
        search.search("aardvark", 10);

        writes.editNote(note, "platypus");

        assertThat(found(search.search("platypus", 10))).containsExactly(new Found(HitType.NOTE, note, "Inner matching"));
        assertThat(found(search.search("aardvark", 10))).isEmpty();
    }

    @Test
    void aDeletedNoteIsGone() {
        UUID note = writes.writeNote(databases.uuid(), databases.lesson(1).value(), "aardvark");
        search.search("aardvark", 10);

        writes.deleteNote(note);

        assertThat(found(search.search("aardvark", 10))).isEmpty();
    }

    @Test
    void aReimportedCourseIsFoundByTheNewLessonTitleAndNotTheOld() {
        databases.fixture().lesson(0, 5).put("title", "Analytic functions");
        databases.fixture().version("1.1.0");

        library.reimport(databases.fixture());

        assertThat(found(search.search("analytic", 10)))
                .containsExactly(new Found(HitType.LESSON, databases.lesson(5).value(), "Analytic functions"));
        assertThat(found(search.search("windowing", 10))).isEmpty();
    }

    @Test
    void aNoteOfALessonDroppedByANewVersionStaysFoundUnderTheLessonsOldTitle() {
        UUID note = writes.writeNote(databases.uuid(), databases.lesson(5).value(), "aardvark");
        String title = databases.fixture().lesson(0, 5).get("title").asText();
        search.search("aardvark", 10);
        ((com.fasterxml.jackson.databind.node.ArrayNode) databases.fixture().section(0).get("lessons")).remove(5);
        databases.fixture().version("1.1.0");

        library.reimport(databases.fixture());

        // The note outlives its lesson (issue 11); the lesson's own text leaves the index.
        assertThat(found(search.search("aardvark", 10))).containsExactly(new Found(HitType.NOTE, note, title));
        assertThat(found(search.search("windowing", 10))).isEmpty();
    }

    @Test
    void aNoteShowsTheCurrentTitleOfItsLesson() {
        UUID note = writes.writeNote(databases.uuid(), databases.lesson(5).value(), "aardvark");
        search.search("aardvark", 10);
        databases.fixture().lesson(0, 5).put("title", "Analytic functions");
        databases.fixture().version("1.1.0");

        library.reimport(databases.fixture());

        assertThat(found(search.search("aardvark", 10))).containsExactly(new Found(HitType.NOTE, note, "Analytic functions"));
    }

    @Test
    void aCourseFilterKeepsOtherCoursesOut() {
        Course other = library.add("Spreadsheets", "Pivot tables", "Pivot tables summarise rows.");

        assertThat(found(search.search("rows", 10, other.id()))).containsExactly(other.lessonHit(0));
        assertThat(found(search.search("rows", 10))).hasSize(4);
    }

    @Test
    void anEmptyQueryFindsNothing() {
        assertThat(search.search("", 10)).isEqualTo(new SearchResults(List.of(), true));
        assertThat(search.search("   ", 10)).isEqualTo(new SearchResults(List.of(), true));
        assertThat(search.search("the and of", 10)).isEqualTo(new SearchResults(List.of(), true));
    }

    static Stream<Arguments> malformedInput() {
        return Stream.of(
                Arguments.of("title:(foo \"", List.of()),
                Arguments.of("*", List.of()),
                Arguments.of("\"", List.of()),
                Arguments.of("\\", List.of()),
                Arguments.of("-", List.of()),
                Arguments.of("-locks", List.of()),
                Arguments.of("((((", List.of()),
                Arguments.of("a*", List.of()),
                Arguments.of("[a TO z]", List.of()),
                Arguments.of("partition~", List.of("Windowing functions")),
                Arguments.of("partition~2", List.of()),
                Arguments.of("partition\"", List.of("Windowing functions")),
                Arguments.of("(partition) AND", List.of("Windowing functions")),
                Arguments.of("body:partition", List.of()),
                Arguments.of("partition^ ||| &&", List.of("Windowing functions")),
                Arguments.of("partition " + "x".repeat(10_000), List.of()));
    }

    @ParameterizedTest
    @MethodSource("malformedInput")
    void malformedInputFindsWhatItsWordsFindAndNeverThrows(String input, List<String> titles) {
        assertThat(search.search(input, 10).hits()).extracting(SearchHit::title).containsExactlyElementsOf(titles);
    }

    @Test
    void profilesDoNotSeeEachOthersNotes() {
        try (LocalStore otherProfile = LocalStore.openInMemory("search-other-" + UUID.randomUUID());
             SearchService otherSearch = SearchService.open(otherProfile, Runnable::run, status -> { })) {
            Course sameCourse = new TestLibrary(otherProfile, temp.resolve("other")).add("Relational databases",
                    "Joins", "A join combines rows from two tables.");
            UUID theirs = new SearchableWrites(otherProfile).writeNote(sameCourse.uuid(), sameCourse.lesson(0).value(),
                    "wombat");
            UUID mine = writes.writeNote(databases.uuid(), databases.lesson(0).value(), "aardvark");

            assertThat(found(otherSearch.search("wombat", 10))).containsExactly(new Found(HitType.NOTE, theirs, "Joins"));
            assertThat(found(otherSearch.search("aardvark", 10))).isEmpty();
            assertThat(found(search.search("aardvark", 10))).containsExactly(new Found(HitType.NOTE, mine, "Joins"));
            assertThat(found(search.search("wombat", 10))).isEmpty();
        }
    }

    @Test
    void entriesDoneAgainAfterACrashBeforeTheirRemovalChangeNothing() {
        UUID note = writes.writeNote(databases.uuid(), databases.lesson(0).value(), "aardvark rows");
        List<Found> before = found(search.search("rows", 20));

        // The indexer committed the index, then "crashed" before removing the entries.
        writes.requeue(SearchQueue.DocType.NOTE, note);
        writes.requeue(SearchQueue.DocType.COURSE, databases.uuid());
        writes.requeue(SearchQueue.DocType.NOTE, note);

        assertThat(found(search.search("rows", 20))).containsExactlyInAnyOrderElementsOf(before).hasSize(4);
        search.close();
        assertThat(store.searchQueue().size()).isZero();
    }

    @Test
    void lessonIdsOfResultsOpenTheRightLesson() {
        UUID note = writes.writeNote(databases.uuid(), databases.lesson(3).value(), "aardvark");

        assertThat(search.search("aardvark", 10).hits()).extracting(SearchHit::id, SearchHit::lesson)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(note, new LessonId(databases.lesson(3).value())));
    }
}
