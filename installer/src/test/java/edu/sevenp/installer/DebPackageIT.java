package edu.sevenp.installer;

import static edu.sevenp.installer.PackageFiles.deleteRecursively;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The .deb as an institution's deployment uses it, on this machine: lintian, a silent {@code dpkg -i}, the
 * installed player's headless {@code --self-check}, an upgrade to a newer build, and removal; the learner's
 * data (in their own folder, here {@code $XDG_DATA_HOME/sevenp}) survives the upgrade and the removal.
 *
 * <p>It changes the machine (installs and removes the package {@code sevenp}), so it needs root, dpkg and the .deb
 * the installer profile built; without them it is skipped with the reason printed. The steps build on each other
 * and run in order.
 *
 * <p>An institution configuration in its system-wide place preloads a course and locks a setting (step 4).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebPackageIT {

    private static final Duration QUICK = Duration.ofMinutes(2);
    private static final Duration SLOW = Duration.ofMinutes(10);
    /** Where the package installs (jpackage's /usr layout): the launcher and the app's jars, cfg and class list. */
    private static final Path LAUNCHER = Path.of("/usr/bin/sevenp");
    private static final Path APP_DIRECTORY = Path.of("/usr/lib/sevenp/app");
    private static final Path ARCHIVE = APP_DIRECTORY.resolve("sevenp.jsa");
    /** The institution configuration's system-wide place on Linux (docs/institution-config.md). */
    private static final Path INSTITUTION_FILE = Path.of("/etc/sevenp/institution.properties");

    private final String packageName = System.getProperty("installer.packageName", "sevenp");
    private final String packageVersion = System.getProperty("installer.packageVersion", "");
    private final Path packagesDirectory = Path.of(System.getProperty("installer.packagesDirectory", "target/jpackage/packages"));
    private final Path work = Path.of(System.getProperty("installer.workDirectory", "target/deb-it")).toAbsolutePath();
    /** The learner's XDG data folder: the player keeps its data in {@code sevenp/} there, as in a real home. */
    private final Path xdgDataHome = work.resolve("home/.local/share");
    private final Path userData = xdgDataHome.resolve("sevenp");
    private final ObjectMapper json = new ObjectMapper();

    private Path deb;
    private boolean installedHere;

    @BeforeAll
    void requireAMachineThatCanInstallTheDeb() throws IOException {
        require(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "not Linux");
        require(Command.available("dpkg") && Command.available("dpkg-deb"), "dpkg is not installed");
        require("root".equals(System.getProperty("user.name")), "installing a .deb needs root (user is "
                + System.getProperty("user.name") + ")");
        deb = PackageFiles.find(packagesDirectory, packageName + "_" + packageVersion + "_", ".deb");
        require(deb != null, "no " + packageName + "_" + packageVersion + "_*.deb in " + packagesDirectory
                + ": the installer profile builds it (active by itself as root where dpkg-deb exists; else -Pinstaller)");
        require(!installed(), "the package " + packageName + " is already installed on this machine; this test installs and"
                + " removes it and leaves an installation it did not make alone (remove it with dpkg --purge " + packageName + ")");
        deleteRecursively(work);
        Files.createDirectories(xdgDataHome);
    }

    @AfterAll
    void leaveTheMachineAsItWas() {
        if (installedHere && installed()) {
            Command purge = run(SLOW, "dpkg", "--purge", packageName);
            assertThat(purge.exitCode()).as(purge.describe()).isZero();
        }
    }

    @Test
    @Order(1)
    void lintianFindsNoErrors() {
        require(Command.available("lintian"), "lintian is not installed (apt-get install lintian; .ci/run installs it)");

        Command lintian = run(SLOW, "lintian", "--fail-on", "error", "--tag-display-limit", "0", deb.toString());

        // Warnings left are explained in docs/installing.md ("lintian"); printed so a new one is seen.
        System.out.println("lintian " + deb.getFileName() + ":\n" + lintian.out() + lintian.err());
        assertThat(lintian.out().lines().filter(line -> line.startsWith("E: "))).as(lintian.describe()).isEmpty();
        assertThat(lintian.exitCode()).as(lintian.describe()).isZero();
    }

    @Test
    @Order(2)
    void thePackageShipsNoIdentityStoreOrBuildPathArchive() {
        Command contents = run(QUICK, "dpkg-deb", "--contents", deb.toString());

        assertThat(contents.exitCode()).as(contents.describe()).isZero();
        assertThat(contents.out())
                .contains("./usr/bin/sevenp", "./usr/lib/sevenp/app/sevenp.classlist", "./usr/lib/sevenp/app/sevenp.cfg",
                        // What postinst makes the archive with.
                        "./usr/lib/sevenp/app/make-class-data-archive.sh", "./usr/lib/sevenp/runtime/bin/java")
                // The device identity is made at a profile's first start, never at build or install: no store ships.
                .doesNotContain(".mv.db", "sevenp.jsa", "self-check-data", "cds-training");
        assertThat(field("Depends")).contains("libgtk-3-0", "libavcodec59");
    }

    @Test
    @Order(3)
    void theInstalledPlayerChecksItselfHeadlessWithTheArchiveMadeAtInstall() throws IOException {
        assertThat(missingDependencies(deb)).as("the package's dependencies, which dpkg -i does not fetch (.ci/run installs"
                + " them; apt-get install ./<the .deb> would)").isEmpty();
        Command install = run(SLOW, "dpkg", "-i", deb.toString());
        installedHere = true;

        assertThat(install.exitCode()).as(install.describe()).isZero();
        assertThat(install.err()).as(install.describe()).doesNotContain("class-data-sharing archive could not be made");
        assertThat(ARCHIVE).as("made by postinst").isRegularFile();
        assertThat(desktopEntry()).contains("Categories=Education", "MimeType=application/x-sevenp-course",
                "Exec=/usr/bin/sevenp --preview %f");
        assertThat(Path.of("/usr/share/mime/packages/sevenp.xml")).content().contains("*.7p.zip");

        // -Xshare:on: the JVM refuses to start unless it maps the archive, so this proves the installed one works.
        JsonNode report = selfCheck("-Xshare:on");

        assertThat(report.path("status").asText()).isEqualTo("ok");
        assertThat(report.path("dataDirectory").asText()).isEqualTo(userData.toString());
        assertThat(report.path("courseCount").asInt()).as("the bundled sample").isEqualTo(1);
        assertThat(userData.resolve("profiles/default/store.mv.db")).as("made at the first start").isRegularFile();
    }

    /**
     * An institution's system-wide file preloads a folder of course packages and locks the language over a
     * profile's own choice (in a profile of its own, so the later steps count the default profile's courses alone).
     */
    @Test
    @Order(4)
    void anInstitutionConfigurationPreloadsItsCoursesAndItsLockHolds() throws IOException {
        require(!Files.exists(INSTITUTION_FILE), INSTITUTION_FILE + " exists; this test writes it and would replace an"
                + " institution's own");
        Path courses = work.resolve("institution-courses");
        Command newCourse = player("--new-course", courses.resolve("starter").toString());
        assertThat(newCourse.exitCode()).as(newCourse.describe()).isZero();
        Path profileSettings = userData.resolve("profiles/campus/settings.json");
        Files.createDirectories(profileSettings.getParent());
        Files.writeString(profileSettings, "{\"language\": \"en\", \"theme\": \"dark\"}");
        boolean folderMadeHere = !Files.exists(INSTITUTION_FILE.getParent());
        Files.createDirectories(INSTITUTION_FILE.getParent());
        Files.writeString(INSTITUTION_FILE, "coursePackages = " + courses + "\nlanguage = de\nlocked = language\n");
        try {
            Command check = player("--self-check", "--profile", "campus");

            assertThat(check.exitCode()).as(check.describe()).isZero();
            List<String> lines = check.out().lines().toList();
            JsonNode report = json.readTree(lines.get(lines.size() - 1));
            assertThat(report.path("status").asText()).isEqualTo("ok");
            assertThat(report.path("courseCount").asInt()).as("the sample and the institution's course").isEqualTo(2);
            JsonNode institution = report.path("institution");
            assertThat(institution.path("files").toString()).contains(INSTITUTION_FILE.toString());
            assertThat(institution.path("problems")).isEmpty();
            assertThat(institution.path("coursesFailed")).isEmpty();
            assertThat(institution.path("locked").toString()).contains("language");
            assertThat(institution.path("settings").path("language").asText()).as("the lock over the profile's English")
                    .isEqualTo("de");
            assertThat(institution.path("settings").path("theme").asText()).as("the profile's own").isEqualTo("dark");
        } finally {
            Files.delete(INSTITUTION_FILE);
            if (folderMadeHere) {
                Files.delete(INSTITUTION_FILE.getParent());
            }
        }
    }

    @Test
    @Order(5)
    void thePlayerStartsWithoutItsArchive() throws IOException {
        Path aside = work.resolve("sevenp.jsa.aside");
        Files.move(ARCHIVE, aside);
        try {
            JsonNode report = selfCheck(null);

            assertThat(report.path("status").asText()).isEqualTo("ok");
        } finally {
            Files.move(aside, ARCHIVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    @Order(6)
    void anUpgradeToANewerBuildKeepsTheLearnersData() throws IOException {
        Path course = work.resolve("own-course");
        Command newCourse = player("--new-course", course.toString());
        assertThat(newCourse.exitCode()).as(newCourse.describe()).isZero();
        Command imported = player("--import", course.toString());
        assertThat(imported.exitCode()).as(imported.describe()).isZero();
        assertThat(selfCheck(null).path("courseCount").asInt()).isEqualTo(2);
        Path newer = newerBuild();
        Instant beforeUpgrade = Instant.now().minusSeconds(1);

        Command upgrade = run(SLOW, "dpkg", "-i", newer.toString());

        assertThat(upgrade.exitCode()).as(upgrade.describe()).isZero();
        Command status = run(QUICK, "dpkg-query", "--show", "--showformat=${Version}", packageName);
        assertThat(status.out()).isEqualTo(newerVersion());
        assertThat(Files.getLastModifiedTime(ARCHIVE)).as("made again for the new build")
                .isGreaterThan(FileTime.from(beforeUpgrade));
        JsonNode report = selfCheck("-Xshare:on");
        assertThat(report.path("status").asText()).isEqualTo("ok");
        assertThat(report.path("courseCount").asInt()).as("the sample and the learner's own course").isEqualTo(2);
    }

    @Test
    @Order(7)
    void removalAndPurgeTakeTheAppAndLeaveTheLearnersData() {
        Command remove = run(SLOW, "dpkg", "--remove", packageName);

        assertThat(remove.exitCode()).as(remove.describe()).isZero();
        assertThat(remove.err()).as("dpkg could remove every folder").doesNotContain("not empty");
        assertThat(status()).as("removed; only a purge would be left").isIn("deinstall ok config-files", "");
        assertThat(LAUNCHER).doesNotExist();
        assertThat(Path.of("/usr/lib/sevenp")).as("nothing left, the install-time archive included").doesNotExist();
        assertThat(userData.resolve("profiles/default/store.mv.db")).isRegularFile();

        Command purge = run(SLOW, "dpkg", "--purge", packageName);

        assertThat(purge.exitCode()).as(purge.describe()).isZero();
        assertThat(installed()).isFalse();
        assertThat(userData.resolve("profiles/default/store.mv.db")).isRegularFile();
    }

    /** The installed player's {@code --self-check} as the learner, with {@code javaToolOptions} when not null. */
    private JsonNode selfCheck(String javaToolOptions) throws IOException {
        Command check = javaToolOptions == null ? player("--self-check")
                : Command.run(work, Map.of("XDG_DATA_HOME", xdgDataHome.toString(), "JAVA_TOOL_OPTIONS", javaToolOptions),
                        QUICK, LAUNCHER.toString(), "--self-check");
        assertThat(check.exitCode()).as(check.describe()).isZero();
        List<String> lines = check.out().lines().toList();
        return json.readTree(lines.get(lines.size() - 1));
    }

    private Command player(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(Arrays.asList(arguments));
        return Command.run(work, Map.of("XDG_DATA_HOME", xdgDataHome.toString()), QUICK, command.toArray(String[]::new));
    }

    /**
     * The same package with the release raised by one: a newer build as dpkg sees it, its maintainer scripts
     * run in upgrade order (old prerm, new files, old postrm, new postinst). Repacked rather than built again by
     * jpackage, which would double the build's packaging time.
     */
    private Path newerBuild() {
        Path tree = work.resolve("newer-build");
        Command unpack = run(QUICK, "dpkg-deb", "--raw-extract", deb.toString(), tree.toString());
        assertThat(unpack.exitCode()).as(unpack.describe()).isZero();
        try {
            Path control = tree.resolve("DEBIAN/control");
            String text = Files.readString(control);
            assertThat(text).contains("Version: " + packageVersion + "\n");
            Files.writeString(control, text.replace("Version: " + packageVersion + "\n", "Version: " + newerVersion() + "\n"));
        } catch (IOException e) {
            throw new AssertionError("Cannot change the control file", e);
        }
        Path newer = work.resolve(packageName + "_" + newerVersion() + ".deb");
        Command pack = run(SLOW, "dpkg-deb", "-Zgzip", "-z1", "--root-owner-group", "--build", tree.toString(),
                newer.toString());
        assertThat(pack.exitCode()).as(pack.describe()).isZero();
        return newer;
    }

    private String newerVersion() {
        int dash = packageVersion.lastIndexOf('-');
        return packageVersion.substring(0, dash + 1) + (Integer.parseInt(packageVersion.substring(dash + 1)) + 1);
    }

    private String desktopEntry() throws IOException {
        Path entry = Path.of("/usr/share/applications", packageName + ".desktop");
        assertThat(entry).as("the menu entry").isRegularFile();
        return Files.readString(entry);
    }

    /** Whether dpkg knows the package in any state (installed, half-configured, configuration files left). */
    private boolean installed() {
        return !status().isEmpty() && !status().endsWith("not-installed");
    }

    /** dpkg's status of the package ("install ok installed", say); empty when dpkg does not know it. */
    private String status() {
        Command status = run(QUICK, "dpkg-query", "--show", "--showformat=${Status}", packageName);
        return status.exitCode() == 0 ? status.out().trim() : "";
    }

    private String field(String name) {
        Command field = run(QUICK, "dpkg-deb", "--field", deb.toString(), name);
        assertThat(field.exitCode()).as(field.describe()).isZero();
        return field.out().trim();
    }

    /** Each alternatives group of the package's Depends of which no package is installed. */
    private List<String> missingDependencies(Path package_) {
        Command depends = run(QUICK, "dpkg-deb", "--field", package_.toString(), "Depends");
        assertThat(depends.exitCode()).as(depends.describe()).isZero();
        return Arrays.stream(depends.out().trim().split(","))
                .map(String::trim)
                .filter(group -> !group.isEmpty())
                .filter(group -> Arrays.stream(group.split("\\|"))
                        .map(alternative -> alternative.replaceAll("\\(.*\\)", "").trim())
                        .noneMatch(this::packageInstalled))
                .collect(Collectors.toList());
    }

    private boolean packageInstalled(String name) {
        Command status = run(QUICK, "dpkg-query", "--show", "--showformat=${Status}", name);
        return status.exitCode() == 0 && status.out().contains("install ok installed");
    }


    private Command run(Duration timeout, String... command) {
        return Command.run(work.getParent().resolve("deb-it-commands"), Map.of(), timeout, command);
    }

    /** Skips the test, saying why on the console as well as in the report. */
    private static void require(boolean condition, String reasonToSkip) {
        PackageFiles.require("DebPackageIT", condition, reasonToSkip);
    }
}
