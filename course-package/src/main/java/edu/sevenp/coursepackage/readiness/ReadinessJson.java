package edu.sevenp.coursepackage.readiness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The report as one JSON object for scripts; its shape is documented in docs/course-package.md ("Readiness report")
 * and is a contract: fields are only ever added.
 */
public final class ReadinessJson {

    private ReadinessJson() {
    }

    public static ObjectNode of(ReadinessReport report, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("source", report.source());
        json.put("ready", report.ready());
        json.put("errors", report.errors().size());
        json.put("warnings", report.warnings().size());
        ObjectNode totals = json.putObject("totals");
        totals.put("downloadBytes", report.totals().downloadBytes());
        totals.put("lessons", report.totals().lessons());
        totals.put("quizzes", report.totals().quizzes());
        totals.put("estimatedHours", BigDecimal.valueOf(report.totals().estimatedHours()).setScale(2, RoundingMode.HALF_UP));
        ArrayNode items = json.putArray("items");
        for (ReadinessItem item : report.items()) {
            ObjectNode entry = items.addObject();
            entry.put("severity", item.severity().name().toLowerCase(Locale.ROOT));
            entry.put("check", item.check().code());
            entry.put("file", item.file());
            if (item.line() > 0) {
                entry.put("line", item.line());
            } else {
                entry.putNull("line");
            }
            if (item.field().isEmpty()) {
                entry.putNull("field");
            } else {
                entry.put("field", item.field());
            }
            entry.put("message", item.message());
            item.lessonId().ifPresentOrElse(id -> entry.put("lessonId", id.toString()), () -> entry.putNull("lessonId"));
        }
        return json;
    }
}
