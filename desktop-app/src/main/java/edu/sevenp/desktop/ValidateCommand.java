package edu.sevenp.desktop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.coursepackage.PackagePurpose;
import edu.sevenp.coursepackage.readiness.ReadinessCheck;
import edu.sevenp.coursepackage.readiness.ReadinessJson;
import edu.sevenp.coursepackage.readiness.ReadinessReport;
import edu.sevenp.coursepackage.readiness.ReadinessText;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code --validate <package> [--json]}: prints a course package's readiness report, in words or as one JSON object
 * (docs/course-package.md, "Readiness report"). Exit code 0 when the package has no errors (warnings or not), 1 when
 * it has errors or cannot be read. Headless and quick: it opens no window and no profile, only the package, and it
 * checks by the rules of this player's import.
 */
final class ValidateCommand {

    private ValidateCommand() {
    }

    static int run(Path packagePath, boolean json, PrintStream out, PrintStream err) {
        // One mapper for reading and writing: making a mapper is a good part of a new JVM's time.
        ObjectMapper mapper = JsonMapperFactory.createStrict();
        ReadinessReport report;
        try {
            report = new ReadinessCheck(mapper).check(packagePath, PackagePurpose.IMPORT);
        } catch (IOException | UncheckedIOException e) {
            err.println("Cannot read " + packagePath + ": " + e.getMessage());
            return ExitCode.FAILURE.code();
        }
        if (json) {
            try {
                out.println(mapper.writeValueAsString(ReadinessJson.of(report, mapper)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The readiness report cannot be written as JSON", e);
            }
        } else {
            out.print(ReadinessText.of(report));
        }
        return report.ready() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }
}
