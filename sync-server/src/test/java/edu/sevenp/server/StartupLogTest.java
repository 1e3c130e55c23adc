package edu.sevenp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupLogTest {

    @Test
    void theConfigurationLineNamesEverySettingButNoSecret() {
        ServerConfig config = ServerConfig.from(Map.of(
                "SEVENP_DB_URL", "jdbc:postgresql://db:5432/sevenp?sslmode=require",
                "SEVENP_DB_USER", "sevenp_owner",
                "SEVENP_DB_PASSWORD", "owner-s3cret",
                "SEVENP_DB_REQUEST_PASSWORD", "request-s3cret",
                "SEVENP_TOKEN_SECRET", "token-s3cret-token-s3cret-token-s3cret",
                "SEVENP_SERVER_DATA_DIR", "/srv/sevenp"), List.of("--port", "9090"));

        assertThat(StartupLog.configuration(config)).isEqualTo("configuration port=9090 host=0.0.0.0 dataDir=/srv/sevenp"
                + " database=external url=jdbc:postgresql://db:5432/sevenp?sslmode=require owner=sevenp_owner"
                + " requestRole=sevenp_app tokenSecret=environment registration=open trustProxy=false"
                + " passwordMemoryKib=65536 passwordIterations=3 tombstoneHorizonDays=30 maxPackageMb=1024"
                + " statsRefreshMinutes=15");
    }

    @Test
    void theConfigurationLineNamesTheReplicaButNotItsPassword() {
        ServerConfig config = ServerConfig.from(Map.of(
                "SEVENP_DB_URL", "jdbc:postgresql://db:5432/sevenp",
                "SEVENP_DB_USER", "sevenp_owner",
                "SEVENP_DB_REQUEST_PASSWORD", "request-s3cret",
                "SEVENP_DB_REPLICA_URL", "jdbc:postgresql://standby:5432/sevenp",
                "SEVENP_DB_REPLICA_PASSWORD", "replica-s3cret"), List.of());

        assertThat(StartupLog.configuration(config))
                .contains(" requestRole=sevenp_app replica=jdbc:postgresql://standby:5432/sevenp replicaRole=sevenp_app ")
                .doesNotContain("s3cret");
    }

    @Test
    void theEmbeddedDatabaseKeepsItsTokenSecretInTheDataFolder() {
        ServerConfig config = ServerConfig.from(Map.of("SEVENP_SERVER_DATA_DIR", "/srv/sevenp"), List.of());

        assertThat(StartupLog.configuration(config)).contains(" database=embedded tokenSecret=data-folder ");
    }

    @Test
    void aValueWithSpacesIsQuotedSoThatTheLineStillSplits() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("dataDir", "/Users/ana/Library/Application Support/sevenp-server");
        values.put("quote", "say \"hi\"");
        values.put("empty", "");

        assertThat(StartupLog.line("configuration", values)).isEqualTo("configuration"
                + " dataDir=\"/Users/ana/Library/Application Support/sevenp-server\" quote=\"say \\\"hi\\\"\" empty=\"\"");
    }
}
