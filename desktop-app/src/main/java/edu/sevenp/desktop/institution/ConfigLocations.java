package edu.sevenp.desktop.institution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the institution configuration is looked for (docs/institution-config.md, "Where the file goes"): the
 * system-wide file of the operating system, then the file beside the installed app, which wins over it key by key. A
 * file named explicitly ({@code --institution-config}, or {@code SEVENP_INSTITUTION_CONFIG}) is read instead of both.
 *
 * @param explicit the file named on the command line or in the environment, if any
 * @param systemWide the operating system's place for it
 * @param besideApp the file beside a jpackage image's launcher, when the player runs from one
 */
public record ConfigLocations(Optional<Path> explicit, Path systemWide, Optional<Path> besideApp) {

    public static final String FILE_NAME = "institution.properties";
    /** The environment variable naming a configuration file to read instead of the usual ones. */
    public static final String ENVIRONMENT_VARIABLE = "SEVENP_INSTITUTION_CONFIG";

    public ConfigLocations {
        Objects.requireNonNull(explicit, "explicit");
        Objects.requireNonNull(systemWide, "systemWide");
        Objects.requireNonNull(besideApp, "besideApp");
    }

    /**
     * The places for this computer.
     *
     * @param osName the {@code os.name} system property
     * @param environment for {@code ProgramData} on Windows
     * @param appPath the {@code jpackage.app-path} system property (the launcher's path), which jpackage's launchers set;
     *        null when not started from a jpackage image
     * @param explicit the file named by {@code --institution-config} or {@link #ENVIRONMENT_VARIABLE}, or null
     */
    public static ConfigLocations of(String osName, Map<String, String> environment, String appPath, Path explicit) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        Path systemWide;
        if (os.contains("win")) {
            String programData = environment.getOrDefault("ProgramData", "");
            systemWide = Path.of(programData.isBlank() ? "C:\\ProgramData" : programData, "7P", FILE_NAME);
        } else if (os.contains("mac")) {
            systemWide = Path.of("/Library/Application Support/7P", FILE_NAME);
        } else {
            systemWide = Path.of("/etc/sevenp", FILE_NAME);
        }
        return new ConfigLocations(Optional.ofNullable(explicit), systemWide,
                appPath == null || appPath.isBlank() ? Optional.empty() : Optional.of(appFolder(Path.of(appPath)).resolve(FILE_NAME)));
    }

    /**
     * The installed app's own folder, from its launcher's path: the launcher's folder, or the folder above it when that
     * is {@code bin} (Linux: {@code /opt/sevenp/bin/sevenp} → {@code /opt/sevenp}) or {@code MacOS} (macOS:
     * {@code 7P.app/Contents/MacOS/7P} → {@code 7P.app/Contents}); on Windows the launcher's own folder
     * ({@code C:\Program Files\7P\7P.exe} → {@code C:\Program Files\7P}).
     */
    static Path appFolder(Path launcher) {
        Path folder = launcher.toAbsolutePath().getParent();
        String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
        return (name.equals("bin") || name.equals("MacOS")) && folder.getParent() != null ? folder.getParent() : folder;
    }

    /** The files to read, lowest precedence first. */
    public List<Path> candidates() {
        if (explicit.isPresent()) {
            return List.of(explicit.get());
        }
        List<Path> files = new ArrayList<>();
        files.add(systemWide);
        besideApp.ifPresent(files::add);
        return List.copyOf(files);
    }

    /**
     * Reads the configuration: each file that exists, the later over the earlier. An explicit file that is missing is
     * a problem; the usual places may well have no file.
     */
    public InstitutionConfig load() {
        InstitutionConfig config = InstitutionConfig.none();
        for (Path file : candidates()) {
            if (Files.exists(file)) {
                config = InstitutionConfigParser.read(file).over(config);
            } else if (explicit.isPresent()) {
                config = new InstitutionConfig(Map.of(), List.of(file), List.of(new ConfigProblem(file, 0,
                        "does not exist"))).over(config);
            }
        }
        return config;
    }
}
