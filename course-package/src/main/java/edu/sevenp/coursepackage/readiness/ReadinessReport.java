package edu.sevenp.coursepackage.readiness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a course package is ready: everything the import or the server would refuse (errors), what a learner
 * would notice (warnings), and the package's totals. Made by {@link ReadinessCheck}; shown by the command line
 * ({@link ReadinessText}, {@link ReadinessJson}) and meant for a panel just as well.
 *
 * @param source where the package was read from
 * @param items errors first, then warnings, each group in the order of its files
 */
public record ReadinessReport(String source, List<ReadinessItem> items, Totals totals) {

    public ReadinessReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(totals, "totals");
        items = List.copyOf(items);
    }

    public List<ReadinessItem> errors() {
        return of(Severity.ERROR);
    }

    public List<ReadinessItem> warnings() {
        return of(Severity.WARNING);
    }

    /** No errors: the player would import the package (warnings or not). */
    public boolean ready() {
        return errors().isEmpty();
    }

    /** The items of one severity by file, files in the order they first appear. */
    public Map<String, List<ReadinessItem>> byFile(Severity severity) {
        Map<String, List<ReadinessItem>> files = new LinkedHashMap<>();
        for (ReadinessItem item : of(severity)) {
            files.computeIfAbsent(item.file(), file -> new ArrayList<>()).add(item);
        }
        files.replaceAll((file, list) -> List.copyOf(list));
        return files;
    }

    private List<ReadinessItem> of(Severity severity) {
        return items.stream().filter(item -> item.severity() == severity).toList();
    }
}
