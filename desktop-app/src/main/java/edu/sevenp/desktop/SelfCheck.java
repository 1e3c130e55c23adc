package edu.sevenp.desktop;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.sevenp.desktop.institution.ConfigProblem;
import edu.sevenp.desktop.institution.InstitutionConfig;
import edu.sevenp.desktop.library.CoursePackageFolder;
import edu.sevenp.desktop.ui.settings.SettingKey;
import edu.sevenp.desktop.ui.settings.Settings;
import edu.sevenp.desktop.ui.settings.SettingsPolicy;
import edu.sevenp.model.json.JsonMapperFactory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code --self-check}: starts the player's services without a window (open and migrate the local
 * library, install the sample course, import the institution's course folder) and prints one JSON line, for
 * installers and institutions' deployment scripts. Exit code 0 when healthy, 1 otherwise. With an institution
 * configuration it also says which files were read, what was wrong in them, what is locked, the settings in force for
 * the profile and the course packages that failed (docs/institution-config.md, "Checking a deployment").
 */
final class SelfCheck {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Report(String status, String schemaVersion, Integer courseCount, String dataDirectory, String profile,
            String store, String message, Institution institution) {
    }

    /** The institution's configuration as this start applied it; absent without a configuration file. */
    record Institution(List<String> files, List<String> problems, List<String> locked, EffectiveSettings settings,
            List<String> coursesFailed) {
    }

    /** The profile's settings in force: the learner's, under the institution's defaults and locks. */
    record EffectiveSettings(String serverUrl, String language, String theme, int textSize) {
    }

    private SelfCheck() {
    }

    static int run(DesktopPaths paths, PrintStream out) {
        return run(paths, InstitutionConfig.none(), out);
    }

    static int run(DesktopPaths paths, InstitutionConfig config, PrintStream out) {
        ObjectMapper json = JsonMapperFactory.create();
        Report report;
        int exitCode;
        try (DesktopContext context = DesktopContext.open(paths, config)) {
            report = new Report("ok", context.store().schemaVersion(), context.store().courses().courseCount(),
                    paths.dataDirectory().toString(), paths.profile(), context.store().location(), null,
                    institution(config, paths, context));
            exitCode = 0;
        } catch (RuntimeException e) {
            report = new Report("error", null, null, paths.dataDirectory().toString(), paths.profile(), null,
                    e.getMessage(), null);
            exitCode = 1;
        }
        try {
            out.println(json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the self-check report", e);
        }
        return exitCode;
    }

    private static Institution institution(InstitutionConfig config, DesktopPaths paths, DesktopContext context) {
        if (config.files().isEmpty()) {
            return null;
        }
        SettingsPolicy policy = config.settingsPolicy(Locale.getDefault());
        Settings settings = policy.effective(SettingsFile.of(paths, policy.defaults()).load());
        return new Institution(config.files().stream().map(Path::toString).toList(),
                config.problems().stream().map(ConfigProblem::toString).toList(),
                policy.locked().stream().sorted().map(SettingKey::configName).toList(),
                new EffectiveSettings(settings.server(), settings.language().tag(),
                        settings.theme().name().toLowerCase(Locale.ROOT), settings.textSize()),
                context.institutionCourses().map(CoursePackageFolder.Report::failures).orElse(List.of()).stream()
                        .map(failure -> failure.location() + ": " + failure.message().lines().findFirst().orElse(""))
                        .toList());
    }
}
