package edu.sevenp.desktop.ui.statistics;

import edu.sevenp.model.protocol.CourseFigures;
import edu.sevenp.model.protocol.CourseStatistics;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One course's statistics as one CSV file (RFC 4180: commas, CRLF, quotes doubled), in sections separated by an
 * empty line: the course and when the figures were fetched, the headline figures, the progress distribution, the
 * lessons' reach and the most-missed questions. Headings in the instructor's language; numbers plain (a dot for
 * decimals), times ISO-8601, so that a spreadsheet reads them as numbers and times.
 */
final class StatisticsCsv {

    private static final String LINE = "\r\n";

    private final StatisticsTexts texts;

    StatisticsCsv(StatisticsTexts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    String write(CourseStatistics statistics, OffsetDateTime fetchedAt) {
        CourseFigures figures = statistics.figures();
        StringBuilder csv = new StringBuilder();
        row(csv, texts.text("csv.course"), figures.title());
        row(csv, texts.text("csv.courseId"), figures.courseId().toString());
        row(csv, texts.text("csv.fetchedAt"), fetchedAt.toString());
        row(csv, texts.text("csv.refreshedAt"), figures.refreshedAt() == null ? "" : figures.refreshedAt().toString());
        csv.append(LINE);
        row(csv, texts.text("csv.figure"), texts.text("csv.value"));
        row(csv, texts.text("csv.enrollments"), Long.toString(figures.enrollments()));
        row(csv, texts.text("csv.completions"), Long.toString(figures.completions()));
        row(csv, texts.text("csv.completionRate"), plain(figures.completionRate()));
        row(csv, texts.text("csv.averageProgress"), plain(figures.averageProgress()));
        row(csv, texts.text("csv.averageRating"), plain(figures.averageRating()));
        row(csv, texts.text("csv.reviews"), Long.toString(figures.reviews()));
        row(csv, texts.text("csv.revenue", figures.currency()), plain(figures.revenue()));
        csv.append(LINE);
        row(csv, texts.text("csv.progressFrom"), texts.text("csv.progressTo"), texts.text("csv.learners"));
        statistics.progress().forEach(bucket -> row(csv, Integer.toString(bucket.from()), Integer.toString(bucket.to()),
                Long.toString(bucket.learners())));
        csv.append(LINE);
        row(csv, texts.text("csv.lessonId"), texts.text("csv.lesson"), texts.text("csv.reached"), texts.text("csv.completed"));
        statistics.lessons().forEach(lesson -> row(csv, lesson.lessonId().toString(), lesson.title(),
                Long.toString(lesson.reached()), Long.toString(lesson.completed())));
        csv.append(LINE);
        row(csv, texts.text("csv.questionId"), texts.text("csv.quiz"), texts.text("csv.question"), texts.text("csv.wrong"),
                texts.text("csv.answered"));
        statistics.missedQuestions().forEach(question -> row(csv, question.questionId().toString(), question.quizTitle(),
                question.text(), Long.toString(question.wrong()), Long.toString(question.answered())));
        return csv.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static void row(StringBuilder csv, String... cells) {
        csv.append(String.join(",", List.of(cells).stream().map(StatisticsCsv::cell).toList())).append(LINE);
    }

    /** Quoted when it holds a comma, a quote or a line break; a leading =, +, - or @ is kept from being a formula. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
