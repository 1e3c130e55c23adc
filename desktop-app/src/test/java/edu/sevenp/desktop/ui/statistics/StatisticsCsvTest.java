package edu.sevenp.desktop.ui.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.model.protocol.CourseFigures;
import edu.sevenp.model.protocol.CourseStatistics;
import edu.sevenp.model.protocol.CourseStatistics.LessonReach;
import edu.sevenp.model.protocol.CourseStatistics.MissedQuestion;
import edu.sevenp.model.protocol.CourseStatistics.ProgressBucket;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatisticsCsvTest {

    private static final UUID COURSE = UUID.fromString("2ca8badd-0000-4000-8000-000000000001");
    private static final UUID LESSON = UUID.fromString("2ca8badd-0000-4000-8000-000000000002");
    private static final UUID QUESTION = UUID.fromString("2ca8badd-0000-4000-8000-000000000003");
    private static final UUID QUIZ = UUID.fromString("2ca8badd-0000-4000-8000-000000000004");
    private static final OffsetDateTime FETCHED = OffsetDateTime.parse("2026-12-06T10:05:00Z");
    private static final OffsetDateTime REFRESHED = OffsetDateTime.parse("2026-12-06T10:00:00Z");

    @Test
    void writesEverySectionWithPlainNumbersAndQuotedTexts() {
        CourseStatistics statistics = new CourseStatistics(
                new CourseFigures(COURSE, "SQL, joins", 3, 1, new BigDecimal("33.33"), new BigDecimal("41.67"),
                        new BigDecimal("4.00"), 1, "USD", new BigDecimal("0.00"), REFRESHED),
                IntStream.rangeClosed(0, 10).mapToObj(i -> new ProgressBucket(i * 10, i == 10 ? 100 : i * 10 + 9,
                        i == 0 ? 1 : i == 2 ? 1 : i == 10 ? 1 : 0)).toList(),
                List.of(new LessonReach(LESSON, "Inner \"joins\"", 2, 1)),
                List.of(new MissedQuestion(QUESTION, QUIZ, "Final exam", "=SUM(A1)", 2, 3)), FETCHED);

        String csv = new StatisticsCsv(new StatisticsTexts(Locale.ENGLISH)).write(statistics, FETCHED);

        assertThat(csv.split("\r\n", -1)).containsExactly(
                "Course,\"SQL, joins\"",
                "Course id,2ca8badd-0000-4000-8000-000000000001",
                "Fetched at,2026-12-06T10:05Z",
                "Figures computed at,2026-12-06T10:00Z",
                "",
                "Figure,Value",
                "Enrollments,3",
                "Completions,1",
                "Completion rate (%),33.33",
                "Average progress (%),41.67",
                "Average rating,4.00",
                "Reviews,1",
                "Revenue (USD),0.00",
                "",
                "Progress from (%),Progress to (%),Learners",
                "0,9,1", "10,19,0", "20,29,1", "30,39,0", "40,49,0", "50,59,0", "60,69,0", "70,79,0", "80,89,0",
                "90,99,0", "100,100,1",
                "",
                "Lesson id,Lesson,Reached,Completed",
                "2ca8badd-0000-4000-8000-000000000002,\"Inner \"\"joins\"\"\",2,1",
                "",
                "Question id,Quiz,Question,Wrong,Answered",
                "2ca8badd-0000-4000-8000-000000000003,Final exam,'=SUM(A1),2,3",
                "");
    }

    @Test
    void aCourseWithoutEnrollmentsLeavesItsAveragesEmpty() {
        CourseStatistics statistics = new CourseStatistics(new CourseFigures(COURSE, "New", 0, 0, null, null, null, 0, "EUR",
                BigDecimal.ZERO, REFRESHED), List.of(), List.of(), List.of(), FETCHED);

        String csv = new StatisticsCsv(new StatisticsTexts(Locale.GERMAN)).write(statistics, FETCHED);

        assertThat(csv).contains("Abschlussquote (%),\r\n", "Durchschnittliche Bewertung,\r\n", "Umsatz (EUR),0\r\n");
    }
}
