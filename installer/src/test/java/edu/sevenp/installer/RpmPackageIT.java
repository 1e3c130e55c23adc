package edu.sevenp.installer;

import static edu.sevenp.installer.PackageFiles.deleteRecursively;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The .rpm the installer profile builds where rpmbuild exists, checked on this Debian machine (docs/installing.md):
 * what it declares and holds, its install scripts, and the package installed by rpm into a folder of its own with a
 * database of its own (its scripts left out, as their paths are /usr's): the archive step its %post runs, the
 * player's headless {@code --self-check} with that archive, and removal. Neither root nor the system's rpm database
 * is needed. Skipped, with the reason printed, where there is no .rpm or no rpm.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RpmPackageIT {

    private static final Duration QUICK = Duration.ofMinutes(2);
    private static final Duration SLOW = Duration.ofMinutes(10);

    private final String packageName = System.getProperty("installer.packageName", "sevenp");
    private final String packageVersion = System.getProperty("installer.packageVersion", "");
    private final Path packagesDirectory = Path.of(System.getProperty("installer.packagesDirectory",
            "target/jpackage/packages"));
    private final Path work = Path.of(System.getProperty("installer.rpmWorkDirectory", "target/rpm-it"))
            .toAbsolutePath();
    /** Where the package is installed: its /usr is {@code root/usr}. */
    private final Path root = work.resolve("root");
    /** The HOME of each rpm command and of the installed player: its .rpmmacros names the test's rpm database. */
    private final Path rpmHome = work.resolve("rpm-home");
    private final Path xdgDataHome = work.resolve("home/.local/share");
    private final ObjectMapper json = new ObjectMapper();

    private Path rpm;

    @BeforeAll
    void requireTheRpmAndRpmTools() throws IOException {
        require(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "not Linux");
        require(Command.available("rpm"), "rpm is not installed (Debian: apt-get install rpm; .ci/run installs it)");
        rpm = PackageFiles.find(packagesDirectory, packageName + "-" + packageVersion + ".", ".rpm");
        require(rpm != null, "no " + packageName + "-" + packageVersion + ".*.rpm in " + packagesDirectory
                + ": the installer profile builds it where /usr/bin/rpmbuild exists");
        deleteRecursively(work);
        Files.createDirectories(xdgDataHome);
    }

    @Test
    @Order(1)
    void itDeclaresGtkAndVideoAndShipsNoStoreOrBuildPathArchive() {
        Command files = run(QUICK, "rpm", "-qpl", rpm.toString());
        Command requires = run(QUICK, "rpm", "-qp", "--requires", rpm.toString());

        assertThat(files.exitCode()).as(files.describe()).isZero();
        assertThat(files.out()).contains("/usr/bin/sevenp", "/usr/lib/sevenp/app/sevenp.classlist",
                "/usr/lib/sevenp/app/sevenp.cfg", "/usr/lib/sevenp/app/make-class-data-archive.sh",
                "/usr/lib/sevenp/runtime/bin/java")
                // The device identity is made at a profile's first start, never at build or install: no store ships.
                .doesNotContain(".mv.db", "sevenp.jsa", "self-check-data", "cds-training");
        assertThat(requires.out()).as(requires.describe()).contains("gtk3", "libavcodec-free or ffmpeg-libs");
    }

    @Test
    @Order(2)
    void itsPostMakesTheArchiveAndItsPreunRemovesItOnlyOnRemoval() {
        Command scripts = run(QUICK, "rpm", "-qp", "--scripts", rpm.toString());

        assertThat(scripts.exitCode()).as(scripts.describe()).isZero();
        String post = section(scripts.out(), "postinstall scriptlet");
        String preun = section(scripts.out(), "preuninstall scriptlet");
        assertThat(post).contains("sh \"/usr/lib/sevenp/app/make-class-data-archive.sh\"",
                "the player starts without it, only slower");
        // An upgrade runs the old package's %preun after the new one's %post: the new archive must stay.
        assertThat(preun).contains("if [ \"$1\" = 0 ]; then\n  rm -f \"/usr/lib/sevenp/app/sevenp.jsa\"");
    }

    @Test
    @Order(3)
    void installedIntoAFolderOfItsOwnItMakesTheArchiveAndStartsWithIt() throws IOException {
        // rpm with a database of its own (HOME's .rpmmacros names it), which the launcher also asks for its files.
        Path database = work.resolve("rpm-database");
        Files.createDirectories(rpmHome);
        Files.writeString(rpmHome.resolve(".rpmmacros"), "%_dbpath " + database + "\n");
        assertThat(rpm("--initdb").exitCode()).isZero();
        // Moved from /usr into the folder; without the scripts, whose paths are /usr's, and without the dependencies,
        // which this Debian machine's rpm database does not know.
        Command install = rpm("-i", "--nodeps", "--noscripts", "--badreloc", "--relocate",
                "/usr=" + root.resolve("usr"), this.rpm.toString());
        assertThat(install.exitCode()).as(install.describe()).isZero();
        Path app = root.resolve("usr/lib/sevenp/app");

        // What %post runs, on the installed folder (the archive maps only where it was made).
        Command archive = run(SLOW, "sh", app.resolve("make-class-data-archive.sh").toString());

        assertThat(archive.exitCode()).as(archive.describe()).isZero();
        assertThat(app.resolve("sevenp.jsa")).isRegularFile();
        // -Xshare:on: the JVM refuses to start unless it maps the archive.
        Command check = Command.run(work, Map.of("HOME", rpmHome.toString(), "XDG_DATA_HOME", xdgDataHome.toString(),
                "JAVA_TOOL_OPTIONS", "-Xshare:on"), QUICK, root.resolve("usr/bin/sevenp").toString(), "--self-check");
        assertThat(check.exitCode()).as(check.describe()).isZero();
        List<String> lines = check.out().lines().toList();
        JsonNode report = json.readTree(lines.get(lines.size() - 1));
        assertThat(report.path("status").asText()).isEqualTo("ok");
        assertThat(report.path("courseCount").asInt()).as("the bundled sample").isEqualTo(1);

        Command remove = rpm("-e", "--noscripts", packageName);
        assertThat(remove.exitCode()).as(remove.describe()).isZero();
        assertThat(app.resolve("sevenp.cfg")).doesNotExist();
    }

    private Command rpm(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("rpm"));
        command.addAll(List.of(arguments));
        return Command.run(work.getParent().resolve("rpm-it-commands"), Map.of("HOME", rpmHome.toString()), SLOW,
                command.toArray(String[]::new));
    }

    /** One scriptlet of {@code rpm --scripts}' output: from its heading to the next heading. */
    private static String section(String scripts, String heading) {
        int start = scripts.indexOf(heading);
        assertThat(start).as("a " + heading + " in:\n" + scripts).isNotNegative();
        int end = scripts.indexOf(" scriptlet (using ", start + heading.length());
        int next = end < 0 ? -1 : scripts.lastIndexOf('\n', end);
        return next < 0 ? scripts.substring(start) : scripts.substring(start, next);
    }


    private Command run(Duration timeout, String... command) {
        return Command.run(work.getParent().resolve("rpm-it-commands"), Map.of(), timeout, command);
    }

    /** Skips the test, saying why on the console as well as in the report. */
    private static void require(boolean condition, String reasonToSkip) {
        PackageFiles.require("RpmPackageIT", condition, reasonToSkip);
    }
}
