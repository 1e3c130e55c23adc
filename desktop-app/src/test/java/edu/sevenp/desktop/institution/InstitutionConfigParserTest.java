package edu.sevenp.desktop.institution;

import static org.assertj.core.api.Assertions.assertThat;

import edu.sevenp.desktop.network.ProxyAddress;
import edu.sevenp.desktop.ui.common.Theme;
import edu.sevenp.desktop.ui.settings.Language;
import edu.sevenp.desktop.ui.settings.SettingKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One institution configuration file read: every key, and every kind of mistake with its line. */
class InstitutionConfigParserTest {

    @TempDir
    Path temp;
    private Path file;

    @BeforeEach
    void files() throws IOException {
        file = temp.resolve("institution.properties");
        Files.createDirectories(temp.resolve("courses"));
        try (InputStream pem = InstitutionConfigParserTest.class.getResourceAsStream(
                "/edu/sevenp/desktop/network/inspecting-proxy-ca.pem")) {
            Files.copy(pem, temp.resolve("proxy-ca.pem"));
        }
    }

    @Test
    void everyKeyIsReadWithRelativePathsFromTheFilesFolder() {
        InstitutionConfig config = parse("""
                # The school's players
                serverUrl = https://sync.school.example/7p/
                language = de
                theme = dark
                textSize = 150
                locked = serverUrl, language
                proxy.http = proxy.school.example:3128
                proxy.https = [2001:db8::1]:8443
                proxy.noProxy = localhost, 127.0.0.1, *.school.example
                trustedCertificates = proxy-ca.pem
                coursePackages = courses
                profile.autoCreate = schule
                """);

        assertThat(config.problems()).isEmpty();
        assertThat(config.values().keySet()).containsExactlyInAnyOrder(ConfigKey.values());
        assertThat(config.serverUrl()).contains(URI.create("https://sync.school.example/7p/"));
        assertThat(config.language()).contains(Language.GERMAN);
        assertThat(config.theme()).contains(Theme.DARK);
        assertThat(config.textSize()).contains(150);
        assertThat(config.locked()).isEqualTo(Set.of(SettingKey.SERVER_URL, SettingKey.LANGUAGE));
        assertThat(config.httpProxy()).contains(new ProxyAddress("proxy.school.example", 3128));
        assertThat(config.httpsProxy()).contains(new ProxyAddress("2001:db8::1", 8443));
        assertThat(config.noProxy()).containsExactly("localhost", "127.0.0.1", "*.school.example");
        assertThat(config.trustedCertificates()).hasValueSatisfying(trusted -> assertThat(trusted.certificates())
                .singleElement().satisfies(certificate -> assertThat(certificate.getSubjectX500Principal().getName())
                        .isEqualTo("CN=7P Test Inspecting Proxy CA")));
        assertThat(config.coursePackages()).contains(temp.resolve("courses"));
        assertThat(config.autoCreateProfile()).contains("schule");
        assertThat(config.files()).containsExactly(file);
    }

    @Test
    void eachBadValueIsReportedOnItsLineAndLeftOut() {
        InstitutionConfig config = parse("""
                serverUrl = ftp://files.school.example
                language = fr
                theme = sepia
                textSize = 130
                proxy.http = proxy.school.example
                proxy.https = https://proxy.school.example:3128
                proxy.noProxy = 10.0.0.0/8
                trustedCertificates = missing.pem
                coursePackages = no-such-folder
                profile.autoCreate = Ana Lima
                locked =
                """);

        assertThat(config.problems()).extracting(ConfigProblem::line).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(config.problems()).extracting(ConfigProblem::message).containsExactly(
                "serverUrl must be an http:// or https:// address with a host (no user, query or fragment), such as"
                        + " https://sync.school.example, was 'ftp://files.school.example'",
                "language must be one of en, de, was 'fr'",
                "theme must be light or dark, was 'sepia'",
                "textSize must be one of 100, 125, 150, 175, 200, was '130'",
                "proxy.http must be host:port, such as proxy.school.example:3128, was 'proxy.school.example'",
                "proxy.https must be host:port, such as proxy.school.example:3128, was 'https://proxy.school.example:3128'",
                "proxy.noProxy lists host names, addresses or *.domains separated by commas; '10.0.0.0/8' is none of them",
                "trustedCertificates: " + temp.resolve("missing.pem") + " does not exist",
                "coursePackages: " + temp.resolve("no-such-folder") + " is not a folder",
                "profile.autoCreate must be a profile name: 1 to 40 lower-case letters, digits, - or _, starting with a"
                        + " letter or digit; was 'Ana Lima' (try 'ana-lima')");
        // Only the empty lock list (which means "nothing locked") was usable.
        assertThat(config.values()).containsOnlyKeys(ConfigKey.LOCKED);
        assertThat(config.locked()).isEmpty();
    }

    @Test
    void unknownKeysLinesWithoutAValueAndRepeatsAreReported() {
        InstitutionConfig config = parse("""
                serverURL = https://sync.school.example
                theme dark
                language =
                theme = light
                theme = dark
                """);

        assertThat(config.problems()).extracting(ConfigProblem::toString).containsExactly(
                file + ":1: unknown key 'serverURL' (did you mean 'serverUrl'?)",
                file + ":2: expected key = value, found 'theme dark'",
                file + ":3: language has no value; leave the line out for the default",
                file + ":5: theme is set again (first on line 4); this line applies");
        assertThat(config.theme()).contains(Theme.DARK);
        assertThat(config.serverUrl()).isEmpty();
    }

    @Test
    void aLockListKeepsTheSettingsItNamesRightAndReportsTheOthers() {
        InstitutionConfig config = parse("\n\nlocked = language, colour, textSize\n");

        assertThat(config.locked()).isEqualTo(Set.of(SettingKey.LANGUAGE, SettingKey.TEXT_SIZE));
        assertThat(config.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).isEqualTo("locked: 'colour' is not a setting that can be locked (serverUrl,"
                    + " language, theme, textSize); the others are locked");
        });
    }

    @Test
    void commentsByteOrderMarkWindowsLineEndsAndBackslashesAreTakenAsWritten() throws IOException {
        Path windowsFolder = temp.resolve("C:\\Kurse");
        Files.createDirectories(windowsFolder);
        Files.write(file, ("\uFEFF# comment\r\n! also a comment\r\n\r\n  theme=dark  \r\ncoursePackages = C:\\Kurse\r\n")
                .getBytes(StandardCharsets.UTF_8));

        InstitutionConfig config = InstitutionConfigParser.read(file);

        assertThat(config.problems()).isEmpty();
        assertThat(config.theme()).contains(Theme.DARK);
        // On Linux the backslash is part of the name; on Windows it is the separator: taken literally either way.
        assertThat(config.coursePackages()).contains(windowsFolder);
    }

    @Test
    void aFileThatIsNotUtf8OrCannotBeReadIsOneProblemForTheWholeFile() throws IOException {
        Files.write(file, new byte[] {'t', 'h', 'e', 'm', 'e', '=', (byte) 0xE9});
        assertThat(InstitutionConfigParser.read(file).problems()).containsExactly(
                new ConfigProblem(file, 0, "is not UTF-8 text; save it as UTF-8"));

        Path folder = temp.resolve("a-folder.properties");
        Files.createDirectories(folder);
        assertThat(InstitutionConfigParser.read(folder).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.toString()).startsWith(folder + ": cannot be read: "));
    }

    @Test
    void anUnreadableCertificateIsReportedWithItsLine() throws IOException {
        Files.writeString(temp.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        Files.createDirectories(temp.resolve("empty-certs"));

        InstitutionConfig config = parse("trustedCertificates = broken.pem\ntrustedCertificates = empty-certs\n");

        assertThat(config.problems()).extracting(ConfigProblem::line).containsExactly(1, 2);
        assertThat(config.problems().get(0).message()).startsWith("trustedCertificates: " + temp.resolve("broken.pem")
                + " is not a PEM certificate");
        assertThat(config.problems().get(1).message()).isEqualTo("trustedCertificates: the folder "
                + temp.resolve("empty-certs") + " has no .pem, .crt or .cer file");
        assertThat(config.trustedCertificates()).isEmpty();
    }

    @Test
    void everyKeyIsDocumentedInTheReference() throws IOException {
        String reference = Files.readString(Path.of("..", "docs", "institution-config.md"));
        assertThat(Arrays.stream(ConfigKey.values()).map(key -> "`" + key.key() + "`"))
                .allSatisfy(key -> assertThat(reference).contains(key));
        assertThat(List.of(SettingKey.values())).allSatisfy(key -> assertThat(reference).contains(key.configName()));
        assertThat(Optional.of(reference)).hasValueSatisfying(text -> assertThat(text).contains("institution.properties"));
    }

    private InstitutionConfig parse(String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return InstitutionConfigParser.read(file);
    }
}
