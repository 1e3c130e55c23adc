package edu.sevenp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example configuration the server archive ships (src/dist/config) stays true to what the server reads. */
class ExampleConfigurationTest {

    private static final Path EXAMPLE = Path.of("src/dist/config/sevenp-server.properties.example");
    private static final Pattern SETTING_LINE = Pattern.compile("(?m)^(?:# )?(SEVENP_[A-Z_]+)=");

    @Test
    void theShippedExampleStartsALocalServerInTheServicesDataFolder() {
        ServerConfig config = ServerConfig.from(Map.of(), List.of("--config", EXAMPLE.toString()));

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.options().host()).isEqualTo("127.0.0.1");
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/var/lib/sevenp-server"));
        assertThat(config.database()).isEmpty();
        assertThat(config.options().trustProxy()).isFalse();
    }

    @Test
    void everySettingItOffersIsValidWhenSwitchedOn(@TempDir Path folder) throws Exception {
        Path switchedOn = folder.resolve("all.properties");
        Files.writeString(switchedOn, Files.readString(EXAMPLE).replaceAll("(?m)^# (SEVENP_[A-Z_]+=)", "$1"));

        ServerConfig config = ServerConfig.from(Map.of(), List.of("--config", switchedOn.toString()));

        assertThat(config.database()).isEqualTo(Optional.of(new DatabaseConfig("jdbc:postgresql://localhost:5432/sevenp",
                "sevenp_owner", "", "sevenp_app", "").withReplica(new ReplicaConfig("jdbc:postgresql://replica.example:5432/sevenp",
                "sevenp_app", ""))));
        assertThat(config.options()).isEqualTo(new ServerOptions("127.0.0.1", Optional.empty(), true, false, 65_536, 3,
                ServerOptions.DEFAULT.tombstoneHorizon(), ServerOptions.DEFAULT.maxPackageBytes()));
    }

    @Test
    void itOffersEverySettingTheServerReadsAndNoOther() throws Exception {
        Set<String> read = names(Pattern.compile("\"(SEVENP_[A-Z_]+)\""),
                Files.readString(Path.of("src/main/java/edu/sevenp/server/ServerConfig.java")));
        // Names the file itself: only meaningful in the environment.
        read.remove("SEVENP_CONFIG_FILE");

        assertThat(names(SETTING_LINE, Files.readString(EXAMPLE))).isEqualTo(read);
    }

    private static Set<String> names(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
