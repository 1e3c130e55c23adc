package edu.sevenp.desktop;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.PrintStream;

/**
 * {@code --self-check}: starts the player's services without a window (open and migrate the local
 * library, install the sample course) and prints one JSON line, for installers and institutions'
 * deployment scripts. Exit code 0 when healthy, 1 otherwise.
 */
final class SelfCheck {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Report(String status, String schemaVersion, Integer courseCount, String dataDirectory, String profile,
            String store, String message) {
    }

    private SelfCheck() {
    }

    static int run(DesktopPaths paths, PrintStream out) {
        ObjectMapper json = JsonMapperFactory.create();
        Report report;
        int exitCode;
        try (DesktopContext context = DesktopContext.open(paths)) {
            report = new Report("ok", context.store().schemaVersion(), context.store().courses().courseCount(),
                    paths.dataDirectory().toString(), paths.profile(), context.store().location(), null);
            exitCode = 0;
        } catch (RuntimeException e) {
            report = new Report("error", null, null, paths.dataDirectory().toString(), paths.profile(), null,
                    e.getMessage());
            exitCode = 1;
        }
        try {
            out.println(json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the self-check report", e);
        }
        return exitCode;
    }
}
